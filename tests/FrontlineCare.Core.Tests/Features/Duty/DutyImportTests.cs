using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FrontlineCare.Core.Tests.Features.Duty;

/// <summary>Importing the duty grid from Excel: the template round-trips, and a sheet with any wrong cell imports nothing.</summary>
public sealed class DutyImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly LastMonday = new(2026, 11, 16);

    private DutyService Duty => fixture.Get<DutyService>();

    private async Task<(DutyWeekKey Key, Guid DeploymentId, string Name)> PostAsync(DateOnly? deployedFrom = null)
    {
        var place = "导入测试" + Guid.NewGuid().ToString("N")[..6];
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, deployedFrom ?? LastMonday.AddDays(-30), null, place);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        return (new DutyWeekKey(place, LastMonday), deployment.Id, worker.FullName);
    }

    private static MemoryStream Sheet(params Dictionary<string, object?>[] rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, object?> Row(Guid key, string name, params object?[] days)
    {
        var row = new Dictionary<string, object?> { [DutySheet.KeyHeader] = key.ToString(), [DutySheet.NameHeader] = name };
        for (var i = 0; i < 7; i++) row[DutySheet.Header(LastMonday.AddDays(i))] = i < days.Length ? days[i] : null;
        return row;
    }

    private async Task<int> LogsAsync(Guid deploymentId)
    {
        await using var db = fixture.NewContext();
        return await db.DutyLogs.CountAsync(l => l.DeploymentId == deploymentId);
    }

    [Fact]
    public async Task The_downloaded_template_filled_in_imports_every_cell()
    {
        var (key, deploymentId, name) = await PostAsync();
        using var template = new MemoryStream(DutySheet.Template(await Duty.GetWeekAsync(key)));
        var rows = template.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.ShouldHaveSingleItem()[DutySheet.NameHeader].ShouldBe(name);

        var result = await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, 8, 8.5, null, 10, "6", 0, 4)));

        result.Value.ShouldBe(1);
        (await Duty.GetWeekAsync(key)).Rows.Single().Hours.ShouldBe([8m, 8.5m, null, 10m, 6m, null, 4m]);
    }

    [Fact]
    public async Task Another_weeks_template_is_rejected_on_its_headers()
    {
        var (key, deploymentId, name) = await PostAsync();
        var row = Row(deploymentId, name, 8);
        var shifted = row.ToDictionary(kv => kv.Key.StartsWith("2026") ? DutySheet.Header(DateOnly.Parse(kv.Key).AddDays(-7)) : kv.Key, kv => kv.Value);

        var result = await Duty.ImportAsync(key, Sheet(shifted));

        result.Errors.Select(e => e.Field).ShouldBe(["C1", "D1", "E1", "F1", "G1", "H1", "I1"]);
        result.Errors[0].Message.ShouldBe(string.Format(Messages.DutySheetHeader, "2026-11-16"));
        (await LogsAsync(deploymentId)).ShouldBe(0);
    }

    [Fact]
    public async Task Every_bad_cell_is_listed_by_its_cell_and_nothing_is_imported()
    {
        var (key, deploymentId, name) = await PostAsync();

        var result = await Duty.ImportAsync(key, Sheet(
            Row(deploymentId, name, 8, "八", 25, -1, 8),
            Row(Guid.NewGuid(), "张三", 8),
            Row(deploymentId, name, 8)));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldBe([
            new FieldError("D2", Messages.DutySheetHours), new FieldError("E2", Messages.DutySheetHours), new FieldError("F2", Messages.DutySheetHours),
            new FieldError("A3", Messages.DutySheetUnknownKey), new FieldError("A4", string.Format(Messages.DutySheetDuplicateKey, 2)),
        ]);
        (await LogsAsync(deploymentId)).ShouldBe(0, "the good cells of a rejected sheet are not imported either");
    }

    [Fact]
    public async Task A_cell_of_only_spaces_is_refused_on_its_cell_while_an_empty_cell_clears_the_day()
    {
        var (key, deploymentId, name) = await PostAsync();
        (await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, 8, 8)))).IsOk.ShouldBeTrue();

        var blank = await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, "  ", 8)));

        blank.Errors.ShouldBe([new FieldError("C2", Messages.BlankText)]);
        (await LogsAsync(deploymentId)).ShouldBe(2, "nothing stored changed");
        (await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, "", 8)))).IsOk.ShouldBeTrue();
        (await LogsAsync(deploymentId)).ShouldBe(1, "the emptied day is cleared on purpose");
    }

    [Fact]
    public async Task A_name_that_does_not_match_its_key_is_refused()
    {
        var (key, deploymentId, name) = await PostAsync();

        var result = await Duty.ImportAsync(key, Sheet(Row(deploymentId, name + "某", 8)));

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("B2", string.Format(Messages.DutySheetNameMismatch, name)));
    }

    [Fact]
    public async Task What_the_save_refuses_is_reported_on_the_sheets_cell()
    {
        // Deployed from Wednesday: Monday's hours are outside the deployment.
        var (key, deploymentId, name) = await PostAsync(deployedFrom: LastMonday.AddDays(2));

        var result = await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, 8, null, 8)));

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("C2", Messages.DutyOutsideDeployment));
        (await LogsAsync(deploymentId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_and_read_only_roles_cannot_import()
    {
        var (key, deploymentId, name) = await PostAsync();
        (await Duty.ImportAsync(key, new MemoryStream("姓名,周一\n张三,8"u8.ToArray()))).Errors.ShouldHaveSingleItem().Message.ShouldBe(Messages.DutySheetUnreadable);

        await fixture.UseAsync(Roles.Supervisor, "椒江区");
        (await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, 8)))).Status.ShouldBe(ResultStatus.Forbidden);

        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        (await Duty.ImportAsync(key, Sheet(Row(deploymentId, name, 8)))).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("A2", Messages.DutySheetUnknownKey));
        (await LogsAsync(deploymentId)).ShouldBe(0);
    }
}
