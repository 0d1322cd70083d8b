using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Talent;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Web.Features.Workers;
using FrontlineCare.Web.Infrastructure;
using FrontlineCare.Web.Resources;
using MiniExcelLibs;

namespace FrontlineCare.Web.Features.Talent;

/// <summary>One talent or priority list of the caller's jurisdiction as an Excel sheet (organisation department only).</summary>
public static class TalentExport
{
    public static IEndpointRouteBuilder MapTalentExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/talent/export", async (TalentList list, TalentService talent, ICurrentUser user, CancellationToken ct) =>
        {
            if (!user.IsInRole(Roles.OrgDepartment)) return Results.Forbid();
            var rows = (await talent.ListAsync(list, includeRemoved: false, ct)).Select(r => new Dictionary<string, object?>
            {
                [UiText.FullName] = SpreadsheetText.Safe(r.FullName),
                [UiText.NationalId] = SpreadsheetText.Safe(r.NationalId),
                [UiText.Unit] = SpreadsheetText.Safe(r.UnitName),
                [UiText.Category] = Labels.Of(r.Category),
                [UiText.Position] = SpreadsheetText.Safe(r.Position),
                [UiText.TalentEvidence] = SpreadsheetText.Safe(r.Evidence),
                [UiText.TalentAdded] = Labels.Time(r.AddedAt),
            }).ToList();
            using var buffer = new MemoryStream();
            await buffer.SaveAsAsync(rows, sheetName: Labels.Of(list), cancellationToken: ct);
            return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"{Labels.Of(list)}-{DateTime.Now:yyyyMMdd}.xlsx");
        }).RequireAuthorization();
        return app;
    }
}
