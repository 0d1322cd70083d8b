using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Web.Infrastructure;
using FrontlineCare.Web.Resources;
using MiniExcelLibs;

namespace FrontlineCare.Web.Features.Workers;

/// <summary>The worker list's Excel export: the filtered rows of the caller's jurisdiction, masked as on screen.</summary>
public static class WorkerExport
{
    public static IEndpointRouteBuilder MapWorkerExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/workers/export", async (
            [Microsoft.AspNetCore.Http.AsParameters] Api.PortalApi.WorkerListRequest request, WorkerService workers, HttpContext context, CancellationToken ct) =>
        {
            // Rows flow from the database reader into a temporary file, then to the client: never all in memory.
            var path = Path.GetTempFileName();
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var rows = workers.ExportAsync(request.ToQuery(), ct).ToBlockingEnumerable(ct).Select(ToRow);
            await file.SaveAsAsync(rows, sheetName: UiText.ExportFileName, cancellationToken: ct);
            file.Position = 0;
            var name = $"{UiText.ExportFileName}-{DateTime.Now:yyyyMMdd-HHmm}.xlsx";
            context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            context.Response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(name)}";
            await file.CopyToAsync(context.Response.Body, ct);
        });
        return app;
    }

    private static Dictionary<string, object?> ToRow(WorkerListItem w) => new()
    {
        [UiText.FullName] = SpreadsheetText.Safe(w.FullName),
        [UiText.Gender] = Labels.Of(w.Gender),
        [UiText.NationalId] = SpreadsheetText.Safe(w.NationalId),
        [UiText.Mobile] = SpreadsheetText.Safe(w.Mobile),
        [UiText.Unit] = SpreadsheetText.Safe(w.UnitName),
        [UiText.Category] = Labels.Of(w.Category),
        [UiText.PoliticalStatus] = Labels.Of(w.PoliticalStatus),
        [UiText.Position] = SpreadsheetText.Safe(w.Position),
        [UiText.DeployedNow] = w.DeployedNow ? UiText.Yes : UiText.No,
    };
}

public static class SpreadsheetText
{
    /// <summary>
    /// A cell that starts with = + - @ (or a tab or carriage return) would be read by a spreadsheet as a formula
    /// (CSV/formula injection). Prefixing an apostrophe keeps it plain text.
    /// </summary>
    public static string? Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
