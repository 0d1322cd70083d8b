using System.Diagnostics;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FrontlineCare.Core.Tests.Common;

/// <summary>
/// What an operator's dashboard shows of the background work: the B2 sweep's duration, findings and cases, which
/// instance swept or skipped, and the time a subsidy sheet took, as recorded on the portal's meter.
/// </summary>
public sealed class PortalMetricsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private DateOnly Today => fixture.Clock.Today();

    private MetricRecorder Record() => new(fixture.Services.GetService(typeof(PortalMetrics)) is PortalMetrics metrics
        ? metrics.Meter : throw new InvalidOperationException("PortalMetrics is not registered"));

    [Fact]
    public async Task A_sweep_records_its_duration_findings_and_the_cases_it_opened_and_a_skipped_sweep_only_counts_as_skipped()
    {
        // 15 days of duty in a row (the ZJ limit is 14): one case to open.
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-80), null, "测量点" + Guid.NewGuid().ToString("N")[..6]);
        await using (var db = fixture.NewContext())
        {
            db.DutyLogs.AddRange(Enumerable.Range(6, 15).Select(daysAgo => new DutyLog
            {
                Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = Today.AddDays(-daysAgo), Hours = 6,
            }));
            await db.SaveChangesAsync();
        }
        using var recorder = Record();

        var wall = Stopwatch.StartNew();
        var first = await fixture.Get<OverloadSweep>().RunAsync();
        wall.Stop();

        first.Ran.ShouldBeTrue();
        first.CasesOpened.ShouldBeGreaterThanOrEqualTo(1);
        var duration = recorder.Of("frontlinecare.b2_sweep.duration").ShouldHaveSingleItem().Value;
        duration.ShouldBeGreaterThan(0);
        duration.ShouldBeLessThanOrEqualTo(wall.Elapsed.TotalSeconds);
        duration.ShouldBe(first.Elapsed.TotalSeconds, 1e-9);
        recorder.Of("frontlinecare.b2_sweep.findings").ShouldHaveSingleItem().Value.ShouldBe(first.Findings);
        first.Findings.ShouldBeGreaterThanOrEqualTo(1);
        recorder.Sum("frontlinecare.b2_sweep.cases", (PortalMetrics.ChangeTag, "opened")).ShouldBe(first.CasesOpened);
        recorder.Sum("frontlinecare.b2_sweep.runs", (PortalMetrics.OutcomeTag, "swept")).ShouldBe(1);

        // The next hour finds the same overload again (a level, not more of it) and opens nothing.
        var second = await fixture.Get<OverloadSweep>().RunAsync();
        second.CasesOpened.ShouldBe(0);
        recorder.Of("frontlinecare.b2_sweep.findings").Select(m => m.Value).ShouldBe([first.Findings, second.Findings]);
        recorder.Sum("frontlinecare.b2_sweep.cases", (PortalMetrics.ChangeTag, "opened")).ShouldBe(first.CasesOpened);

        // Another instance holds the lock: this one counts a skipped run and records no duration or findings.
        await using (var otherInstance = new NpgsqlConnection(fixture.ConnectionString))
        {
            await otherInstance.OpenAsync();
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({OverloadSweep.LockKey})", otherInstance);
            await take.ExecuteScalarAsync();
            (await fixture.Get<OverloadSweep>().RunAsync()).Ran.ShouldBeFalse();
        }
        recorder.Sum("frontlinecare.b2_sweep.runs", (PortalMetrics.OutcomeTag, "skipped")).ShouldBe(1);
        recorder.Sum("frontlinecare.b2_sweep.runs", (PortalMetrics.OutcomeTag, "swept")).ShouldBe(2);
        recorder.Of("frontlinecare.b2_sweep.duration").Count.ShouldBe(2);
        recorder.Of("frontlinecare.b2_sweep.findings").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Generating_a_subsidy_sheet_records_its_time_once_and_a_refused_generation_records_nothing()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var worker = await fixture.AddWorkerAsync(unit.Id, name: "测量甲");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, new DateOnly(2026, 9, 1), null);
        await using (var db = fixture.NewContext())
        {
            await db.Workers.Where(w => w.Id == worker.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Category, WorkerCategory.MedicalWorker));
            await db.Deployments.Where(d => d.Id == deployment.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.RiskClass, RiskClass.I).SetProperty(d => d.PostKind, PostKind.DesignatedHospital));
            db.DutyLogs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = deployment.Id, WorkerId = worker.Id, Day = new DateOnly(2026, 10, 5), Hours = 8 });
            await db.SaveChangesAsync();
        }
        using var recorder = Record();

        await fixture.UseAsync(Roles.Supervisor, "海门街道");
        (await fixture.Get<SubsidySheetService>().GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 10, 1) }))
            .Status.ShouldBe(ResultStatus.Forbidden);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await fixture.Get<SubsidySheetService>().GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 12, 1) }))
            .IsOk.ShouldBeFalse();
        recorder.Of("frontlinecare.subsidy_sheet.duration").ShouldBeEmpty();

        var wall = Stopwatch.StartNew();
        var generated = await fixture.Get<SubsidySheetService>().GenerateAsync(new SubsidySheetForm { UnitId = unit.Id, Month = new DateOnly(2026, 10, 1) });
        wall.Stop();

        generated.IsOk.ShouldBeTrue();
        var seconds = recorder.Of("frontlinecare.subsidy_sheet.duration").ShouldHaveSingleItem().Value;
        seconds.ShouldBeGreaterThan(0);
        seconds.ShouldBeLessThanOrEqualTo(wall.Elapsed.TotalSeconds);
    }
}
