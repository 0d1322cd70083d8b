using Bogus;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Casualties;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Difficulties;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Features.Health;
using FrontlineCare.Core.Features.Insurance;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Visits;
using FrontlineCare.Core.Features.Volunteers;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Data;

/// <summary>
/// Demo data that feels real: Zhejiang → Taizhou → Jiaojiang with its streets and communities, a designated
/// hospital and a university, ~300 workers with Chinese names and valid ID numbers, and one account per role.
/// Deterministic (fixed seed), and only written into an empty database.
/// </summary>
public static class DemoData
{
    public const string Password = "Frontline2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string HomeUnit)> Accounts =
    [
        ("orgdept", "王组织", Roles.OrgDepartment, "椒江区"),
        ("committee", "李书记", Roles.UnitCommittee, "海门街道"),
        ("committee2", "陈书记", Roles.UnitCommittee, "白云街道"),
        ("supervisor", "张审核", Roles.Supervisor, "椒江区"),
        ("admin", "系统管理员", Roles.Admin, "浙江省"),
    ];

    public static async Task SeedRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
    }

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, int workerCount = 300, CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(ct)) return;
        var units = BuildTree();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);

        var byName = units.ToDictionary(u => u.Name);
        var leafUnits = units.Where(u => u.Kind is UnitKind.Community or UnitKind.Hospital or UnitKind.University or UnitKind.Township).ToList();
        var today = clock.Today();
        var faker = new Faker("zh_CN") { Random = new Randomizer(20200203) };
        var workers = new List<FrontlineWorker>();
        var usedIds = new HashSet<string>();
        for (var i = 0; i < workerCount; i++)
        {
            var unit = faker.PickRandom(leafUnits);
            var male = faker.Random.Bool();
            string nationalId;
            DateOnly birth;
            do
            {
                birth = DateOnly.FromDateTime(faker.Date.Between(new DateTime(1965, 1, 1), new DateTime(2002, 12, 31)));
                var seq = faker.Random.Int(0, 499) * 2 + (male ? 1 : 0);
                nationalId = NationalIdNumber.Compose("331002", birth, seq);
            } while (!usedIds.Add(nationalId));

            var category = unit.Kind switch
            {
                UnitKind.Hospital => WorkerCategory.MedicalWorker,
                UnitKind.Community => faker.PickRandom(WorkerCategory.CommunityCadre, WorkerCategory.Volunteer, WorkerCategory.PartyCadre),
                UnitKind.University => faker.PickRandom(WorkerCategory.PartyCadre, WorkerCategory.Volunteer, WorkerCategory.MedicalWorker),
                _ => faker.PickRandom(WorkerCategory.PartyCadre, WorkerCategory.Police, WorkerCategory.Volunteer, WorkerCategory.Other),
            };
            workers.Add(new FrontlineWorker
            {
                Id = Guid.CreateVersion7(),
                FullName = faker.Name.LastName() + faker.Name.FirstName(),
                Gender = male ? Gender.Male : Gender.Female,
                NationalId = nationalId,
                Mobile = "1" + faker.PickRandom("3", "5", "7", "8", "9") + faker.Random.ReplaceNumbers("#########"),
                UnitId = unit.Id,
                Category = category,
                PoliticalStatus = faker.PickRandom(PoliticalStatus.PartyMember, PoliticalStatus.PartyMember, PoliticalStatus.Activist, PoliticalStatus.Applicant, PoliticalStatus.Masses),
                StaffCategory = category switch
                {
                    WorkerCategory.MedicalWorker => StaffCategory.PublicInstitution,
                    WorkerCategory.PartyCadre or WorkerCategory.Police => StaffCategory.CivilServant,
                    _ => StaffCategory.Other,
                },
                Position = category switch
                {
                    WorkerCategory.MedicalWorker => faker.PickRandom("护士", "主治医师", "医师", "护师", "检验技师"),
                    WorkerCategory.CommunityCadre => faker.PickRandom("社区书记", "社区主任", "网格员", "社工"),
                    WorkerCategory.PartyCadre => faker.PickRandom("科员", "副科长", "科长", "干部"),
                    WorkerCategory.Police => "民警",
                    _ => null,
                },
                ProfessionalTitle = category == WorkerCategory.MedicalWorker ? faker.PickRandom("初级", "中级", "副高级", "正高级") : null,
                // Started work at 22–25 (derived from the birth date, so the random sequence of the rest is unchanged).
                ServiceStartDate = Min(birth.AddYears(22 + birth.Day % 4), today),
            });
        }

        // A few dual-worker couples (A6): a man and a woman of the same street.
        var men = workers.Where(w => w.Gender == Gender.Male).Take(8).ToList();
        var women = workers.Where(w => w.Gender == Gender.Female).Take(8).ToList();
        for (var i = 0; i < Math.Min(men.Count, women.Count); i++)
        {
            men[i].SpouseId = women[i].Id;
            women[i].SpouseId = men[i].Id;
        }
        // Save the people first and the spouse links after, so the self-referencing FK is satisfied.
        var spouses = workers.ToDictionary(w => w.Id, w => w.SpouseId);
        workers.ForEach(w => w.SpouseId = null);
        db.Workers.AddRange(workers);
        await db.SaveChangesAsync(ct);
        workers.ForEach(w => w.SpouseId = spouses[w.Id]);
        await db.SaveChangesAsync(ct);

        var places = new Dictionary<PostKind, string[]>
        {
            [PostKind.DesignatedHospital] = ["台州市恩泽医院发热门诊", "台州市中心医院隔离病区"],
            [PostKind.Checkpoint] = ["甬台温高速椒江出口卡口", "椒江客运码头卡口", "台州站出站口"],
            [PostKind.Community] = ["海门街道东山社区", "白云街道白云社区", "葭沚街道葭沚社区"],
            [PostKind.QuarantineSite] = ["椒江区集中隔离点一号", "椒江区集中隔离点二号"],
            [PostKind.Grid] = ["东山社区第3网格", "白云社区第7网格"],
            [PostKind.MedicalAidTeam] = ["浙江省援鄂医疗队（武汉）"],
        };
        var deployments = new List<Deployment>();
        foreach (var w in workers)
        {
            var roll = faker.Random.Int(0, 9);
            if (roll < 2) continue; // never deployed
            var kind = w.Category == WorkerCategory.MedicalWorker
                ? faker.PickRandom(PostKind.DesignatedHospital, PostKind.QuarantineSite, PostKind.MedicalAidTeam)
                : faker.PickRandom(PostKind.Checkpoint, PostKind.Community, PostKind.Grid, PostKind.QuarantineSite);
            var risk = kind is PostKind.DesignatedHospital or PostKind.MedicalAidTeam or PostKind.QuarantineSite ? RiskClass.I : RiskClass.II;
            // An earlier, finished deployment for some…
            if (roll >= 7)
            {
                var oldStart = today.AddDays(-faker.Random.Int(120, 200));
                deployments.Add(NewDeployment(w.Id, PostKind.Checkpoint, faker.PickRandom(places[PostKind.Checkpoint]), oldStart, oldStart.AddDays(faker.Random.Int(14, 40)), RiskClass.II));
            }
            // …and a current one for most, some ending this week.
            var start = today.AddDays(-faker.Random.Int(3, 80));
            DateOnly? end = roll switch
            {
                2 => today.AddDays(faker.Random.Int(0, 6)),
                3 or 4 => null,
                _ => today.AddDays(faker.Random.Int(7, 60)),
            };
            deployments.Add(NewDeployment(w.Id, kind, faker.PickRandom(places[kind]), start, end, risk));
        }
        db.Deployments.AddRange(deployments);
        await db.SaveChangesAsync(ct);

        // Three weeks of duty for the people deployed now: most rest one day in six; one in ten never rests and
        // works long shifts, so the duty grid shows B2 overload at once.
        var logs = new List<DutyLog>();
        foreach (var d in deployments.Where(d => d.EndDate is null || d.EndDate >= today))
        {
            var overloaded = faker.Random.Int(0, 9) == 0;
            var restDay = faker.Random.Int(0, 5);
            for (var day = Max(d.StartDate, today.AddDays(-21)); day < today; day = day.AddDays(1))
            {
                if (!overloaded && day.DayNumber % 6 == restDay) continue;
                var hours = overloaded ? faker.PickRandom(10m, 12m, 13m, 14m) : faker.PickRandom(4m, 6m, 8m, 8m, 10m);
                logs.Add(new DutyLog { Id = Guid.CreateVersion7(), DeploymentId = d.Id, WorkerId = d.WorkerId, Day = day, Hours = hours, HighRisk = d.RiskClass == RiskClass.I });
            }
        }
        db.DutyLogs.AddRange(logs);
        await db.SaveChangesAsync(ct);

        // C3: a week of daily health reports for the people on duty; today some are still missing and a few are abnormal.
        var c3 = PolicyCatalog.For(PolicyProfileCode.ZJ).C3;
        foreach (var d in deployments.Where(d => d.EndDate is null || d.EndDate >= today).DistinctBy(d => d.WorkerId))
        {
            for (var day = Max(d.StartDate, today.AddDays(-6)); day <= today; day = day.AddDays(1))
            {
                if (day == today && faker.Random.Int(0, 4) == 0) continue;
                var fever = faker.Random.Int(0, 39) == 0;
                var (morning, evening) = (36.0m + faker.Random.Int(2, 8) / 10m, fever ? 37.6m : 36.0m + faker.Random.Int(3, 9) / 10m);
                var symptoms = fever ? HealthSymptom.Fatigue : HealthSymptom.None;
                db.DailyHealthReports.Add(new DailyHealthReport
                {
                    Id = Guid.CreateVersion7(), WorkerId = d.WorkerId, Day = day, MorningTemperature = morning, EveningTemperature = evening, Symptoms = symptoms,
                    Findings = C3HealthMonitoring.Findings(morning, evening, symptoms, NucleicAcidResult.NotTested, c3), ReportedAt = clock.GetUtcNow(), ReportedBy = "committee",
                });
            }
        }
        await db.SaveChangesAsync(ct);

        // Their overload opens forced-rest cases, as saving the duty grid would (B2; the demo tree is all ZJ here).
        var limits = PolicyCatalog.For(PolicyProfileCode.ZJ).B2;
        var findings = logs.GroupBy(l => l.WorkerId).ToDictionary(
            person => person.Key,
            person => B2Overload.Find(person.Select(l => new DutyDay(l.Day, l.Hours, false)), limits));
        await ForcedRestService.OpenOrExtendAsync(db, findings, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);

        // B3: weekend duty of the last three weeks earns compensatory leave, as saving the grid would.
        var rulesOf = new Dictionary<PolicyProfileCode, Policy.PolicyParameters>();
        foreach (var profile in new[] { PolicyProfileCode.ZJ, PolicyProfileCode.SX })
            rulesOf[profile] = await PolicyProfileService.ForAsync(db, profile, today, ct);
        var sxPath = byName["绍兴市"].Path.ToString();
        var unitOf = units.ToDictionary(u => u.Id);
        var workerRules = logs.Select(l => l.WorkerId).Distinct().ToDictionary(id => id, id =>
            rulesOf[unitOf[workers.First(w => w.Id == id).UnitId].Path.ToString().StartsWith(sxPath, StringComparison.Ordinal) ? PolicyProfileCode.SX : PolicyProfileCode.ZJ]);
        await LeaveService.SyncAccrualsAsync(db, workerRules, today.AddDays(-21), today, "demo", clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);

        foreach (var (userName, displayName, role, homeUnit) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var account = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = displayName,
                HomeUnitId = byName[homeUnit].Id,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(account, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(account, role);
        }

        // B5: 海门街道's reports of three and four weeks ago were accepted; the week before last is overdue, last
        // week's is due soon, and 白云街道 has reported nothing, so the overview shows every state.
        var haimen = byName["海门街道"];
        foreach (var period in B5Reports.EndedPeriods(today, 7, 2, 4).Skip(2))
        {
            db.RestWelfareReports.Add(new RestWelfareReport
            {
                Id = Guid.CreateVersion7(), UnitId = haimen.Id, PeriodFrom = period.From, PeriodTo = period.To, Status = ReportStatus.Accepted,
                Figures = await RestWelfareReportService.FiguresAsync(db, haimen, period, today, ct),
                WelfareNotes = "走访慰问一线人员家属 4 户，为连续值守人员安排轮休。", Submissions = 1, SubmittedBy = "committee",
                SubmittedAt = clock.GetUtcNow().AddDays(period.To.DayNumber - today.DayNumber + 1), ReviewedBy = "orgdept",
                ReviewedAt = clock.GetUtcNow().AddDays(period.To.DayNumber - today.DayNumber + 2),
            });
        }
        await db.SaveChangesAsync(ct);

        // F7: the 海门街道 committee has nominated two people of 东山社区 this year; the supervisor has returned one.
        var committee = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "committee", ct);
        var dongshan = byName["东山社区"];
        var nominees = await db.Workers.AsNoTracking()
            .Where(w => w.UnitId == dongshan.Id && db.Deployments.Any(d => d.WorkerId == w.Id && d.StartDate.Year <= today.Year && (d.EndDate == null || d.EndDate.Value.Year >= today.Year)))
            .OrderBy(w => w.Id).Take(2).ToListAsync(ct);
        var submitted = clock.GetUtcNow().AddDays(-3);
        foreach (var (worker, returned) in nominees.Zip([false, true]))
        {
            var nomination = new Nomination
            {
                Id = Guid.CreateVersion7(), Year = today.Year, Kind = AwardKind.TimelyCommendation, NomineeKind = NomineeKind.Individual, WorkerId = worker.Id,
                UnitId = dongshan.Id, NominatingUnitId = haimen.Id, Facts = await NominationService.FactsAsync(db, worker.Id, dongshan, today.Year, ct),
                Deeds = returned ? "主动请缨驻守隔离点，负责物资转运。" : "连续值守社区卡口，逐户排查返乡人员，带领网格员完成核酸采样组织工作。",
            };
            nomination.Submit(1, submitted, committee.Id, committee.UserName, haimen.Id);
            if (returned) nomination.Return("请补充在隔离点的具体天数和工作量。", submitted.AddDays(1), null, "supervisor", byName["椒江区"].Id);
            db.Nominations.Add(nomination);
        }
        await db.SaveChangesAsync(ct);

        // F9: three volunteers of 东山社区 served at its checkpoint over the spring: 126, 63 and 42 hours.
        var volunteers = await db.Workers.AsNoTracking().Where(w => w.UnitId == dongshan.Id && w.Category == WorkerCategory.Volunteer)
            .OrderBy(w => w.Id).Take(3).ToListAsync(ct);
        foreach (var (volunteer, days) in volunteers.Zip([21, 10, 7]))
        {
            for (var d = 0; d < days; d++)
            {
                var start = new DateTimeOffset(today.Year, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddDays(d * 2).ToUniversalTime();
                db.VolunteerServiceRecords.Add(new VolunteerServiceRecord
                {
                    Id = Guid.CreateVersion7(), WorkerId = volunteer.Id, Kind = VolunteerServiceKind.Activity, Activity = "东山社区卡口测温登记",
                    Start = start, End = start.AddHours(6), Hours = 6, VerifiedBy = "东山社区居委会", RecordedAt = clock.GetUtcNow(), RecordedBy = "committee",
                });
            }
        }
        await db.SaveChangesAsync(ct);

        // E2 / E1 / D5 / E3 / D3: a street's special Party-fee fund, an infection on duty with a visit paid from the fund,
        // a family difficulty, and a volunteer policy that leaves some people uncovered.
        var onDuty = await db.Deployments.AsNoTracking()
            .Where(d => d.Worker!.UnitId == dongshan.Id && d.StartDate <= today.AddDays(-5) && (d.EndDate == null || d.EndDate >= today))
            .OrderBy(d => d.WorkerId).Select(d => new { d.WorkerId, d.StartDate }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var fund = new CareFund
        {
            Id = Guid.CreateVersion7(), Name = "海门街道疫情防控专项党费", Kind = CareFundKind.PartyFee, UnitId = haimen.Id,
            Source = "区委组织部下拨专项党费，用于慰问一线人员和帮扶困难家庭（演示数据）", Balance = 300_000m, Entries = 1, CreatedAt = now, CreatedBy = "orgdept",
        };
        db.CareFunds.Add(fund);
        db.FundEntries.Add(new FundEntry
        {
            Id = Guid.CreateVersion7(), FundId = fund.Id, Number = 1, Kind = FundEntryKind.Receipt, Amount = 300_000m, BalanceAfter = 300_000m,
            OccurredOn = today.AddDays(-20), Note = "区委组织部下拨", RecordedAt = now, RecordedBy = "orgdept",
        });
        if (onDuty.Count >= 2)
        {
            var infected = onDuty[0].WorkerId;
            db.CasualtyCases.Add(new CasualtyCase
            {
                Id = Guid.CreateVersion7(), WorkerId = infected, Kind = CasualtyKind.Infection, Track = CasualtyTrack.WorkInjury, OccurredOn = today.AddDays(-4),
                Description = "卡口值守期间感染，居家治疗", Liaison = "东山社区书记", LiaisonPhone = "0576-88000000", OpenedOn = today.AddDays(-3), CreatedAt = now, CreatedBy = "committee",
            });
            var spending = new FundEntry
            {
                Id = Guid.CreateVersion7(), FundId = fund.Id, Number = 2, Kind = FundEntryKind.Spending, Purpose = FundPurpose.Visit, Amount = -500m,
                BalanceAfter = 299_500m, OccurredOn = today.AddDays(-2), UnitId = dongshan.Id, WorkerId = infected, Note = "慰问感染人员", RecordedAt = now, RecordedBy = "committee",
            };
            (fund.Balance, fund.Entries) = (299_500m, 2);
            db.FundEntries.Add(spending);
            db.CareVisits.Add(new CareVisit
            {
                Id = Guid.CreateVersion7(), Status = CareVisitStatus.Done, WorkerId = infected, UnitId = dongshan.Id, PlannedOn = today.AddDays(-2), VisitedOn = today.AddDays(-2),
                Leader = "海门街道党工委书记", Gifts = "水果、药品", Amount = 500m, FundEntryId = spending.Id, Note = "上门慰问，了解治疗情况", CreatedAt = now, CreatedBy = "committee",
            });
            db.FamilyDifficulties.Add(new FamilyDifficulty
            {
                Id = Guid.CreateVersion7(), WorkerId = onDuty[1].WorkerId, UnitId = dongshan.Id, Kind = DifficultyKind.Childcare,
                Description = "夫妻均在一线，孩子放学无人接送", Liaison = "社区志愿者小林", OpenedOn = today.AddDays(-16), CreatedAt = now, CreatedBy = "committee",
            });
            // G1: an error-tolerance case being verified, with the 海门街道 committee named as its handler.
            var g1 = PolicyCatalog.For(PolicyProfileCode.ZJ).G1;
            var tolerance = new ToleranceCase
            {
                Id = Guid.CreateVersion7(), WorkerId = onDuty[1].WorkerId, Start = ToleranceStart.Application, OpenedOn = today.AddDays(-10),
                Facts = "深夜卡口发现一名密接人员后，未经集体研究即临时封闭小区出入口两小时（演示数据）", Action = "临时封闭出入口，组织全员核酸检测",
                Mistake = "未按程序报批，封闭公告未及时发布", Impact = "部分居民出行受阻，未造成重大损失", Stage = ToleranceStage.Verified,
                VerifiedOn = today.AddDays(-6), VerificationNote = "调阅卡口记录、询问当事人和居民代表", CreatedAt = now, CreatedBy = "orgdept",
            };
            var order = 0;
            tolerance.Criteria.AddRange(g1.Conditions.Value.Select(c => new ToleranceCriterion
            {
                Id = Guid.CreateVersion7(), CaseId = tolerance.Id, Condition = c, Order = order++,
                Finding = c == ToleranceCondition.EmergencyReported ? CriterionFinding.Unclear : CriterionFinding.Yes,
                Note = c == ToleranceCondition.EmergencyReported ? "事后报告时间待核实" : null,
            }));
            tolerance.Criteria.AddRange(g1.Exclusions.Value.Select(x => new ToleranceCriterion
                { Id = Guid.CreateVersion7(), CaseId = tolerance.Id, Exclusion = x, Order = order++, Finding = CriterionFinding.No }));
            db.ToleranceCases.Add(tolerance);
            db.CaseHandlers.Add(new CaseHandler { CaseId = tolerance.Id, UserId = committee.Id, AddedAt = now, AddedBy = "orgdept" });
            // G3: a checkpoint worker pushed while asking for a mask, referred to the police and awaiting its outcome.
            db.FrontlineIncidents.Add(new Features.Incidents.FrontlineIncident
            {
                Id = Guid.CreateVersion7(), WorkerId = onDuty[0].WorkerId, Kind = IncidentKind.Violence, Victim = IncidentVictim.Worker,
                OccurredOn = today.AddDays(-3), Place = "东山社区卡口", Description = "劝导佩戴口罩时被推搡（演示数据）", Referral = IncidentReferral.Police,
                ReferredOn = today.AddDays(-2), ReferredTo = "海门派出所", RecordedOn = today.AddDays(-3), CreatedAt = now, CreatedBy = "committee",
            });
        }
        // H4: an inspection finding at 东山社区 already past its deadline, with no rectification yet.
        db.SupervisionFindings.Add(new Features.Supervision.SupervisionFinding
        {
            Id = Guid.CreateVersion7(), UnitId = dongshan.Id, FoundOn = today.AddDays(-20), Inspector = "区委督查组（演示数据）",
            Problem = "卡口值守人员登记台账不全，部分时段无人签到", Owner = "东山社区党委书记", Deadline = today.AddDays(-5), CreatedAt = now, CreatedBy = "supervisor",
        });
        var policy = new InsurancePolicy
        {
            Id = Guid.CreateVersion7(), UnitId = haimen.Id, Kind = InsuranceKind.VolunteerSpecial, Insurer = "太平洋财险", PolicyNumber = "DEMO-2026-001",
            StartsOn = today.AddDays(-30), EndsOn = today.AddDays(150), SumInsured = 200_000m, Note = "防疫志愿者专属保险（演示数据）", CreatedAt = now, CreatedBy = "committee",
        };
        db.InsurancePolicies.Add(policy);
        foreach (var v in volunteers.Take(2))
            db.InsuranceCoverages.Add(new InsuranceCoverage { Id = Guid.CreateVersion7(), PolicyId = policy.Id, WorkerId = v.Id, AddedAt = now, AddedBy = "committee" });
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static Deployment NewDeployment(Guid workerId, PostKind kind, string place, DateOnly start, DateOnly? end, RiskClass risk) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkerId = workerId,
        PostKind = kind,
        Place = place,
        StartDate = start,
        EndDate = end,
        RiskClass = risk,
    };

    private static List<Unit> BuildTree()
    {
        var units = new List<Unit>();
        Unit Add(Unit? parent, string name, UnitKind kind, PolicyProfileCode? profile = null)
        {
            var id = Guid.CreateVersion7();
            var unit = new Unit
            {
                Id = id,
                ParentId = parent?.Id,
                Name = name,
                Kind = kind,
                ProfileOverride = profile,
                Path = new LTree(parent is null ? Unit.Label(id) : $"{parent.Path}.{Unit.Label(id)}"),
            };
            units.Add(unit);
            return unit;
        }

        var zhejiang = Add(null, "浙江省", UnitKind.Region, PolicyProfileCode.ZJ);
        var taizhou = Add(zhejiang, "台州市", UnitKind.City);
        var jiaojiang = Add(taizhou, "椒江区", UnitKind.County);
        Add(jiaojiang, "椒江区委组织部", UnitKind.Department);
        Add(jiaojiang, "台州市中心医院", UnitKind.Hospital);
        Add(jiaojiang, "台州市恩泽医院", UnitKind.Hospital);
        Add(jiaojiang, "台州学院", UnitKind.University);
        var streets = new Dictionary<string, string[]>
        {
            ["海门街道"] = ["东山社区", "西街社区", "海门社区"],
            ["白云街道"] = ["白云社区", "云西社区"],
            ["葭沚街道"] = ["葭沚社区", "星明社区"],
            ["洪家街道"] = ["洪家村", "后高桥村"],
            ["下陈街道"] = ["下陈村", "新村"],
            ["前所街道"] = ["前所村", "大坦村"],
        };
        foreach (var (street, communities) in streets)
        {
            var s = Add(jiaojiang, street, UnitKind.Township);
            foreach (var c in communities) Add(s, c, UnitKind.Community);
        }
        Add(taizhou, "黄岩区", UnitKind.County);
        Add(taizhou, "路桥区", UnitKind.County);
        // Shaoxing follows its own twelve measures: a profile override inherited by its subtree.
        var shaoxing = Add(zhejiang, "绍兴市", UnitKind.City, PolicyProfileCode.SX);
        var yuecheng = Add(shaoxing, "越城区", UnitKind.County);
        Add(yuecheng, "府山街道", UnitKind.Township);
        return units;
    }
}
