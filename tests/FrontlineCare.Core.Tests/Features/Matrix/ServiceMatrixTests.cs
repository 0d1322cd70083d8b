using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Casualties;
using FrontlineCare.Core.Features.Checklist;
using FrontlineCare.Core.Features.Couples;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Difficulties;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Features.Health;
using FrontlineCare.Core.Features.Incidents;
using FrontlineCare.Core.Features.Insurance;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Membership;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Rotation;
using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Core.Features.Supervision;
using FrontlineCare.Core.Features.Talent;
using FrontlineCare.Core.Features.Titles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Visits;
using FrontlineCare.Core.Features.Volunteers;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontlineCare.Core.Tests.Features.Matrix;

/// <summary>
/// The jurisdiction matrix for every service: each public method that takes the id of a record (or a unit), called by
/// each role from its home unit on a record of a unit inside and outside its jurisdiction (东山社区 ⊂ 海门街道 ⊂ 椒江区,
/// 白云社区 ⊂ 白云街道 ⊂ 椒江区, 府山街道 ⊂ 绍兴市; Admin at 浙江省 has no personnel jurisdiction).
/// <para>
/// The rule (docs/architecture.md → Jurisdiction): outside the jurisdiction, the answer is exactly the answer for an id
/// that does not exist — same status, same message, same field errors — and never a success; inside it, the record is
/// found (whatever the role may then do with it). Each record is arranged fresh, straight in the database, in a new
/// community under the row's unit, so one row's write cannot change what another row sees.
/// </para>
/// </summary>
public sealed partial class ServiceMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppFixture.Now.UtcDateTime);

    private static readonly (string Role, string Home)[] Callers =
        [(Roles.OrgDepartment, "椒江区"), (Roles.UnitCommittee, "海门街道"), (Roles.Supervisor, "椒江区"), (Roles.Admin, "浙江省")];

    private static readonly string[] Places = ["东山社区", "白云社区", "府山街道"];

    /// <summary>Whether the caller's personnel jurisdiction holds a record of the place.</summary>
    private static bool Inside(string role, string home, string place) => role switch
    {
        Roles.Admin => false,
        _ when home == "椒江区" => place != "府山街道",
        _ => place == "东山社区",
    };

    /// <summary>An arranged record: call the method with its real ids (true) or with made-up ids (false).</summary>
    private delegate Task<Result> Call(bool real);

    private sealed record Case(string Name, Func<Ctx, Task<Call>> Arrange, Func<string, string, string, bool>? InsideFor = null);

    public static TheoryData<string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var c in Cases)
        foreach (var (role, home) in Callers)
        foreach (var place in Places)
            data.Add(c.Name, role, home, place);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_record_outside_the_jurisdiction_answers_exactly_like_a_missing_one(string method, string role, string home, string place)
    {
        var @case = Cases.Single(c => c.Name == method);
        await fixture.UseAsync(Roles.OrgDepartment, "浙江省");
        var unit = await fixture.AddUnitAsync(place);
        var call = await @case.Arrange(new Ctx(fixture, unit));
        await fixture.UseAsync(role, home);

        var missing = await call(real: false);
        var real = await call(real: true);

        var inside = (@case.InsideFor ?? Inside)(role, home, place);
        if (inside)
        {
            real.Status.ShouldNotBe(ResultStatus.NotFound, $"{method} as {role}@{home} on {place}: {real.Message}");
        }
        else
        {
            Describe(real).ShouldBe(Describe(missing), $"{method} as {role}@{home} on {place}: outside must answer like missing");
        }
    }

    [Fact]
    public async Task Admin_manages_accounts_and_the_tree_but_reads_no_personnel_data()
    {
        await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.Admin, "浙江省");

        (await fixture.Get<WorkerService>().ListAsync(new WorkerQuery())).Value!.Items.ShouldBeEmpty();
        (await fixture.Get<WorkerService>().ExportAsync(new WorkerQuery()).CollectAsync()).ShouldBeEmpty();
        var home = await fixture.Get<Core.Features.Home.HomeService>().SummaryAsync();
        (home.Workers, home.DeployedNow, home.CouplesDeployed.Count).ShouldBe((0, 0, 0));
        (await fixture.Get<NominationService>().ListAsync(new NominationQuery())).Items.ShouldBeEmpty();
        (await fixture.Get<DutyService>().PlacesAsync()).ShouldBeEmpty();

        (await fixture.Get<UnitService>().TreeAsync()).ShouldContain(n => n.Name == "东山社区", "Admin picks an account's home unit from the tree");
        (await fixture.Get<AccountService>().ListAsync()).Value!.ShouldContain(a => a.UserName == "committee");
    }

    [Fact]
    public async Task A_case_handler_is_named_only_from_accounts_homed_in_the_callers_jurisdiction()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "浙江省");
        var unit = await fixture.AddUnitAsync("东山社区");
        var x = new Ctx(fixture, unit);
        var @case = await ToleranceAsync(x);
        // An organisation department above the county: its jurisdiction holds the person, but it is not the county's to name.
        var above = await NewAccountAsync(x, "台州市", Roles.OrgDepartment);
        var inside = await AccountAsync(x, "committee");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var tolerance = fixture.Get<ToleranceService>();

        var candidates = await tolerance.HandlerCandidatesAsync(@case.WorkerId);
        (await tolerance.SetHandlerAsync(@case.Id, above, true)).Errors.ShouldHaveSingleItem().Message.ShouldBe(Core.Resources.Messages.ToleranceHandlerNotEligible);

        candidates.ShouldContain(c => c.UserId == inside);
        candidates.ShouldNotContain(c => c.UserId == above);
        await using var db = fixture.NewContext();
        (await db.CaseHandlers.AnyAsync(h => h.CaseId == @case.Id && h.UserId == above)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_case_names_only_the_handlers_homed_in_the_callers_jurisdiction()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "浙江省");
        var unit = await fixture.AddUnitAsync("东山社区");
        var x = new Ctx(fixture, unit);
        var @case = await ToleranceAsync(x);
        var committee = await AccountAsync(x, "committee");
        // Named by the city's organisation department, or before the naming rule: an account above the county.
        var above = await NewAccountAsync(x, "台州市", Roles.OrgDepartment);
        await x.AddAsync(new CaseHandler { CaseId = @case.Id, UserId = committee, AddedAt = x.Now, AddedBy = "matrix" });
        await x.AddAsync(new CaseHandler { CaseId = @case.Id, UserId = above, AddedAt = x.Now, AddedBy = "matrix" });

        async Task<IEnumerable<Guid>> HandlersSeenAsync(string role, string home, Guid? account = null)
        {
            await fixture.UseAsync(role, home);
            if (account is { } id) fixture.User.UserId = id;
            return (await fixture.Get<ToleranceService>().GetAsync(@case.Id)).Value!.Handlers.Select(h => h.UserId);
        }

        (await HandlersSeenAsync(Roles.OrgDepartment, "浙江省")).ShouldBe([committee, above], ignoreOrder: true);
        (await HandlersSeenAsync(Roles.OrgDepartment, "椒江区")).ShouldBe([committee]);
        (await HandlersSeenAsync(Roles.UnitCommittee, "海门街道", committee)).ShouldBe([committee], "the committee handles the case and sees itself, not the city's account");
    }

    /// <summary>The outcome as the caller sees it. An id in a field name is the caller's own input, so it reads as "{id}".</summary>
    private static string Describe(Result r) =>
        $"{r.Status} | {r.Message} | {string.Join("; ", r.Errors.Select(e => $"{GuidInField().Replace(e.Field, "{id}")}: {e.Message}"))}";

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidInField();

    /// <summary>What an arrangement needs: the new community of the row, and helpers that write straight to the database.</summary>
    private sealed class Ctx(AppFixture fixture, Unit unit)
    {
        public AppFixture Fixture => fixture;
        public Unit Unit => unit;
        public DateTimeOffset Now => fixture.Clock.GetUtcNow();
        public T Get<T>() where T : notnull => fixture.Get<T>();

        public Task<FrontlineWorker> WorkerAsync() => fixture.AddWorkerAsync(unit.Id);

        public async Task<(FrontlineWorker Worker, Deployment Deployment)> DeployedAsync()
        {
            var worker = await WorkerAsync();
            return (worker, await fixture.AddDeploymentAsync(worker.Id, Today.AddDays(-30), null, "矩阵卡口" + unit.Id.ToString("N")[^10..]));
        }

        public async Task<T> AddAsync<T>(T entity) where T : class
        {
            await using var db = fixture.NewContext();
            db.Add(entity);
            await db.SaveChangesAsync();
            return entity;
        }

        public async Task<uint> VersionAsync<T>(Guid id) where T : class
        {
            await using var db = fixture.NewContext();
            var entity = await db.Set<T>().FindAsync(id) ?? throw new InvalidOperationException(typeof(T).Name);
            return (uint)db.Entry(entity).Property("Version").CurrentValue!;
        }

        public async Task<StoredFile> FileAsync()
        {
            var content = "%PDF-1.4 matrix"u8.ToArray();
            return await AddAsync(new StoredFile
            {
                Id = Guid.CreateVersion7(), FileName = "证明.pdf", ContentType = "application/pdf", Size = content.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content, UploadedAt = Now,
            });
        }

        public static Guid Pick(bool real, Guid id) => real ? id : Guid.NewGuid();
    }

    private static Guid P(bool real, Guid id) => Ctx.Pick(real, id);

    private static readonly Case[] Cases =
    [
        // ---- workers and deployments -------------------------------------------------------------------------
        new("Workers.GetAsync", async x => { var w = await x.WorkerAsync(); return r => Get<WorkerService>(x).GetAsync(P(r, w.Id)).AsResult(); }),
        new("Workers.GetFormAsync", async x => { var w = await x.WorkerAsync(); return r => Get<WorkerService>(x).GetFormAsync(P(r, w.Id)).AsResult(); }),
        new("Workers.HistoryAsync", async x => { var w = await x.WorkerAsync(); return r => Get<WorkerService>(x).HistoryAsync(P(r, w.Id)).AsResult(); }),
        new("Workers.UpdateAsync", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<WorkerService>(x).UpdateAsync(new WorkerForm
            {
                Id = P(r, w.Id), Version = w.Version, FullName = w.FullName, Gender = w.Gender, Mobile = w.Mobile, UnitId = w.UnitId,
                Category = w.Category, PoliticalStatus = w.PoliticalStatus,
            }).AsResult();
        }),
        new("Workers.ListAsync(unit)", x => Task.FromResult<Call>(r => Get<WorkerService>(x).ListAsync(new WorkerQuery { UnitId = P(r, x.Unit.Id) }).AsResult())),
        new("Deployments.ListForWorkerAsync", async x => { var (w, _) = await x.DeployedAsync(); return r => Get<DeploymentService>(x).ListForWorkerAsync(P(r, w.Id)).AsResult(); }),
        new("Deployments.GetFormAsync", async x => { var (_, d) = await x.DeployedAsync(); return r => Get<DeploymentService>(x).GetFormAsync(P(r, d.Id)).AsResult(); }),
        new("Deployments.DeleteAsync", async x => { var (_, d) = await x.DeployedAsync(); return r => Get<DeploymentService>(x).DeleteAsync(P(r, d.Id), d.Version); }),

        // ---- duty, forced rest, rotation, leave, health -------------------------------------------------------
        new("Duty.HistoryAsync", async x => { var w = await x.WorkerAsync(); return r => Get<DutyService>(x).HistoryAsync(P(r, w.Id)).AsResult(); }),
        new("ForcedRest.ScheduleRestAsync", async x => { var c = await ForcedRestAsync(x); return r => Get<ForcedRestService>(x).ScheduleRestAsync(P(r, c.Id), Today.AddDays(1), Today.AddDays(2), c.Version); }),
        new("ForcedRest.MarkRestedAsync", async x => { var c = await ForcedRestAsync(x); return r => Get<ForcedRestService>(x).MarkRestedAsync(P(r, c.Id), c.Version); }),
        new("ForcedRest.WaiveAsync", async x => { var c = await ForcedRestAsync(x); return r => Get<ForcedRestService>(x).WaiveAsync(P(r, c.Id), "疫情高峰，岗位无人替换", c.Version); }),
        // A post is named by its place: a place whose deployments all lie outside answers like a place nobody is at.
        new("Duty.GetWeekAsync(place)", async x =>
        {
            var (_, d) = await x.DeployedAsync();
            return async r => Found((await Get<DutyService>(x).GetWeekAsync(new DutyWeekKey(r ? d.Place : "无此卡口", WeekOf))).Rows.Count > 0);
        }),
        new("Duty.SaveWeekAsync(deployment)", async x =>
        {
            var (_, d) = await x.DeployedAsync();
            return r => Get<DutyService>(x).SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(d.Place, WeekOf), [new DutyRowForm(P(r, d.Id), [8, null, null, null, null, null, null])]));
        }),
        new("Duty.ImportAsync(place)", async x =>
        {
            var (_, d) = await x.DeployedAsync();
            // The sheet as the province's organisation department downloads it, with the row of the deployment.
            var sheet = DutySheet.Template(await Get<DutyService>(x).GetWeekAsync(new DutyWeekKey(d.Place, WeekOf)));
            return async r => await Get<DutyService>(x).ImportAsync(new DutyWeekKey(r ? d.Place : "无此卡口", WeekOf), new MemoryStream(sheet));
        }),
        new("Duty.PlacesOfWeekAsync", async x =>
        {
            var (_, d) = await x.DeployedAsync();
            return async r => Found((await Get<DutyService>(x).PlacesOfWeekAsync(WeekOf, r ? d.Place : "无此卡口")).Contains(d.Place));
        }),
        new("Rotation.ProposeAsync(place)", async x =>
        {
            var (_, d) = await x.DeployedAsync();
            return r => Get<RotationService>(x).ProposeAsync(new RotationPlanForm { Place = r ? d.Place : "无此卡口", From = Today.AddDays(1), Days = RotationService.MinDays, MinStaffPerDay = 1 }).AsResult();
        }),
        new("ForcedRest.ListAsync(worker)", async x =>
        {
            var c = await ForcedRestAsync(x);
            return async r => Found((await Get<ForcedRestService>(x).ListAsync(openOnly: true, workerId: P(r, c.WorkerId))).Count > 0);
        }),
        new("Rotation.GetAsync", async x => { var p = await RotationAsync(x); return r => Get<RotationService>(x).GetAsync(P(r, p.Id)).AsResult(); }),
        new("Rotation.SaveAsync", async x => { var p = await RotationAsync(x); return r => Get<RotationService>(x).SaveAsync(P(r, p.Id), [], p.Version); }),
        new("Rotation.PublishAsync", async x => { var p = await RotationAsync(x); return r => Get<RotationService>(x).PublishAsync(P(r, p.Id), p.Version, confirmed: true); }),
        new("Rotation.DeleteAsync", async x => { var p = await RotationAsync(x); return r => Get<RotationService>(x).DeleteAsync(P(r, p.Id), p.Version); }),
        new("Leave.SummaryAsync", async x => { var w = await x.WorkerAsync(); return r => Get<LeaveService>(x).SummaryAsync(P(r, w.Id)).AsResult(); }),
        new("Leave.PostByHandAsync", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<LeaveService>(x).PostByHandAsync(new LeaveEntryForm { WorkerId = P(r, w.Id), Kind = default, Days = 1m, Reason = "矩阵" });
        }),
        new("Leave.DecideAsync", async x =>
        {
            var w = await x.WorkerAsync();
            var q = await x.AddAsync(new LeaveRequest
            {
                Id = Guid.CreateVersion7(), WorkerId = w.Id, From = Today.AddDays(3), To = Today.AddDays(3), Days = 1m, Reason = "矩阵",
                Status = LeaveRequestStatus.Pending, CreatedAt = x.Now,
            });
            return r => Get<LeaveService>(x).DecideAsync(P(r, q.Id), false, "不批", q.Version);
        }),
        new("Health.DayAsync(unit)", x => Task.FromResult<Call>(r => Get<HealthReportService>(x).DayAsync(Today, P(r, x.Unit.Id)).AsResult())),
        new("Health.SaveAsync", async x =>
        {
            var (w, _) = await x.DeployedAsync();
            return r => Get<HealthReportService>(x).SaveAsync(new HealthReportForm { WorkerId = P(r, w.Id), Day = Today, MorningTemperature = 36.5m, EveningTemperature = 36.6m });
        }),

        // ---- care and protection -------------------------------------------------------------------------------
        new("Casualties.GetAsync", async x => { var c = await CasualtyAsync(x); return r => Get<CasualtyService>(x).GetAsync(P(r, c.Id)).AsResult(); }),
        new("Casualties.CompleteStepAsync", async x => { var c = await CasualtyAsync(x); return r => Get<CasualtyService>(x).CompleteStepAsync(P(r, c.Id), default, Today, null); }),
        new("Casualties.FollowUpAsync", async x => { var c = await CasualtyAsync(x); return r => Get<CasualtyService>(x).FollowUpAsync(P(r, c.Id), Today, "联络员", "电话回访"); }),
        new("Casualties.SaveAsync(worker)", async x =>
        {
            var (w, _) = await x.DeployedAsync();
            return r => Get<CasualtyService>(x).SaveAsync(new CasualtyCaseForm { WorkerId = P(r, w.Id), Kind = CasualtyKind.Injury, OccurredOn = Today, Description = "执勤受伤" }).AsResult();
        }),
        new("Funds.GetAsync", async x => { var f = await FundAsync(x); return r => Get<FundService>(x).GetAsync(P(r, f.Id)).AsResult(); }),
        new("Funds.EntriesAsync", async x => { var f = await FundAsync(x); return r => Get<FundService>(x).EntriesAsync(P(r, f.Id)).AsResult(); }),
        new("Funds.StatementAsync", async x => { var f = await FundAsync(x); return r => Get<FundService>(x).StatementAsync(P(r, f.Id), Today.AddDays(-30), Today).AsResult(); }),
        new("Funds.RecordAsync(spending)", async x =>
        {
            var f = await FundAsync(x);
            return r => Get<FundService>(x).RecordAsync(new FundEntryForm
            {
                FundId = P(r, f.Id), Kind = FundEntryKind.Spending, Purpose = FundPurpose.Supplies, Amount = 1m, OccurredOn = Today, UnitId = x.Unit.Id, Note = "矩阵",
            });
        }),
        new("Funds.ReverseAsync", async x =>
        {
            var f = await FundAsync(x);
            await using var db = x.Fixture.NewContext();
            var entry = await db.FundEntries.FirstAsync(e => e.FundId == f.Id);
            return r => Get<FundService>(x).ReverseAsync(P(r, entry.Id), "矩阵更正");
        }),
        new("Visits.CancelAsync", async x => { var v = await VisitAsync(x); return r => Get<CareVisitService>(x).CancelAsync(P(r, v.Id), v.Version); }),
        new("Visits.SaveAsync(existing)", async x =>
        {
            var v = await VisitAsync(x);
            return r => Get<CareVisitService>(x).SaveAsync(new CareVisitForm { Id = P(r, v.Id), Version = v.Version, UnitId = x.Unit.Id, PlannedOn = Today, Leader = "书记" }).AsResult();
        }),
        new("Difficulties.ListAsync(unit)", x => Task.FromResult<Call>(r => Get<FamilyDifficultyService>(x).ListAsync(P(r, x.Unit.Id)).AsResult())),
        new("Difficulties.AddActionAsync", async x => { var d = await DifficultyAsync(x); return r => Get<FamilyDifficultyService>(x).AddActionAsync(P(r, d.Id), Today, "志愿者", "接送孩子"); }),
        new("Difficulties.ResolveAsync", async x => { var d = await DifficultyAsync(x); return r => Get<FamilyDifficultyService>(x).ResolveAsync(P(r, d.Id), d.Version, "已解决"); }),
        new("Insurance.CoveredAsync", async x => { var p = await PolicyAsync(x); return r => Get<InsuranceService>(x).CoveredAsync(P(r, p.Id)).AsResult(); }),
        new("Insurance.CoverAsync", async x =>
        {
            var p = await PolicyAsync(x);
            var w = await x.WorkerAsync();
            return r => Get<InsuranceService>(x).CoverAsync(P(r, p.Id), [w.Id]).AsResult();
        }),
        new("Insurance.UncoverAsync", async x =>
        {
            var p = await PolicyAsync(x);
            var w = await x.WorkerAsync();
            var c = await x.AddAsync(new InsuranceCoverage { Id = Guid.CreateVersion7(), PolicyId = p.Id, WorkerId = w.Id, AddedAt = x.Now });
            return r => Get<InsuranceService>(x).UncoverAsync(P(r, c.Id));
        }),
        new("Insurance.UncoveredAsync(unit)", x => Task.FromResult<Call>(r => Get<InsuranceService>(x).UncoveredAsync(Today, P(r, x.Unit.Id)).AsResult())),
        new("Incidents.SaveAsync(existing)", async x =>
        {
            var w = await x.WorkerAsync();
            var i = await x.AddAsync(new FrontlineIncident
            {
                Id = Guid.CreateVersion7(), WorkerId = w.Id, Kind = IncidentKind.Threat, OccurredOn = Today, Place = "卡口", Description = "言语威胁",
                RecordedOn = Today, CreatedAt = x.Now, UpdatedAt = x.Now,
            });
            return r => Get<IncidentService>(x).SaveAsync(new IncidentForm
            {
                Id = P(r, i.Id), WorkerId = w.Id, Kind = IncidentKind.Threat, OccurredOn = Today, Place = "卡口", Description = "言语威胁", Version = i.Version,
            }).AsResult();
        }),
        new("Tolerance.GetAsync", async x => { var c = await ToleranceAsync(x); return r => Get<ToleranceService>(x).GetAsync(P(r, c.Id)).AsResult(); }, ProtectedInside),
        new("Tolerance.FileAsync", async x =>
        {
            var c = await ToleranceAsync(x);
            var file = await x.FileAsync();
            await x.AddAsync(new ToleranceCaseFile { CaseId = c.Id, FileId = file.Id });
            return r => Get<ToleranceService>(x).FileAsync(P(r, c.Id), P(r, file.Id)).AsResult();
        }, ProtectedInside),
        new("Tolerance.AttachAsync", async x =>
        {
            var c = await ToleranceAsync(x);
            return r => Get<ToleranceService>(x).AttachAsync(P(r, c.Id), [new UploadedFile("纪要.pdf", "%PDF-1.4 x"u8.ToArray())]);
        }, ProtectedInside),
        new("Tolerance.SaveFindingsAsync", async x => { var c = await ToleranceAsync(x); return r => Get<ToleranceService>(x).SaveFindingsAsync(P(r, c.Id), c.Version, []); }, ProtectedInside),
        new("Tolerance.AdvanceAsync", async x =>
        {
            var c = await ToleranceAsync(x);
            return r => Get<ToleranceService>(x).AdvanceAsync(P(r, c.Id), new ToleranceStepForm { Stage = ToleranceStage.Verified, On = Today, Note = "核实", Version = c.Version });
        }, ProtectedInside),
        new("Tolerance.RectifiedAsync", async x => { var c = await ToleranceAsync(x); return r => Get<ToleranceService>(x).RectifiedAsync(P(r, c.Id), c.Version, Today); }, ProtectedInside),
        new("Tolerance.SetHandlerAsync", async x =>
        {
            var c = await ToleranceAsync(x);
            var committee = await AccountAsync(x, "committee");
            return r => Get<ToleranceService>(x).SetHandlerAsync(P(r, c.Id), committee, true);
        }, ProtectedInside),
        new("Clarification.GetAsync", async x => { var c = await ClarificationAsync(x); return r => Get<ClarificationService>(x).GetAsync(P(r, c.Id)).AsResult(); }, ProtectedInside),
        new("Clarification.AdvanceAsync", async x =>
        {
            var c = await ClarificationAsync(x);
            return r => Get<ClarificationService>(x).AdvanceAsync(P(r, c.Id), new ClarificationStepForm { Stage = ClarificationStage.Concluded, On = Today, Conclusion = default, Note = "查无实据", Version = c.Version });
        }, ProtectedInside),
        new("Clarification.SetHandlerAsync", async x =>
        {
            var c = await ClarificationAsync(x);
            var committee = await AccountAsync(x, "committee");
            return r => Get<ClarificationService>(x).SetHandlerAsync(P(r, c.Id), committee, true);
        }, ProtectedInside),
        new("Supervision.RectifyAsync", async x => { var f = await FindingAsync(x); return r => Get<SupervisionService>(x).RectifyAsync(P(r, f.Id), Today, "已整改"); }),
        new("Supervision.CloseAsync", async x => { var f = await FindingAsync(x); return r => Get<SupervisionService>(x).CloseAsync(P(r, f.Id), f.Version); }),

        // ---- recognition and careers -------------------------------------------------------------------------
        // ---- spouse links across units ----------------------------------------------------------------------------
        new("SpouseLinks.RequestAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<SpouseLinkService>(x).RequestAsync(new SpouseLinkForm { WorkerId = P(r, w.Id), Kind = SpouseLinkKind.Unlink, Note = "已离婚" }).AsResult();
        }),
        new("SpouseLinks.WithdrawAsync", async x => { var q = await SpouseLinkAsync(x); return r => Get<SpouseLinkService>(x).WithdrawAsync(P(r, q.Id), q.Version); }),
        new("SpouseLinks.DecideAsync", async x =>
        {
            var q = await SpouseLinkAsync(x);
            return r => Get<SpouseLinkService>(x).DecideAsync(new SpouseLinkDecision { RequestId = P(r, q.Id), Version = q.Version, Confirm = false, Note = "不符" });
        }),
        new("SpouseLinks.ListAsync(worker)", async x =>
        {
            var q = await SpouseLinkAsync(x);
            return async r => Found((await Get<SpouseLinkService>(x).ListAsync(P(r, q.WorkerId))).Count > 0);
        }, InsideFor: (role, home, place) => role is Roles.OrgDepartment or Roles.UnitCommittee && Inside(role, home, place)),

        new("Nominations.GetAsync", async x => { var n = await NominationAsync(x); return r => Get<NominationService>(x).GetAsync(P(r, n.Id)).AsResult(); }),
        new("Nominations.DecideAsync", async x =>
        {
            var n = await NominationAsync(x);
            return r => Get<NominationService>(x).DecideAsync(new NominationDecision(P(r, n.Id), n.Version, DecisionKind.Return, "请补充事迹"));
        }),
        new("Nominations.ResubmitAsync", async x => { var n = await NominationAsync(x); return r => Get<NominationService>(x).ResubmitAsync(P(r, n.Id), n.Version, "补充事迹", []); }),
        new("Nominations.WithdrawAsync", async x => { var n = await NominationAsync(x); return r => Get<NominationService>(x).WithdrawAsync(P(r, n.Id), n.Version); }),
        new("Nominations.PublicizeAsync", async x => { var n = await NominationAsync(x); return r => Get<NominationService>(x).PublicizeAsync(P(r, n.Id), n.Version, "事迹", null); }),
        new("Nominations.PhotoAsync", async x =>
        {
            var file = await x.FileAsync();
            var n = await NominationAsync(x, photo: file.Id);
            return r => Get<NominationService>(x).PhotoAsync(P(r, n.Id)).AsResult();
        }),
        new("Nominations.AttachmentAsync", async x =>
        {
            var n = await NominationAsync(x);
            var file = await x.FileAsync();
            await x.AddAsync(new NominationAttachment { NominationId = n.Id, FileId = file.Id });
            return r => Get<NominationService>(x).AttachmentAsync(P(r, n.Id), P(r, file.Id)).AsResult();
        }),
        new("Membership.SummaryAsync", async x => { var w = await x.WorkerAsync(); return r => Get<MembershipService>(x).SummaryAsync(P(r, w.Id)).AsResult(); }),
        new("Membership.SaveTrackAsync", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<MembershipService>(x).SaveTrackAsync(new MembershipTrackForm { WorkerId = P(r, w.Id), AppliedOn = new DateTime(2026, 6, 1) });
        }),
        new("Membership.RecordVoteAsync", async x =>
        {
            var c = await FastTrackAsync(x);
            return r => Get<MembershipService>(x).RecordVoteAsync(new BranchVoteForm(P(r, c.Id), c.Version, new DateTime(2026, 11, 20), 20, 15));
        }),
        new("Membership.DecideAsync", async x =>
        {
            var c = await FastTrackAsync(x);
            return r => Get<MembershipService>(x).DecideAsync(new FastTrackDecisionForm(P(r, c.Id), c.Version, false, new DateTime(2026, 11, 21), "不同意"));
        }),
        new("Titles.SummaryAsync", async x => { var w = await x.WorkerAsync(); return r => Get<TitleService>(x).SummaryAsync(P(r, w.Id)).AsResult(); }),
        new("Titles.RecordAsync", async x =>
        {
            var (w, _) = await x.DeployedAsync();
            return r => Get<TitleService>(x).RecordAsync(new TitleApplicationForm { WorkerId = P(r, w.Id), TargetTitle = "主治医师", Year = 2026 });
        }),
        new("Titles.SetStatusAsync", async x =>
        {
            var w = await x.WorkerAsync();
            var a = await x.AddAsync(new TitleApplication { Id = Guid.CreateVersion7(), WorkerId = w.Id, TargetTitle = "主治医师", Year = 2026, RecordedAt = x.Now });
            return r => Get<TitleService>(x).SetStatusAsync(P(r, a.Id), a.Version, TitleApplicationStatus.Submitted);
        }),
        new("Talent.AddAsync", async x =>
        {
            var (w, _) = await x.DeployedAsync();
            return r => Get<TalentService>(x).AddAsync(new TalentEntryForm { List = Core.Policy.Measures.TalentList.TalentPool, WorkerId = P(r, w.Id), Evidence = "一线表现突出" });
        }),
        new("Talent.RemoveAsync", async x =>
        {
            var w = await x.WorkerAsync();
            var e = await x.AddAsync(new TalentListEntry { Id = Guid.CreateVersion7(), List = Core.Policy.Measures.TalentList.TalentPool, WorkerId = w.Id, Evidence = "x", AddedAt = x.Now });
            return r => Get<TalentService>(x).RemoveAsync(P(r, e.Id), e.Version, "调离");
        }),
        new("Volunteers.SummaryAsync", async x => { var w = await x.WorkerAsync(); return r => Get<VolunteerService>(x).SummaryAsync(P(r, w.Id)).AsResult(); }),
        new("Volunteers.RecordAsync", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<VolunteerService>(x).RecordAsync(new VolunteerServiceForm
            {
                WorkerId = P(r, w.Id), Activity = "核酸采样引导", Start = new DateTime(2026, 6, 1, 8, 0, 0), End = new DateTime(2026, 6, 1, 10, 0, 0), VerifiedBy = "社区书记",
            });
        }),
        new("Volunteers.DeleteAsync", async x =>
        {
            var w = await x.WorkerAsync();
            var v = await x.AddAsync(new VolunteerServiceRecord
            {
                Id = Guid.CreateVersion7(), WorkerId = w.Id, Activity = "引导", Start = x.Now.AddHours(-3), End = x.Now.AddHours(-1), Hours = 2, VerifiedBy = "书记", RecordedAt = x.Now,
            });
            return r => Get<VolunteerService>(x).DeleteAsync(P(r, v.Id), v.Version);
        }),

        // ---- reports, subsidies, checklist -------------------------------------------------------------------
        new("Reports.AcceptAsync", async x => { var p = await ReportAsync(x); return r => Get<RestWelfareReportService>(x).AcceptAsync(P(r, p.Id), p.Version); }),
        new("Reports.ReturnAsync", async x => { var p = await ReportAsync(x); return r => Get<RestWelfareReportService>(x).ReturnAsync(P(r, p.Id), "数字不符", p.Version); }),
        new("Subsidies.GetAsync", async x => { var s = await SheetAsync(x); return r => Get<SubsidySheetService>(x).GetAsync(P(r, s.Id)).AsResult(); }),
        new("Subsidies.RowsAsync", async x => { var s = await SheetAsync(x); return r => Get<SubsidySheetService>(x).RowsAsync(P(r, s.Id), null, 0, 10).AsResult(); }),
        new("Subsidies.CheckAsync", async x => { var s = await SheetAsync(x); return r => Get<SubsidySheetService>(x).CheckAsync(P(r, s.Id), s.Version); }),
        new("Subsidies.ReopenAsync", async x => { var s = await SheetAsync(x); return r => Get<SubsidySheetService>(x).ReopenAsync(P(r, s.Id), s.Version); }),
        new("Subsidies.ApproveAsync", async x => { var s = await SheetAsync(x); return r => Get<SubsidySheetService>(x).ApproveAsync(P(r, s.Id), s.Version); }),
        new("Subsidies.GenerateAsync(unit)", x => Task.FromResult<Call>(r =>
            Get<SubsidySheetService>(x).GenerateAsync(new SubsidySheetForm { UnitId = P(r, x.Unit.Id), Month = new DateOnly(2026, 10, 1) }).AsResult())),
        new("Checklist.GetAsync(unit)", x => Task.FromResult<Call>(r => Get<ChecklistService>(x).GetAsync(P(r, x.Unit.Id)).AsResult())),
        new("Checklist.SaveStatementAsync", x => Task.FromResult<Call>(r => Get<ChecklistService>(x).SaveStatementAsync(P(r, x.Unit.Id), 1, "已落实", null))),
        new("Checklist.AttachAsync", x => Task.FromResult<Call>(r =>
            Get<ChecklistService>(x).AttachAsync(P(r, x.Unit.Id), 1, [new UploadedFile("台账.pdf", "%PDF-1.4 x"u8.ToArray())]))),
        new("Checklist.AttachmentAsync", async x =>
        {
            var profile = await Get<UnitService>(x).EffectiveProfileAsync(x.Fixture.NewContext(), x.Unit, CancellationToken.None);
            var s = await x.AddAsync(new MeasureStatement { Id = Guid.CreateVersion7(), UnitId = x.Unit.Id, Profile = profile, ItemNumber = 1, Statement = "已落实", UpdatedAt = x.Now });
            var file = await x.FileAsync();
            await x.AddAsync(new MeasureStatementAttachment { StatementId = s.Id, FileId = file.Id });
            return r => Get<ChecklistService>(x).AttachmentAsync(P(r, s.Id), P(r, file.Id)).AsResult();
        }),

        // ---- forms that name a related person or unit: outside answers with the field error of an unknown one ----
        new("Nominations.PreviewAsync(worker)", async x =>
        {
            var (w, _) = await x.DeployedAsync();
            return async r => await Get<NominationService>(x).PreviewAsync(new NominationForm { NomineeKind = NomineeKind.Individual, WorkerId = P(r, w.Id), Year = 2026 }) is null
                ? Result.NotFound() : Result.Ok();
        }),
        new("Nominations.SubmitAsync(worker)", async x =>
        {
            var (w, _) = await x.DeployedAsync();
            return r => Get<NominationService>(x).SubmitAsync(new NominationForm
            {
                NomineeKind = NomineeKind.Individual, WorkerId = P(r, w.Id), Year = 2026, Kind = AwardKind.Commendation, Deeds = "坚守卡口",
            }, []).AsResult();
        }),
        new("Nominations.SubmitAsync(collective)", x => Task.FromResult<Call>(r => Get<NominationService>(x).SubmitAsync(new NominationForm
        {
            NomineeKind = NomineeKind.Collective, UnitId = P(r, x.Unit.Id), CollectiveName = "突击队", Year = 2026, Kind = AwardKind.Commendation, Deeds = "坚守卡口",
        }, []).AsResult())),
        new("Incidents.SaveAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<IncidentService>(x).SaveAsync(new IncidentForm { WorkerId = P(r, w.Id), Kind = IncidentKind.Threat, OccurredOn = Today, Place = "卡口", Description = "威胁" }).AsResult();
        }),
        new("Tolerance.SaveAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<ToleranceService>(x).SaveAsync(new ToleranceCaseForm
            {
                WorkerId = P(r, w.Id), Start = default, OpenedOn = Today.AddDays(-2), Facts = "事实", Action = "措施", Mistake = "失误", Impact = "影响",
            }).AsResult();
        }),
        new("Clarification.SaveAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<ClarificationService>(x).SaveAsync(new ClarificationCaseForm { WorkerId = P(r, w.Id), ReceivedOn = Today, Source = "信访", Allegation = "反映" }).AsResult();
        }),
        new("Tolerance.HandlerCandidatesAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return async r => (await Get<ToleranceService>(x).HandlerCandidatesAsync(P(r, w.Id))).Count > 0 ? Result.Ok() : Result.NotFound();
        }, InsideFor: (role, home, place) => role == Roles.OrgDepartment && Inside(role, home, place)),
        new("Clarification.HandlerCandidatesAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return async r => (await Get<ClarificationService>(x).HandlerCandidatesAsync(P(r, w.Id))).Count > 0 ? Result.Ok() : Result.NotFound();
        }, InsideFor: (role, home, place) => role == Roles.OrgDepartment && Inside(role, home, place)),
        new("Difficulties.SaveAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<FamilyDifficultyService>(x).SaveAsync(new FamilyDifficultyForm { WorkerId = P(r, w.Id), Kind = default, Description = "接送孩子", Liaison = "志愿者" }).AsResult();
        }),
        new("Visits.SaveAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<CareVisitService>(x).SaveAsync(new CareVisitForm { WorkerId = P(r, w.Id), PlannedOn = Today.AddDays(1), Leader = "书记" }).AsResult();
        }),
        new("Visits.SaveAsync(unit)", x => Task.FromResult<Call>(r =>
            Get<CareVisitService>(x).SaveAsync(new CareVisitForm { UnitId = P(r, x.Unit.Id), PlannedOn = Today.AddDays(1), Leader = "书记" }).AsResult())),
        new("Leave.RequestAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<LeaveService>(x).RequestAsync(new LeaveRequestForm { WorkerId = P(r, w.Id), Kind = default, From = Today.AddDays(5), To = Today.AddDays(5), Reason = "补休" });
        }),
        new("Membership.OpenAsync(worker)", async x =>
        {
            var w = await x.WorkerAsync();
            return r => Get<MembershipService>(x).OpenAsync(new FastTrackForm { WorkerId = P(r, w.Id), Route = default, Deeds = "一线表现突出" });
        }),
        new("Supervision.CreateAsync(unit)", x => Task.FromResult<Call>(r => Get<SupervisionService>(x).CreateAsync(new FindingForm
        {
            UnitId = P(r, x.Unit.Id), FoundOn = Today, Inspector = "督查组", Problem = "台账不全", Owner = "书记", Deadline = Today.AddDays(7),
        }).AsResult())),
        new("Insurance.SavePolicyAsync(unit)", x => Task.FromResult<Call>(r => Get<InsuranceService>(x).SavePolicyAsync(new InsurancePolicyForm
        {
            UnitId = P(r, x.Unit.Id), Insurer = "人保", PolicyNumber = "N" + Guid.NewGuid().ToString("N")[..10], StartsOn = Today, EndsOn = Today.AddDays(90), SumInsured = 1000m,
        }).AsResult())),
        new("Insurance.RecordPayIncreaseAsync(unit)", x => Task.FromResult<Call>(r => Get<InsuranceService>(x).RecordPayIncreaseAsync(new PayIncreaseForm
        {
            UnitId = P(r, x.Unit.Id), Year = 2026, Amount = 1000m, ApprovedBy = "区人社局", ApprovalNumber = "N" + Guid.NewGuid().ToString("N")[..8], ApprovedOn = Today,
        }).AsResult())),
        new("Funds.CreateAsync(unit)", x => Task.FromResult<Call>(r => Get<FundService>(x).CreateAsync(new CareFundForm
        {
            UnitId = P(r, x.Unit.Id), Name = "基金" + Guid.NewGuid().ToString("N")[..6], Kind = default, Source = "党费",
        }).AsResult())),
        new("Reports.SubmitAsync(unit)", x => Task.FromResult<Call>(r =>
            Get<RestWelfareReportService>(x).SubmitAsync(new ReportSubmission { UnitId = P(r, x.Unit.Id), PeriodFrom = new DateOnly(2026, 11, 9) })),
            InsideFor: (_, _, _) => false),
        new("Units.SaveAsync(parent)", x => Task.FromResult<Call>(r =>
            Get<UnitService>(x).SaveAsync(new UnitForm { ParentId = P(r, x.Unit.Id), Name = "新社区" + Guid.NewGuid().ToString("N")[..6], Kind = UnitKind.Community }).AsResult())),

        // ---- the tree and accounts -----------------------------------------------------------------------------
        new("Units.MoveAsync", async x =>
        {
            var child = await x.Fixture.AddUnitAsync(x.Unit.Id);
            return r => Get<UnitService>(x).MoveAsync(P(r, child.Id), x.Unit.Id, child.Version);
        }),
        new("Units.DeleteAsync", async x =>
        {
            var child = await x.Fixture.AddUnitAsync(x.Unit.Id);
            return r => Get<UnitService>(x).DeleteAsync(P(r, child.Id), child.Version);
        }),
        // Accounts are Admin's: inside for Admin wherever the home unit is under 浙江省; every other role is refused by role.
        new("Accounts.SetLockedAsync", async x => { var a = await NewAccountAsync(x); return r => Get<AccountService>(x).SetLockedAsync(P(r, a), true); },
            InsideFor: (role, _, _) => role == Roles.Admin),
        new("Accounts.ResetPasswordAsync", async x =>
        {
            var a = await NewAccountAsync(x);
            return async r =>
            {
                // The test container registers no reset-token provider: reaching it means the account was found.
                try { return await Get<AccountService>(x).ResetPasswordAsync(P(r, a), "Another2027pw"); }
                catch (NotSupportedException) { return Result.Ok(); }
            };
        },
            InsideFor: (role, _, _) => role == Roles.Admin),
        // A token is only its owner's: another account's token is never found.
        new("ApiTokens.RevokeAsync", async x =>
        {
            var owner = await AccountAsync(x, "committee2");
            var t = await x.AddAsync(new ApiToken { Id = Guid.CreateVersion7(), UserId = owner, Name = "bot", Prefix = "fc_m", Hash = Guid.NewGuid().ToString("N"), CreatedAt = x.Now });
            return r => Get<ApiTokenService>(x).RevokeAsync(P(r, t.Id));
        }, InsideFor: (_, _, _) => false),
    ];

    /// <summary>Restricted cases (G1, G2): inside the jurisdiction, the committee is refused by its role (Forbidden) — still "found".</summary>
    private static bool ProtectedInside(string role, string home, string place) => Inside(role, home, place);

    private static T Get<T>(Ctx x) where T : notnull => x.Get<T>();

    private static async Task<ForcedRestCase> ForcedRestAsync(Ctx x)
    {
        var w = await x.WorkerAsync();
        return await x.AddAsync(new ForcedRestCase
        {
            Id = Guid.CreateVersion7(), WorkerId = w.Id, Kind = default, PeriodFrom = Today.AddDays(-2), PeriodTo = Today.AddDays(-1), Value = 16, Limit = 12,
            Status = ForcedRestStatus.Open, OpenedAt = x.Now,
        });
    }

    /// <summary>A week the arranged deployments (from 30 days ago, open) cover, ending before today.</summary>
    private static readonly DateOnly WeekOf = DutyService.WeekStartOf(Today.AddDays(-14));

    /// <summary>A list or grid as a result: something of the record shown is "found", nothing shown is "missing".</summary>
    private static Result Found(bool shown) => shown ? Result.Ok() : Result.NotFound();

    private static async Task<SpouseLinkRequest> SpouseLinkAsync(Ctx x)
    {
        var w = await x.WorkerAsync();
        return await x.AddAsync(new SpouseLinkRequest
        {
            Id = Guid.CreateVersion7(), WorkerId = w.Id, Kind = SpouseLinkKind.Link, SpouseNationalId = "330102198001011234", Status = SpouseLinkStatus.Pending,
            RequestedAt = x.Now, RequestedBy = "matrix",
        });
    }

    private static async Task<RotationPlan> RotationAsync(Ctx x)
    {
        var (_, d) = await x.DeployedAsync();
        return await x.AddAsync(new RotationPlan
        {
            Id = Guid.CreateVersion7(), UnitId = x.Unit.Id, Place = d.Place, From = Today.AddDays(1), To = Today.AddDays(7), MinStaffPerDay = 0,
            Status = RotationPlanStatus.Draft, CreatedAt = x.Now, UpdatedAt = x.Now,
        });
    }

    private static async Task<CasualtyCase> CasualtyAsync(Ctx x)
    {
        var (w, _) = await x.DeployedAsync();
        return await x.AddAsync(new CasualtyCase
        {
            Id = Guid.CreateVersion7(), WorkerId = w.Id, Kind = CasualtyKind.Injury, OccurredOn = Today.AddDays(-3), Description = "执勤受伤", OpenedOn = Today.AddDays(-3), CreatedAt = x.Now,
        });
    }

    private static async Task<CareFund> FundAsync(Ctx x)
    {
        var fund = await x.AddAsync(new CareFund { Id = Guid.CreateVersion7(), Name = "关爱基金" + x.Unit.Id.ToString("N")[^10..], UnitId = x.Unit.Id, Source = "党费", Balance = 100m, Entries = 1, CreatedAt = x.Now });
        await x.AddAsync(new FundEntry
        {
            Id = Guid.CreateVersion7(), FundId = fund.Id, Number = 1, Kind = FundEntryKind.Receipt, Amount = 100m, BalanceAfter = 100m, OccurredOn = Today.AddDays(-10),
            Note = "下拨", RecordedAt = x.Now,
        });
        return fund;
    }

    private static Task<CareVisit> VisitAsync(Ctx x) => x.AddAsync(new CareVisit
    {
        Id = Guid.CreateVersion7(), Status = CareVisitStatus.Planned, UnitId = x.Unit.Id, PlannedOn = Today.AddDays(2), Leader = "书记", CreatedAt = x.Now,
    });

    private static Task<FamilyDifficulty> DifficultyAsync(Ctx x) => x.AddAsync(new FamilyDifficulty
    {
        Id = Guid.CreateVersion7(), PersonName = "家属", UnitId = x.Unit.Id, Kind = default, Description = "孩子无人接送", Liaison = "志愿者", OpenedOn = Today.AddDays(-5), CreatedAt = x.Now,
    });

    private static async Task<InsurancePolicy> PolicyAsync(Ctx x)
    {
        var p = await x.AddAsync(new InsurancePolicy
        {
            Id = Guid.CreateVersion7(), UnitId = x.Unit.Id, Insurer = "人保", PolicyNumber = "M" + Guid.NewGuid().ToString("N")[..10], StartsOn = Today.AddDays(-10),
            EndsOn = Today.AddDays(80), SumInsured = 100_000m, CreatedAt = x.Now,
        });
        // A person covered, so reading the cover list has someone to name.
        var w = await x.WorkerAsync();
        await x.AddAsync(new InsuranceCoverage { Id = Guid.CreateVersion7(), PolicyId = p.Id, WorkerId = w.Id, AddedAt = x.Now });
        return p;
    }

    private static async Task<ToleranceCase> ToleranceAsync(Ctx x)
    {
        var w = await x.WorkerAsync();
        return await x.AddAsync(new ToleranceCase
        {
            Id = Guid.CreateVersion7(), WorkerId = w.Id, OpenedOn = Today.AddDays(-5), Facts = "事实", Action = "措施", Mistake = "失误", Impact = "影响",
            Stage = ToleranceStage.Opened, CreatedAt = x.Now, UpdatedAt = x.Now,
        });
    }

    private static async Task<ClarificationCase> ClarificationAsync(Ctx x)
    {
        var w = await x.WorkerAsync();
        return await x.AddAsync(new ClarificationCase
        {
            Id = Guid.CreateVersion7(), WorkerId = w.Id, ReceivedOn = Today.AddDays(-5), Source = "信访", Allegation = "反映", Stage = ClarificationStage.Received,
            CreatedAt = x.Now, UpdatedAt = x.Now,
        });
    }

    private static Task<SupervisionFinding> FindingAsync(Ctx x) => x.AddAsync(new SupervisionFinding
    {
        Id = Guid.CreateVersion7(), UnitId = x.Unit.Id, FoundOn = Today.AddDays(-5), Inspector = "督查组", Problem = "台账不全", Owner = "书记", Deadline = Today.AddDays(5),
        CreatedAt = x.Now, UpdatedAt = x.Now,
    });

    private static async Task<Nomination> NominationAsync(Ctx x, Guid? photo = null)
    {
        var w = await x.WorkerAsync();
        var parent = x.Unit.ParentId!.Value;
        return await x.AddAsync(new Nomination
        {
            Id = Guid.CreateVersion7(), Year = 2026, Kind = AwardKind.Commendation, NomineeKind = NomineeKind.Individual, WorkerId = w.Id, UnitId = x.Unit.Id,
            Deeds = "坚守卡口", Facts = NomineeFacts.None, Status = photo is null ? NominationStatus.InReview : NominationStatus.Approved, NominatingUnitId = parent,
            SubmittedBy = "matrix", SubmittedAt = x.Now, Submissions = 1, Story = photo is null ? null : "事迹", PhotoFileId = photo,
            PublishedAt = photo is null ? null : x.Now,
        });
    }

    private static async Task<FastTrackCase> FastTrackAsync(Ctx x)
    {
        var w = await x.WorkerAsync();
        return await x.AddAsync(new FastTrackCase
        {
            Id = Guid.CreateVersion7(), WorkerId = w.Id, Route = default, Deeds = "一线表现突出", Status = default, OpeningUnitId = x.Unit.ParentId!.Value, OpenedAt = x.Now,
        });
    }

    private static Task<RestWelfareReport> ReportAsync(Ctx x) => x.AddAsync(new RestWelfareReport
    {
        Id = Guid.CreateVersion7(), UnitId = x.Unit.Id, PeriodFrom = new DateOnly(2026, 11, 9), PeriodTo = new DateOnly(2026, 11, 15), Status = ReportStatus.Submitted,
        Figures = new ReportFigures(1, 1, 0, 0, 0, 0, 8), SubmittedAt = x.Now, Submissions = 1,
    });

    private static Task<SubsidySheet> SheetAsync(Ctx x) => x.AddAsync(new SubsidySheet
    {
        Id = Guid.CreateVersion7(), UnitId = x.Unit.Id, Month = new DateOnly(2026, 10, 1), Status = SubsidySheetStatus.Draft, GeneratedAt = x.Now,
    });

    private static async Task<Guid> AccountAsync(Ctx x, string userName)
    {
        await using var db = x.Fixture.NewContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Guid> NewAccountAsync(Ctx x) => await NewAccountAsync(x, null, Roles.UnitCommittee);

    private static async Task<Guid> NewAccountAsync(Ctx x, string? homeName, string role)
    {
        await using var scope = x.Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = "m" + Guid.NewGuid().ToString("N")[..10], DisplayName = "矩阵", HomeUnitId = homeName is null ? x.Unit.Id : await x.Fixture.UnitIdAsync(homeName), CreatedAt = x.Now, LockoutEnabled = true,
        };
        (await users.CreateAsync(account, "Matrix2026pw!")).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(account, role);
        return account.Id;
    }
}

internal static class ResultTasks
{
    /// <summary>A typed result as its outcome alone (status, message, errors), for the matrix's comparison.</summary>
    public static async Task<Result> AsResult<T>(this Task<Result<T>> task) => await task;
}
