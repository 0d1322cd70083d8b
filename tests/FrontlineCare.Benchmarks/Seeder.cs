using System.Diagnostics;
using System.Globalization;
using Bogus;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using Npgsql;
using NpgsqlTypes;

namespace FrontlineCare.Benchmarks;

/// <summary>A unit chosen as a filter target, with the size of its subtree.</summary>
internal sealed record UnitPick(Guid Id, string Name, UnitKind Kind, int Units, int Workers);

/// <summary>How one table was loaded: rows, time to generate them in .NET, time of the binary COPY.</summary>
internal sealed record LoadFigure(string Table, int Rows, TimeSpan Generate, TimeSpan Copy)
{
    public double RowsPerSecond => Rows / Copy.TotalSeconds;
}

internal sealed record SeedResult(
    Guid RootUnitId,
    UnitPick City,
    UnitPick County,
    UnitPick Community,
    string ThreeCharName,
    string TwoCharName,
    string NationalId,
    IReadOnlyList<LoadFigure> Loads,
    TimeSpan VacuumAnalyze);

/// <summary>
/// Fills the migrated database: a five-level unit tree (province → 10 cities → 10 counties → 10 townships → 5
/// communities = 6,111 units, ltree paths of Guid "N" labels) and the workers, spread unevenly (log-normal unit
/// weights) so that counties and communities differ in size as real ones do, plus deployments for about one
/// worker in six. Everything goes in with Npgsql binary COPY into the real tables, indexes and constraints in place.
/// </summary>
internal sealed class Seeder(NpgsqlDataSource dataSource, int seed)
{
    private static readonly string[] Cities = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州"];
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>Share of the workers registered directly at each level (the rest of a subtree is below it).</summary>
    private static readonly (UnitKind Kind, double Share)[] LevelShares =
    [
        (UnitKind.Region, 0.005),
        (UnitKind.City, 0.025),
        (UnitKind.County, 0.09),
        (UnitKind.Township, 0.18),
        (UnitKind.Community, 0.70),
    ];

    private readonly Random _random = new(seed);

    public async Task<SeedResult> SeedAsync(int workerCount, DateOnly today, CancellationToken ct)
    {
        var loads = new List<LoadFigure>();

        var sw = Stopwatch.StartNew();
        var units = BuildTree();
        var generateUnits = sw.Elapsed;
        sw.Restart();
        await CopyUnitsAsync(units, ct);
        loads.Add(Report(new LoadFigure("units", units.Count, generateUnits, sw.Elapsed)));

        sw.Restart();
        var workers = GenerateWorkers(units, workerCount);
        var generateWorkers = sw.Elapsed;
        sw.Restart();
        await CopyWorkersAsync(units, workers, ct);
        loads.Add(Report(new LoadFigure("workers", workers.Length, generateWorkers, sw.Elapsed)));

        sw.Restart();
        var deployments = GenerateDeployments(workers, today);
        var generateDeployments = sw.Elapsed;
        sw.Restart();
        await CopyDeploymentsAsync(deployments, ct);
        loads.Add(Report(new LoadFigure("deployments", deployments.Count, generateDeployments, sw.Elapsed)));

        sw.Restart();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE", conn) { CommandTimeout = 0 })
        {
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        var vacuumTime = sw.Elapsed;
        Console.WriteLine($"  VACUUM ANALYZE                     {vacuumTime.TotalSeconds,8:F1} s");

        CountSubtrees(units, workers);
        var total = workers.Length;
        var city = Closest(units, UnitKind.City, total * 0.10);
        var county = Closest(units, UnitKind.County, total * 0.016);
        var communitySizes = units.Where(u => u.Kind == UnitKind.Community).Select(u => (double)u.SubtreeWorkers).Order().ToArray();
        var community = Closest(units, UnitKind.Community, LatencyStats.Percentile(communitySizes, 0.5));

        // Search terms are drawn like a user would type them: the names of random people (so common names come up
        // as often as they occur), one of three characters and one of two.
        var three = Sample(workers, w => w.FullName.Length == 3).FullName;
        var two = Sample(workers, w => w.FullName.Length == 2).FullName;
        var nationalId = workers[_random.Next(workers.Length)].NationalId;

        return new SeedResult(units[0].Id, city, county, community, three, two, nationalId, loads, vacuumTime);
    }

    private static LoadFigure Report(LoadFigure load)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {load.Table,-12} {load.Rows,10:N0} rows  generated {load.Generate.TotalSeconds,6:F1} s  COPY {load.Copy.TotalSeconds,6:F1} s = {load.RowsPerSecond,9:N0} rows/s"));
        return load;
    }

