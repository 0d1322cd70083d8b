using FrontlineCare.Core.Features.Checklist;
using FrontlineCare.Web.Features.Workers;
using FrontlineCare.Web.Infrastructure;
using FrontlineCare.Web.Resources;
using MiniExcelLibs;

namespace FrontlineCare.Web.Features.Checklist;

/// <summary>
/// H3: the implementation report the documents ask for, from data rather than retyped — for each unit of the matrix and
/// each measure of its profile, the figures the portal holds and the committee's statement. Organisation department only.
/// </summary>
public static class ChecklistExport
{
    public static IEndpointRouteBuilder MapChecklistExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checklist/export", async (ChecklistService checklist, CancellationToken ct) =>
        {
            var result = await checklist.MatrixAsync(withFigures: true, ct);
            if (!result.IsOk) return Results.Forbid();
            var rows = result.Value!.SelectMany(unit => unit.Items.Select(item => new Dictionary<string, object?>
            {
                [UiText.Unit] = SpreadsheetText.Safe(unit.UnitName),
                [UiText.ChecklistMeasure] = $"{item.Item.Code} {Labels.ChecklistItem(item.Item)}",
                [UiText.ChecklistFigures] = ChecklistText.Figures(item.Indicators),
                [UiText.ChecklistStatement] = SpreadsheetText.Safe(item.Statement?.Statement),
                [UiText.ChecklistUpdated] = item.Statement is { } s ? $"{Labels.Time(s.UpdatedAt)} {s.UpdatedBy}" : "",
            })).ToList();
            using var buffer = new MemoryStream();
            await buffer.SaveAsAsync(rows, sheetName: UiText.ChecklistTitle, cancellationToken: ct);
            return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{UiText.ChecklistTitle}-{DateTime.Now:yyyyMMdd}.xlsx");
        }).RequireAuthorization();

        // An attached evidence file, for a caller whose jurisdiction holds the unit.
        app.MapGet("/checklist/files/{statementId:guid}/{fileId:guid}", async (Guid statementId, Guid fileId, ChecklistService checklist, HttpContext http, CancellationToken ct) =>
            EvidenceDownload.Send(await checklist.AttachmentAsync(statementId, fileId, ct), http)).RequireAuthorization();
        return app;
    }
}

/// <summary>The figures of a checklist item as one line of text ("在岗人数 12；累计派出 30").</summary>
public static class ChecklistText
{
    public static string Figures(IEnumerable<Indicator> indicators) =>
        string.Join("；", indicators.Select(i => $"{Labels.Indicator(i.Key)} {(i.Key.EndsWith("Yuan", StringComparison.Ordinal) ? Labels.Yuan(i.Value) : i.Value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture))}"));
}
