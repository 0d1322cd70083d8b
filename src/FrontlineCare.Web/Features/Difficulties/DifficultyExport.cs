using FrontlineCare.Core.Features.Difficulties;
using FrontlineCare.Web.Features.Workers;
using FrontlineCare.Web.Infrastructure;
using FrontlineCare.Web.Resources;
using MiniExcelLibs;

namespace FrontlineCare.Web.Features.Difficulties;

/// <summary>A unit's family-difficulty ledger (and its sub-units') as an Excel sheet, for the roles that keep it.</summary>
public static class DifficultyExport
{
    public static IEndpointRouteBuilder MapDifficultyExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/difficulties/export", async (Guid? unitId, FamilyDifficultyService ledger, CancellationToken ct) =>
        {
            var result = await ledger.ListAsync(unitId, openOnly: false, ct);
            if (!result.IsOk) return result.Status == Core.Common.ResultStatus.NotFound ? Results.NotFound() : Results.Forbid();
            var rows = result.Value!.Select((r, i) => new Dictionary<string, object?>
            {
                [UiText.SubsidyColNumber] = i + 1,
                [UiText.DifficultyWho] = SpreadsheetText.Safe(r.Name),
                [UiText.Unit] = SpreadsheetText.Safe(r.UnitName),
                [UiText.DifficultyPartyMember] = r.IsPartyMember ? UiText.Yes : "",
                [UiText.DifficultyKind] = Labels.Of(r.Kind),
                [UiText.DifficultyDescription] = SpreadsheetText.Safe(r.Description),
                [UiText.DifficultyLiaison] = SpreadsheetText.Safe($"{r.Liaison} {r.LiaisonPhone}".Trim()),
                [UiText.DifficultyOpened] = Labels.Date(r.OpenedOn),
                [UiText.DifficultyDaysOpenColumn] = r.DaysOpen,
                [UiText.DifficultyLastAction] = r.Actions.Count > 0 ? SpreadsheetText.Safe($"{Labels.Date(r.Actions[0].On)} {r.Actions[0].Note}") : "",
                [UiText.Status] = r.ResolvedOn is { } done ? string.Format(UiText.DifficultyResolvedOn, Labels.Date(done)) : r.Overdue ? UiText.DifficultyOverdue : UiText.DifficultyOpenState,
                [UiText.DifficultyResolution] = SpreadsheetText.Safe(r.Resolution),
            }).ToList();
            using var buffer = new MemoryStream();
            await buffer.SaveAsAsync(rows, sheetName: UiText.DifficultiesTitle, cancellationToken: ct);
            return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{UiText.DifficultiesTitle}-{DateTime.Now:yyyyMMdd}.xlsx");
        }).RequireAuthorization();
        return app;
    }
}