    // ---- units -------------------------------------------------------------------------------------------

    private sealed class SeedUnit
    {
        public required Guid Id { get; init; }
        public required int ParentIndex { get; init; }
        public required string Name { get; init; }
        public required UnitKind Kind { get; init; }
        public required string Path { get; init; }
        /// <summary>The 6-digit administrative code used as the region part of the workers' ID numbers.</summary>
        public required string Region { get; init; }
        public double Weight { get; set; } = 1;
        public int SubtreeWorkers { get; set; }
        public int SubtreeUnits { get; set; } = 1;
    }

    private List<SeedUnit> BuildTree()
    {
        var units = new List<SeedUnit>();
        SeedUnit Add(int parentIndex, string name, UnitKind kind, string region, double weight)
        {
            var id = Guid.CreateVersion7();
            var path = parentIndex < 0 ? Unit.Label(id) : $"{units[parentIndex].Path}.{Unit.Label(id)}";
            var unit = new SeedUnit { Id = id, ParentIndex = parentIndex, Name = name, Kind = kind, Path = path, Region = region, Weight = weight };
            units.Add(unit);
            return unit;
        }

        Add(-1, "浙江省", UnitKind.Region, "330000", 1);
        for (var c = 0; c < Cities.Length; c++)
        {
            var cityIndex = units.Count;
            Add(0, Cities[c] + "市", UnitKind.City, string.Create(CultureInfo.InvariantCulture, $"33{c + 1:00}00"), 1);
            for (var k = 0; k < 10; k++)
            {
                // A county's size carries down to its streets and communities, so whole counties differ in size.
                var countySize = LogNormal(0.45);
                var countyIndex = units.Count;
                var county = Add(cityIndex, $"{Cities[c]}{Numerals[k]}区", UnitKind.County,
                    string.Create(CultureInfo.InvariantCulture, $"33{c + 1:00}{k + 1:00}"), countySize);
                for (var t = 0; t < 10; t++)
                {
                    var townIndex = units.Count;
                    var town = Add(countyIndex, $"{county.Name}{Numerals[t]}街道", UnitKind.Township, county.Region, countySize * LogNormal(0.4));
                    for (var m = 0; m < 5; m++)
                        Add(townIndex, $"{town.Name}{Numerals[m]}社区", UnitKind.Community, county.Region, countySize * LogNormal(0.5));
                }
            }
        }
        return units;
    }

