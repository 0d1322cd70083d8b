using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Files;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// Answers a request for an uploaded evidence file: not found, forbidden, or the file. Always as an attachment of a
/// neutral type, never rendered in the portal's origin, so an uploaded file cannot run as a page; a photo shown in the
/// portal goes as its image type (PNG or JPEG, checked by content on upload) with nosniff.
/// </summary>
public static class EvidenceDownload
{
    public static IResult Send(Result<StoredFile> file, HttpContext http, bool asImage = false)
    {
        if (file.Status == ResultStatus.NotFound) return Results.NotFound();
        if (!file.IsOk) return Results.Forbid();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return asImage ? Results.File(file.Value!.Content, file.Value.ContentType) : Results.File(file.Value!.Content, "application/octet-stream", file.Value.FileName);
    }
}
