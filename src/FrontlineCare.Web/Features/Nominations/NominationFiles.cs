using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Nominations;

namespace FrontlineCare.Web.Features.Nominations;

/// <summary>
/// Downloads a nomination's evidence file (and shows a publicised model's photo, F8) for a caller whose jurisdiction holds the nomination. Always as an
/// attachment of a neutral type, never rendered in the portal's origin: an uploaded file cannot run as a page.
/// </summary>
public static class NominationFiles
{
    public static IEndpointRouteBuilder MapNominationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/nominations/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, NominationService nominations, HttpContext http, CancellationToken ct) =>
        {
            var file = await nominations.AttachmentAsync(id, fileId, ct);
            if (file.Status == ResultStatus.NotFound) return Results.NotFound();
            if (!file.IsOk) return Results.Forbid();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            return Results.File(file.Value!.Content, "application/octet-stream", file.Value.FileName);
        }).RequireAuthorization();

        // F8: a publicised model's photo, shown in the gallery. Only PNG or JPEG (checked by content on upload) is
        // stored there, and it is sent as that image type with nosniff, so a browser cannot take it for a page.
        app.MapGet("/nominations/{id:guid}/photo", async (Guid id, NominationService nominations, HttpContext http, CancellationToken ct) =>
        {
            var file = await nominations.PhotoAsync(id, ct);
            if (file.Status == ResultStatus.NotFound) return Results.NotFound();
            if (!file.IsOk) return Results.Forbid();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            return Results.File(file.Value!.Content, file.Value.ContentType);
        }).RequireAuthorization();
        return app;
    }
}