    private async Task CopyUnitsAsync(List<SeedUnit> units, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        using var importer = await conn.BeginBinaryImportAsync(
            "COPY units (id, parent_id, name, kind, path, profile_override) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var unit in units)
        {
            importer.StartRow();
            importer.Write(unit.Id, NpgsqlDbType.Uuid);
            if (unit.ParentIndex < 0) importer.WriteNull();
            else importer.Write(units[unit.ParentIndex].Id, NpgsqlDbType.Uuid);
            importer.Write(unit.Name, NpgsqlDbType.Varchar);
            importer.Write(unit.Kind.ToString(), NpgsqlDbType.Varchar);
            importer.Write(unit.Path, NpgsqlDbType.LTree);
            if (unit.ParentIndex < 0) importer.Write(nameof(PolicyProfileCode.ZJ), NpgsqlDbType.Varchar);
            else importer.WriteNull();
        }
        await importer.CompleteAsync(ct);
    }

    private static void CountSubtrees(List<SeedUnit> units, WorkerRow[] workers)
    {
        foreach (var w in workers) units[w.UnitIndex].SubtreeWorkers++;
        // Units are listed parents first, so a reverse walk adds every subtree into its parent exactly once.
        for (var i = units.Count - 1; i > 0; i--)
        {
            var parent = units[units[i].ParentIndex];
            parent.SubtreeWorkers += units[i].SubtreeWorkers;
            parent.SubtreeUnits += units[i].SubtreeUnits;
        }
    }

    private static UnitPick Closest(List<SeedUnit> units, UnitKind kind, double workers)
    {
        var unit = units.Where(u => u.Kind == kind).MinBy(u => Math.Abs(u.SubtreeWorkers - workers))!;
        return new UnitPick(unit.Id, unit.Name, unit.Kind, unit.SubtreeUnits, unit.SubtreeWorkers);
    }

    // ---- workers -----------------------------------------------------------------------------------------

    private readonly record struct WorkerRow(
        Guid Id,
        string FullName,
        Gender Gender,
        string NationalId,
        string Mobile,
        int UnitIndex,
        WorkerCategory Category,
        PoliticalStatus PoliticalStatus,
        string? Position,
        string? ProfessionalTitle,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt);

    private WorkerRow[] GenerateWorkers(List<SeedUnit> units, int count)
    {
        var levels = new WeightedPick(LevelShares.Select((level, i) => (i, level.Share)).ToList());
        var unitsOfLevel = LevelShares
            .Select(level => new WeightedPick(units.Select((u, i) => (i, u)).Where(x => x.u.Kind == level.Kind).Select(x => (x.i, x.u.Weight)).ToList()))
            .ToArray();

        var names = new NameGenerator(_random);
        var usedIds = new HashSet<string>(count);
        var firstRegistration = new DateTimeOffset(2020, 1, 23, 0, 0, 0, TimeSpan.Zero);
        var registrationSpan = (long)TimeSpan.FromDays(700).TotalSeconds;
        var rows = new WorkerRow[count];
        for (var n = 0; n < count; n++)
        {
            var unitIndex = unitsOfLevel[levels.Next(_random)].Next(_random);
            var male = _random.Next(2) == 0;
            string nationalId;
            do
            {
                var birth = new DateOnly(1960, 1, 1).AddDays(_random.Next(16_071)); // up to 2003-12-31
                nationalId = NationalIdNumber.Compose(units[unitIndex].Region, birth, _random.Next(500) * 2 + (male ? 1 : 0));
            } while (!usedIds.Add(nationalId));

            var category = PickCategory();
            var created = firstRegistration.AddSeconds(_random.NextInt64(registrationSpan));
            var updated = _random.Next(3) == 0 ? created : created.AddSeconds(_random.NextInt64(registrationSpan / 4));
            rows[n] = new WorkerRow(
                Guid.CreateVersion7(),
                names.Next(male),
                male ? Gender.Male : Gender.Female,
                nationalId,
                string.Create(CultureInfo.InvariantCulture, $"1{"35789"[_random.Next(5)]}{_random.Next(1_000_000_000):000000000}"),
                unitIndex,
                category,
                PickStatus(),
                Position(category),
                category == WorkerCategory.MedicalWorker ? Pick("初级", "中级", "副高级", "正高级") : null,
                created,
                updated);
        }
        return rows;
    }

    private WorkerCategory PickCategory() => _random.Next(20) switch
    {
        < 5 => WorkerCategory.MedicalWorker,
        < 8 => WorkerCategory.PartyCadre,
        < 13 => WorkerCategory.CommunityCadre,
        < 17 => WorkerCategory.Volunteer,
        < 18 => WorkerCategory.Police,
        _ => WorkerCategory.Other,
    };

    private PoliticalStatus PickStatus() => _random.Next(10) switch
    {
        < 4 => PoliticalStatus.PartyMember,
        4 => PoliticalStatus.Activist,
        5 => PoliticalStatus.Applicant,
        _ => PoliticalStatus.Masses,
    };

    private string? Position(WorkerCategory category) => category switch
    {
        WorkerCategory.MedicalWorker => Pick("护士", "主治医师", "医师", "护师", "检验技师"),
        WorkerCategory.CommunityCadre => Pick("社区书记", "社区主任", "网格员", "社工"),
        WorkerCategory.PartyCadre => Pick("科员", "副科长", "科长", "干部"),
        WorkerCategory.Police => "民警",
        _ => null,
    };

    private string Pick(params string[] values) => values[_random.Next(values.Length)];

    private WorkerRow Sample(WorkerRow[] workers, Func<WorkerRow, bool> predicate)
    {
        while (true)
        {
            var w = workers[_random.Next(workers.Length)];
            if (predicate(w)) return w;
        }
    }

    private async Task CopyWorkersAsync(List<SeedUnit> units, WorkerRow[] workers, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        using var importer = await conn.BeginBinaryImportAsync(
            "COPY workers (id, full_name, gender, national_id, mobile, unit_id, category, political_status, position, " +
            "professional_title, spouse_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        importer.Timeout = TimeSpan.Zero;
        var genders = Enum.GetValues<Gender>().ToDictionary(g => g, g => g.ToString());
        var categories = Enum.GetValues<WorkerCategory>().ToDictionary(c => c, c => c.ToString());
        var statuses = Enum.GetValues<PoliticalStatus>().ToDictionary(s => s, s => s.ToString());
        foreach (var w in workers)
        {
            importer.StartRow();
            importer.Write(w.Id, NpgsqlDbType.Uuid);
            importer.Write(w.FullName, NpgsqlDbType.Varchar);
            importer.Write(genders[w.Gender], NpgsqlDbType.Varchar);
            importer.Write(w.NationalId, NpgsqlDbType.Varchar);
            importer.Write(w.Mobile, NpgsqlDbType.Varchar);
            importer.Write(units[w.UnitIndex].Id, NpgsqlDbType.Uuid);
            importer.Write(categories[w.Category], NpgsqlDbType.Varchar);
            importer.Write(statuses[w.PoliticalStatus], NpgsqlDbType.Varchar);
            WriteNullable(importer, w.Position);
            WriteNullable(importer, w.ProfessionalTitle);
            importer.WriteNull();
            importer.Write(w.CreatedAt, NpgsqlDbType.TimestampTz);
            importer.Write(w.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await importer.CompleteAsync(ct);
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, NpgsqlDbType.Varchar);
    }

    // ---- deployments -------------------------------------------------------------------------------------

    private readonly record struct DeploymentRow(
        Guid Id, Guid WorkerId, PostKind PostKind, string Place, DateOnly Start, DateOnly? End, RiskClass Risk, DateTimeOffset At);

    /// <summary>One worker in ten is deployed now, one in twenty also had an earlier, finished deployment (no overlaps: A1).</summary>
    private List<DeploymentRow> GenerateDeployments(WorkerRow[] workers, DateOnly today)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var places = Enum.GetValues<PostKind>().ToDictionary(k => k, k => Enumerable.Range(0, 20)
            .Select(_ => faker.Address.City() + k switch
            {
                PostKind.DesignatedHospital => "定点医院",
                PostKind.Checkpoint => "高速卡口",
                PostKind.Community => "社区防控点",
                PostKind.QuarantineSite => "集中隔离点",
                PostKind.Grid => "网格",
                PostKind.MedicalAidTeam => "援助医疗队",
                _ => "防控点",
            }).ToArray());
        var kinds = Enum.GetValues<PostKind>();
        var now = DateTimeOffset.UtcNow;
        var rows = new List<DeploymentRow>(workers.Length / 5);
        DeploymentRow New(Guid workerId, DateOnly start, DateOnly? end)
        {
            var kind = kinds[_random.Next(kinds.Length)];
            var risk = kind is PostKind.DesignatedHospital or PostKind.QuarantineSite or PostKind.MedicalAidTeam ? RiskClass.I : RiskClass.II;
            return new DeploymentRow(Guid.CreateVersion7(), workerId, kind, places[kind][_random.Next(20)], start, end, risk, now);
        }

        foreach (var w in workers)
        {
            var roll = _random.Next(20);
            if (roll >= 2) continue;
            if (roll == 1)
            {
                var oldStart = today.AddDays(-_random.Next(150, 400));
                rows.Add(New(w.Id, oldStart, oldStart.AddDays(_random.Next(14, 60))));
            }
            var start = today.AddDays(-_random.Next(3, 80));
            rows.Add(New(w.Id, start, _random.Next(5) < 2 ? null : today.AddDays(_random.Next(0, 60))));
        }
        return rows;
    }

    private async Task CopyDeploymentsAsync(List<DeploymentRow> deployments, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        using var importer = await conn.BeginBinaryImportAsync(
            "COPY deployments (id, worker_id, post_kind, place, start_date, end_date, risk_class, created_at, updated_at) " +
            "FROM STDIN (FORMAT BINARY)", ct);
        importer.Timeout = TimeSpan.Zero;
        foreach (var d in deployments)
        {
            importer.StartRow();
            importer.Write(d.Id, NpgsqlDbType.Uuid);
            importer.Write(d.WorkerId, NpgsqlDbType.Uuid);
            importer.Write(d.PostKind.ToString(), NpgsqlDbType.Varchar);
            importer.Write(d.Place, NpgsqlDbType.Varchar);
            importer.Write(d.Start, NpgsqlDbType.Date);
            if (d.End is { } end) importer.Write(end, NpgsqlDbType.Date);
            else importer.WriteNull();
            importer.Write(d.Risk.ToString(), NpgsqlDbType.Varchar);
            importer.Write(d.At, NpgsqlDbType.TimestampTz);
            importer.Write(d.At, NpgsqlDbType.TimestampTz);
        }
        await importer.CompleteAsync(ct);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /// <summary>exp(N(0, σ)): a size multiplier with median 1.</summary>
    private double LogNormal(double sigma)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Exp(sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    private sealed class WeightedPick
    {
        private readonly int[] _indexes;
        private readonly double[] _cumulative;

        public WeightedPick(List<(int Index, double Weight)> items)
        {
            _indexes = items.Select(x => x.Index).ToArray();
            _cumulative = new double[items.Count];
            var total = 0.0;
            for (var i = 0; i < items.Count; i++) _cumulative[i] = total += items[i].Weight;
        }

        public int Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return _indexes[i >= 0 ? i : Math.Min(~i, _indexes.Length - 1)];
        }
    }
}
