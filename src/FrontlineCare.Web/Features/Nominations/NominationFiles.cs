using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Nominations;

namespace FrontlineCare.Web.Features.Nominations;

/// <summary>
/// Downloads a nomination's evidence file for a caller whose jurisdiction holds the nomination. Always as an
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
        return app;
    }
}
