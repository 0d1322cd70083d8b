using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Web.Infrastructure;

namespace FrontlineCare.Web.Features.Protection;

/// <summary>Downloads an error-tolerance case's evidence file for whoever may see the case; the service logs each read on the case.</summary>
public static class ToleranceFiles
{
    public static IEndpointRouteBuilder MapToleranceFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tolerance/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, ToleranceService cases, HttpContext http, CancellationToken ct) =>
            EvidenceDownload.Send(await cases.FileAsync(id, fileId, ct), http)).RequireAuthorization();
        return app;
    }
}
