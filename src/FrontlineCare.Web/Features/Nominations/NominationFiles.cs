using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Web.Infrastructure;

namespace FrontlineCare.Web.Features.Nominations;

/// <summary>Downloads a nomination's evidence file (and shows a publicised model's photo, F8) for a caller whose jurisdiction holds the nomination.</summary>
public static class NominationFiles
{
    public static IEndpointRouteBuilder MapNominationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/nominations/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, NominationService nominations, HttpContext http, CancellationToken ct) =>
            EvidenceDownload.Send(await nominations.AttachmentAsync(id, fileId, ct), http)).RequireAuthorization();

        // F8: a publicised model's photo, shown in the gallery.
        app.MapGet("/nominations/{id:guid}/photo", async (Guid id, NominationService nominations, HttpContext http, CancellationToken ct) =>
            EvidenceDownload.Send(await nominations.PhotoAsync(id, ct), http, asImage: true)).RequireAuthorization();
        return app;
    }
}
