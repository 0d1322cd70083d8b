using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FrontlineCare.Core.Tests.Features.Duty;

/// <summary>
/// The scheduled B2 sweep: the set-based SQL finds what the in-memory rule finds, opens one case per overloaded
/// person (audited), and stays correct when several portal instances sweep at the same moment.
/// </summary>
public sealed class OverloadSweepTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private DateOnly Today => fixture.Clock.Today();

    /// <summary>A worker in 东山社区 deployed for the last 80 days, with duty written straight into the table (as an import or another instance would).</summary>
    private async Task<(Guid WorkerId, Guid DeploymentId)> WorkerWithDutyAsync(IEnumerable<(int DaysAgo, decimal Hours)> duty, RiskClass risk = RiskClass.II, string unit = "东山社区")
    {
        var worker = await fixture.AddWorkerAsync(unit);
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-80), null, "巡查点" + Guid.NewGuid().ToString("N")[..6]);
        await using var db = fixture.NewContext();
        if (risk != RiskClass.II) await db.Deployments.Where(d => d.Id == deployment.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, risk));
        db.DutyLogs.AddRange(duty.Select(d => new DutyLog
        {
            Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = Today.AddDays(-d.DaysAgo), Hours = d.Hours,
            HighRisk = risk == RiskClass.I,
        }));
        await db.SaveChangesAsync();
        return (worker.Id, deployment.Id);
    }

    private static IEnumerable<(int, decimal)> Daily(int fromDaysAgo, int count, decimal hours) =>
        Enumerable.Range(0, count).Select(i => (fromDaysAgo - i, hours));

    private async Task<List<ForcedRestCase>> CasesOfAsync(Guid workerId)
    {
        await using var db = fixture.NewContext();
        return await db.ForcedRestCases.AsNoTracking().Where(c => c.WorkerId == workerId).ToListAsync();
    }

    [Fact]
    public async Task The_sql_rule_finds_exactly_what_the_in_memory_rule_finds_on_random_duty()
    {
        var random = new Random(20261123);
        var workers = new List<Guid>();
        for (var w = 0; w < 25; w++)
        {
            // Long stretches of mostly-duty days with random rests, long shifts and 7-day peaks.
            var duty = Enumerable.Range(0, 60)
                .Where(_ => random.NextDouble() > 0.08)
                .Select(daysAgo => (daysAgo, (decimal)(random.NextDouble() < 0.1 ? random.Next(11, 17) : random.Next(0, 11))));
            workers.Add((await WorkerWithDutyAsync(duty, random.NextDouble() < 0.5 ? RiskClass.I : RiskClass.II)).WorkerId);
        }

        await using var db = fixture.NewContext();
        var limits = PolicyCatalog.For(PolicyProfileCode.ZJ).B2;
        var from = Today.AddDays(-70);
        var sqlFindings = await SqlFindingsAsync(db, workers, from, limits);
        var expected = new List<(Guid, OverloadFinding)>();
        foreach (var worker in workers)
        {
            var days = await db.DutyLogs.Where(l => l.WorkerId == worker)
                .Select(l => new DutyDay(l.Day, l.Hours, l.Deployment!.RiskClass == RiskClass.I)).ToListAsync();
            (await db.DutyLogs.AnyAsync(l => l.WorkerId == worker && l.HighRisk != (l.Deployment!.RiskClass == RiskClass.I))).ShouldBeFalse();
            expected.AddRange(B2Overload.Find(days, limits).Select(f => (worker, f)));
        }

        expected.Count.ShouldBeGreaterThan(10, "the random duty should contain overload of several kinds");
        expected.Select(e => e.Item2.Kind).Distinct().Count().ShouldBe(4);
        sqlFindings.OrderBy(f => f.Item1).ThenBy(f => f.Item2.From).ThenBy(f => f.Item2.Kind)
            .ShouldBe(expected.OrderBy(f => f.Item1).ThenBy(f => f.Item2.From).ThenBy(f => f.Item2.Kind));
    }

    private static async Task<List<(Guid, OverloadFinding)>> SqlFindingsAsync(AppDbContext db, List<Guid> workers, DateOnly from, B2Thresholds limits)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "WITH " + B2OverloadSql.FindingsCte + " SELECT worker_id, kind, from_day, to_day, value, lim FROM b2_findings WHERE worker_id = ANY(@workers)",
            (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("workers", workers.ToArray());
        command.Parameters.AddWithValue("first_worker", Guid.Empty);
        command.Parameters.AddWithValue("until_worker", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", DateOnly.MaxValue.AddDays(-1));
        command.Parameters.AddWithValue("profiles", new[] { "ZJ" });
        command.Parameters.AddWithValue("max_days", new[] { limits.MaxConsecutiveDutyDays.Value });
        command.Parameters.AddWithValue("max_shift", new[] { limits.MaxShiftHours.Value });
        command.Parameters.AddWithValue("max_week", new[] { limits.MaxHoursIn7Days.Value });
        command.Parameters.AddWithValue("max_high", new[] { limits.MaxHighRiskPostDays.Value });
        command.Parameters.AddWithValue("run_days", limits.MaxConsecutiveDutyDays.Value);
        command.Parameters.AddWithValue("risk_days", limits.MaxHighRiskPostDays.Value);
        command.Parameters.AddWithValue("run_frame", TimeSpan.FromDays(limits.MaxConsecutiveDutyDays.Value));
        command.Parameters.AddWithValue("risk_frame", TimeSpan.FromDays(limits.MaxHighRiskPostDays.Value));
        var result = new List<(Guid, OverloadFinding)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add((reader.GetGuid(0), new OverloadFinding(Enum.Parse<OverloadKind>(reader.GetString(1)),
                reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3), reader.GetDecimal(4), reader.GetInt32(5))));
        return result;
    }

    [Fact]
    public async Task A_sweep_opens_one_audited_case_for_overload_logged_outside_the_grid_and_a_second_sweep_adds_nothing()
    {
        var (overloaded, _) = await WorkerWithDutyAsync(Daily(20, 15, 6));
        var (fine, _) = await WorkerWithDutyAsync(Daily(20, 13, 6));

        var first = await fixture.Get<OverloadSweep>().RunAsync();
        var second = await fixture.Get<OverloadSweep>().RunAsync();

        first.Ran.ShouldBeTrue();
        var opened = (await CasesOfAsync(overloaded)).ShouldHaveSingleItem();
        (opened.Kind, opened.PeriodFrom, opened.PeriodTo, opened.Value, opened.Status)
            .ShouldBe((OverloadKind.ConsecutiveDays, Today.AddDays(-20), Today.AddDays(-6), 15m, ForcedRestStatus.Open));
        (await CasesOfAsync(fine)).ShouldBeEmpty();
        second.CasesOpened.ShouldBe(0);
        second.CasesExtended.ShouldBe(0);

        await using var db = fixture.NewContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "ForcedRestCase" && a.EntityKey == opened.Id.ToString()).ToListAsync();
        var entry = audit.ShouldHaveSingleItem();
        (entry.UserName, entry.WorkerId, entry.Changes["Kind"].New, entry.Changes["PeriodFrom"].New)
            .ShouldBe((OverloadSweep.Actor, overloaded, "ConsecutiveDays", Today.AddDays(-20).ToString("yyyy-MM-dd")));
    }

    [Fact]
    public async Task New_overload_while_a_case_is_open_extends_that_case_with_an_audited_change()
    {
        var (workerId, deploymentId) = await WorkerWithDutyAsync(Daily(30, 1, 14));
        await fixture.Get<OverloadSweep>().RunAsync();
        var open = (await CasesOfAsync(workerId)).ShouldHaveSingleItem();

        await using (var db = fixture.NewContext())
        {
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deploymentId, WorkerId = workerId, Day = Today.AddDays(-2), Hours = 16 });
            await db.SaveChangesAsync();
        }
        var result = await fixture.Get<OverloadSweep>().RunAsync();

        var extended = (await CasesOfAsync(workerId)).ShouldHaveSingleItem();
        (extended.Id, extended.PeriodFrom, extended.PeriodTo).ShouldBe((open.Id, Today.AddDays(-30), Today.AddDays(-2)));
        result.CasesExtended.ShouldBeGreaterThanOrEqualTo(1);
        await using var check = fixture.NewContext();
        (await check.AuditEntries.CountAsync(a => a.EntityKey == open.Id.ToString() && a.Action == Core.Features.Audit.AuditAction.Update)).ShouldBe(1);
    }

    [Fact]
    public async Task While_another_instance_holds_the_sweep_lock_a_sweep_skips_and_two_at_once_never_duplicate_a_case()
    {
        var overloaded = new List<Guid>();
        for (var i = 0; i < 5; i++) overloaded.Add((await WorkerWithDutyAsync(Daily(10, 2, 13))).WorkerId);

        await using (var otherInstance = new NpgsqlConnection(fixture.ConnectionString))
        {
            await otherInstance.OpenAsync();
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({OverloadSweep.LockKey})", otherInstance);
            await take.ExecuteScalarAsync();
            var skipped = await fixture.Get<OverloadSweep>().RunAsync();
            skipped.Ran.ShouldBeFalse();
            (await CasesOfAsync(overloaded[0])).ShouldBeEmpty();
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({OverloadSweep.LockKey})", otherInstance);
            await release.ExecuteScalarAsync();
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => fixture.Get<OverloadSweep>().RunAsync())));

        results.ShouldContain(r => r.Ran);
        foreach (var worker in overloaded) (await CasesOfAsync(worker)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_lower_threshold_recorded_by_the_organisation_department_applies_from_its_day_on()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var (workerId, _) = await WorkerWithDutyAsync(Daily(12, 1, 11));
        var policies = fixture.Get<PolicyProfileService>();
        (await policies.ChangeAsync(new PolicyParameterForm
        {
            Profile = PolicyProfileCode.ZJ, Key = "B2.maxShiftHours", Value = "10",
            EffectiveFrom = Today.AddDays(1).ToDateTime(TimeOnly.MinValue), Source = "区防控指挥部会议纪要",
        })).IsOk.ShouldBeTrue();

        await fixture.Get<OverloadSweep>().RunAsync();
        (await CasesOfAsync(workerId)).ShouldBeEmpty();

        (await policies.ChangeAsync(new PolicyParameterForm
        {
            Profile = PolicyProfileCode.ZJ, Key = "B2.maxShiftHours", Value = "10",
            EffectiveFrom = Today.ToDateTime(TimeOnly.MinValue), Source = "区防控指挥部会议纪要（提前执行）",
        })).IsOk.ShouldBeTrue();
        await fixture.Get<OverloadSweep>().RunAsync();

        var opened = (await CasesOfAsync(workerId)).ShouldHaveSingleItem();
        (opened.Kind, opened.Limit).ShouldBe((OverloadKind.LongShift, 10));
    }
}
