using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Web.Features.Workers;
using FrontlineCare.Web.Infrastructure;
using FrontlineCare.Web.Resources;
using MiniExcelLibs;

namespace FrontlineCare.Web.Features.Subsidies;

/// <summary>
/// A subsidy sheet as the finance office's Excel (D1): a title, one row per person — 序号, name, masked ID, unit,
/// days and amount per tier, top-up, meal, allowance, adjustment, total, how it was computed, a signature cell — the
/// total row, and the 制表/审核/审批 row. Rows stream from the database into a temporary file: memory stays flat.
/// </summary>
public static class SubsidyExport
{
    public static IEndpointRouteBuilder MapSubsidyExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/subsidies/{id:guid}/export", async (Guid id, SubsidySheetService sheets, HttpContext context, CancellationToken ct) =>
        {
            var view = await sheets.GetAsync(id, ct);
            if (!view.IsOk) return view.Status == Core.Common.ResultStatus.NotFound ? Results.NotFound() : Results.Forbid();
            var path = Path.GetTempFileName();
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await WriteAsync(file, view.Value!, sheets.ExportAsync(id, ct).ToBlockingEnumerable(ct), ct);
            file.Position = 0;
            var name = $"{Title(view.Value!)}.xlsx";
            context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            context.Response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(name)}";
            await file.CopyToAsync(context.Response.Body, ct);
            return Results.Empty;
        }).RequireAuthorization();
        return app;
    }

    /// <summary>Writes the sheet's workbook to the stream as the rows arrive (also used by the benchmark).</summary>
    public static Task WriteAsync(Stream stream, SubsidySheetView view, IEnumerable<SubsidyExportRow> rows, CancellationToken ct) =>
        stream.SaveAsAsync(Sheet(view, rows), printHeader: false, sheetName: Labels.Month(view.Sheet.Month), cancellationToken: ct);

    private static string Title(SubsidySheetView view) =>
        string.Format(UiText.SubsidySheetTitle, view.Sheet.UnitName, Labels.Month(view.Sheet.Month));

    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q"];

    private static Dictionary<string, object?> Row(params object?[] cells) =>
        Columns.Select((c, i) => (c, Value: i < cells.Length ? cells[i] : null)).ToDictionary(x => x.c, x => x.Value);

    private static IEnumerable<Dictionary<string, object?>> Sheet(SubsidySheetView view, IEnumerable<SubsidyExportRow> rows)
    {
        yield return Row(Title(view));
        yield return Row(UiText.SubsidyColNumber, UiText.FullName, UiText.NationalId, UiText.Unit, UiText.Category,
            UiText.SubsidyColTierIDays, UiText.SubsidyColTierIAmount, UiText.SubsidyColTierIIDays, UiText.SubsidyColTierIIAmount,
            UiText.SubsidyColTopUpDays, UiText.SubsidyColTopUpAmount, UiText.SubsidyColMeal, UiText.SubsidyColAllowance,
            UiText.SubsidyColAdjustment, UiText.SubsidyColTotal, UiText.SubsidyColFormula, UiText.SubsidyColSignature);
        decimal t1d = 0, t1 = 0, t2d = 0, t2 = 0, tud = 0, tu = 0, meal = 0, allowance = 0, adjustment = 0, total = 0;
        foreach (var r in rows)
        {
            (t1d, t1, t2d, t2, tud, tu) = (t1d + r.TierIDays, t1 + r.TierIAmount, t2d + r.TierIIDays, t2 + r.TierIIAmount, tud + r.TopUpDays, tu + r.TopUpAmount);
            (meal, allowance, adjustment, total) = (meal + r.Meal, allowance + r.Allowance, adjustment + r.Adjustment, total + r.Total);
            yield return Row(r.Number, SpreadsheetText.Safe(r.FullName), r.NationalIdMasked, SpreadsheetText.Safe(r.UnitName), Labels.Of(r.Category),
                r.TierIDays, r.TierIAmount, r.TierIIDays, r.TierIIAmount, r.TopUpDays, r.TopUpAmount, r.Meal, r.Allowance, r.Adjustment, r.Total,
                string.Join("；", r.Lines.Select(Labels.Formula)), "");
        }
        yield return Row(UiText.SubsidyColTotal, "", "", "", "", t1d, t1, t2d, t2, tud, tu, meal, allowance, adjustment, total);
        yield return Row(string.Format(UiText.SubsidySignatures, view.GeneratedBy, view.CheckedBy, view.ApprovedBy));
    }
}
