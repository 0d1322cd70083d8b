using System.Globalization;
using System.Runtime.CompilerServices;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace FrontlineCare.Core.Features.Subsidies;

/// <summary>
/// D1 / D2 monthly subsidy sheets. The organisation department generates a month's sheet for a unit and everything under
/// it from the duty logged at deployments, checks it, approves it, and exports it for the finance office. Money to a
/// person is for the organisation department only. Generation is set-based: duty is read grouped by person, day and post
/// tier in one streamed query, the rule (<see cref="D1D2Subsidy"/>) runs per person, and the rows and lines are written
/// with binary COPY in the same transaction as the sheet, whose audit entry records the people and total.
/// </summary>
public sealed class SubsidySheetService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, TimeProvider clock, ILogger<SubsidySheetService> logger, PortalMetrics metrics)
{
    /// <summary>How many earlier approved months a new sheet checks for changes to adjust.</summary>
    public const int AdjustMonths = 12;

    private static readonly CultureInfo ChineseOrder = new("zh-CN");

    public async Task<Result<IReadOnlyList<SubsidySheetSummary>>> ListAsync(CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result<IReadOnlyList<SubsidySheetSummary>>.From(Result.Forbidden(Messages.SubsidyOrgDepartmentOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var units = jurisdiction.Units(db).Select(u => u.Id);
        var sheets = await db.SubsidySheets.AsNoTracking().Where(s => units.Contains(s.UnitId))
            .OrderByDescending(s => s.Month).ThenBy(s => s.Unit!.Name)
            .Select(s => new SubsidySheetSummary(s.Id, s.UnitId, s.Unit!.Name, s.Month, s.Status, s.People, s.Total, s.GeneratedAt, s.Version))
            .Take(500).ToListAsync(ct);
        return Result<IReadOnlyList<SubsidySheetSummary>>.Ok(sheets);
    }

    /// <summary>Generates the month's sheet for the unit, or regenerates its draft; refused for a checked or approved month.</summary>
    public async Task<Result<Guid>> GenerateAsync(SubsidySheetForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result<Guid>.From(Result.Forbidden(Messages.SubsidyOrgDepartmentOnly));
        var errors = new List<FieldError>();
        if (form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.Required));
        if (form.Month is not { } anyDay) errors.Add(new FieldError(nameof(form.Month), Messages.Required));
        else if (new DateOnly(anyDay.Year, anyDay.Month, 1) > clock.Today()) errors.Add(new FieldError(nameof(form.Month), Messages.SubsidyMonthFuture));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));
        var month = new DateOnly(form.Month!.Value.Year, form.Month.Value.Month, 1);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.UnitId, ct);
        if (unit is null) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.Required));
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(unit.Path)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.Required)); // as if unknown

        using var activity = PortalMetrics.Activities.StartActivity("Subsidy sheet generation");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // One generation per month at a time: two could otherwise both pass the overlap check below.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('subsidy-sheet'), {month.DayNumber})", ct);

            var path = unit.Path;
            var overlapping = await db.SubsidySheets.AsNoTracking()
                .Where(s => s.Month == month && s.UnitId != unit.Id && (s.Unit!.Path.IsDescendantOf(path) || path.IsDescendantOf(s.Unit.Path)))
                .Select(s => s.Unit!.Name).FirstOrDefaultAsync(ct);
            if (overlapping is not null)
                return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), string.Format(Messages.SubsidyOverlapping, overlapping)));
            // Locked until the new rows are in: someone checking the draft meanwhile waits, then finds it changed.
            var sheet = await db.SubsidySheets
                .FromSql($"SELECT *, xmin FROM subsidy_sheets WHERE unit_id = {unit.Id} AND month = {month} FOR UPDATE").FirstOrDefaultAsync(ct);
            if (sheet is { Status: SubsidySheetStatus.Approved }) return Result<Guid>.From(Result.Invalid(nameof(form.Month), Messages.SubsidyMonthApproved));
            if (sheet is { Status: SubsidySheetStatus.Checked }) return Result<Guid>.From(Result.Invalid(nameof(form.Month), Messages.SubsidyMonthChecked));
            if (sheet is null)
            {
                sheet = new SubsidySheet { Id = Guid.CreateVersion7(), UnitId = unit.Id, Month = month };
                db.SubsidySheets.Add(sheet);
            }
            else
            {
                await db.SubsidyLines.Where(l => l.SheetId == sheet.Id).ExecuteDeleteAsync(ct);
                await db.SubsidySheetRows.Where(r => r.SheetId == sheet.Id).ExecuteDeleteAsync(ct);
            }

            var prepared = watch.ElapsedMilliseconds;
            var computation = await ComputeAsync(db, unit, month, sheet.Id, ct);
            var computed = watch.ElapsedMilliseconds;
            (sheet.People, sheet.Total, sheet.GeneratedAt, sheet.GeneratedBy) = (computation.Rows.Count, computation.Rows.Sum(r => r.Total), clock.GetUtcNow(), user.UserName);
            await db.SaveChangesAsync(ct);
            await WriteAsync(db, computation, ct);
            await tx.CommitAsync(ct);
            metrics.SubsidySheetGenerated(watch.Elapsed);
            logger.LogInformation(
                "Subsidy sheet {Month:yyyy-MM} of unit {UnitId}: {People} people, {Total} yuan, {Adjustments} adjustments, by {UserId} in {Ms} ms " +
                "(lock and clear {PrepareMs} ms, read {ReadMs} ms, compute {ComputeMs} ms, write {WriteMs} ms)",
                month, unit.Id, sheet.People, sheet.Total, computation.Lines.Count(l => l.Kind == SubsidyKind.Adjustment), user.UserId,
                watch.ElapsedMilliseconds, prepared, computation.ReadMs, computed - prepared - computation.ReadMs, watch.ElapsedMilliseconds - computed);
            return Result<Guid>.Ok(sheet.Id);
        });
    }

    public async Task<Result<SubsidySheetView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (sheet, denied) = await SheetAsync(db, id, ct);
        if (sheet is null) return Result<SubsidySheetView>.From(denied!);
        var totals = await db.SubsidyLines.AsNoTracking().Where(l => l.SheetId == id)
            .GroupBy(l => l.Kind).Select(g => new SubsidyKindTotal(g.Key, g.Sum(l => l.Days), g.Sum(l => l.Amount)))
            .ToListAsync(ct);
        return Result<SubsidySheetView>.Ok(new SubsidySheetView(Summary(sheet), totals.OrderBy(t => t.Kind).ToList(),
            sheet.GeneratedBy, sheet.CheckedBy, sheet.CheckedAt, sheet.ApprovedBy, sheet.ApprovedAt));
    }

    /// <summary>A page of the sheet's rows in 序号 order, with their lines; <paramref name="search"/> matches a name.</summary>
    public async Task<Result<SubsidyRowPage>> RowsAsync(Guid id, string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (sheet, denied) = await SheetAsync(db, id, ct);
        if (sheet is null) return Result<SubsidyRowPage>.From(denied!);
        var rows = db.SubsidySheetRows.AsNoTracking().Where(r => r.SheetId == id);
        if (!string.IsNullOrWhiteSpace(search)) rows = rows.Where(r => r.FullName.Contains(search.Trim()));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.Number).Skip(skip).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var ids = page.Select(r => r.Id).ToList();
        var lines = (await db.SubsidyLines.AsNoTracking().Where(l => l.SheetId == id && ids.Contains(l.RowId)).ToListAsync(ct)).ToLookup(l => l.RowId);
        var items = page.Select(r => new SubsidyRowView(r.Id, r.Number, r.WorkerId, r.FullName, r.NationalIdMasked, r.UnitName, r.Category, r.Total,
            lines[r.Id].OrderBy(l => l.Kind).ThenBy(l => l.AdjustsMonth).ThenBy(l => l.Rate).ToList())).ToList();
        return Result<SubsidyRowPage>.Ok(new SubsidyRowPage(items, total));
    }

    public Task<Result> CheckAsync(Guid id, uint version, CancellationToken ct = default) =>
        TransitionAsync(id, version, s => s.Check(clock.GetUtcNow(), user.UserName), ct);

    public Task<Result> ReopenAsync(Guid id, uint version, CancellationToken ct = default) =>
        TransitionAsync(id, version, s => s.Reopen(), ct);

    public Task<Result> ApproveAsync(Guid id, uint version, CancellationToken ct = default) =>
        TransitionAsync(id, version, s => s.Approve(clock.GetUtcNow(), user.UserName), ct);

    /// <summary>The sheet's rows for the finance office's Excel, streamed from the database in 序号 order.</summary>
    public async IAsyncEnumerable<SubsidyExportRow> ExportAsync(Guid id, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (sheet, _) = await SheetAsync(db, id, ct);
        if (sheet is null) yield break;
        // One row per line in 序号 order, read as a stream and folded into one export row per person: nothing is buffered
        // beyond the person at hand.
        var joined = db.SubsidySheetRows.AsNoTracking().Where(r => r.SheetId == id)
            .Join(db.SubsidyLines.AsNoTracking().Where(l => l.SheetId == id), r => r.Id, l => l.RowId, (r, l) => new { Row = r, Line = l })
            .OrderBy(x => x.Row.Number).ThenBy(x => x.Line.Kind).ThenBy(x => x.Line.AdjustsMonth).ThenBy(x => x.Line.Rate);
        SubsidySheetRow? row = null;
        var lines = new List<SubsidyLine>();
        await foreach (var x in joined.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row is not null && x.Row.Id != row.Id)
            {
                yield return ExportRow(row, lines);
                lines = [];
            }
            row = x.Row;
            lines.Add(x.Line);
        }
        if (row is not null) yield return ExportRow(row, lines);
    }

    private static SubsidyExportRow ExportRow(SubsidySheetRow row, List<SubsidyLine> lines)
    {
        decimal Days(SubsidyKind k) => lines.Where(l => l.Kind == k).Sum(l => l.Days);
        decimal Amount(SubsidyKind k) => lines.Where(l => l.Kind == k).Sum(l => l.Amount);
        return new SubsidyExportRow(row.Number, row.FullName, row.NationalIdMasked, row.UnitName, row.Category,
            Days(SubsidyKind.TierI), Amount(SubsidyKind.TierI), Days(SubsidyKind.TierII), Amount(SubsidyKind.TierII),
            Days(SubsidyKind.LocalTopUp), Amount(SubsidyKind.LocalTopUp), Amount(SubsidyKind.Meal), Amount(SubsidyKind.EpidemicAllowance),
            Amount(SubsidyKind.Adjustment), row.Total, lines);
    }

    private async Task<Result> TransitionAsync(Guid id, uint version, Func<SubsidySheet, bool> transition, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (found, denied) = await SheetAsync(db, id, ct);
        if (found is null) return denied!;
        var sheet = await db.SubsidySheets.FirstAsync(s => s.Id == id, ct);
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        if (sheet.Version != version) return Result.Conflict(Messages.ConcurrencyConflict);
        if (!transition(sheet)) return Result.Conflict(Messages.SubsidyWrongStatus);
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<(SubsidySheet? Sheet, Result? Denied)> SheetAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return (null, Result.Forbidden(Messages.SubsidyOrgDepartmentOnly));
        var sheet = await db.SubsidySheets.AsNoTracking().Include(s => s.Unit).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(sheet.Unit!.Path) ? (sheet, null) : (null, Jurisdiction.Hidden());
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    private static SubsidySheetSummary Summary(SubsidySheet s) =>
        new(s.Id, s.UnitId, s.Unit!.Name, s.Month, s.Status, s.People, s.Total, s.GeneratedAt, s.Version);

    private sealed record Computation(List<SubsidySheetRow> Rows, List<SubsidyLine> Lines, long ReadMs);

    private sealed record PersonInfo(Guid Id, string FullName, string NationalId, WorkerCategory Category, Guid UnitId, string UnitName);

    /// <summary>The month's rows and lines for everyone of the unit's subtree with duty, plus adjustments of earlier approved months.</summary>
    private static async Task<Computation> ComputeAsync(AppDbContext db, Unit unit, DateOnly month, Guid sheetId, CancellationToken ct)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var profileOf = await ProfilesAsync(db, unit, ct);
        var rulesOn = await PolicyProfileService.DailyAsync(db, last, ct);

        var perPerson = new Dictionary<Guid, List<SubsidyLineDraft>>();
        var read = System.Diagnostics.Stopwatch.StartNew();
        var logs = await LogsAsync(db, unit.Path.ToString(), month, last, null, rulesOn, ct);
        var people = await PeopleAsync(db, logs.Keys, ct);
        var readMs = read.ElapsedMilliseconds;
        // The rule is pure: people are computed in parallel, each on their own list.
        var computed = new System.Collections.Concurrent.ConcurrentDictionary<Guid, List<SubsidyLineDraft>>();
        Parallel.ForEach(logs, new ParallelOptions { CancellationToken = ct }, entry =>
        {
            var person = people[entry.Key];
            var profile = profileOf[person.UnitId];
            computed[entry.Key] = [.. D1D2Subsidy.Compute(person.Category, entry.Value, day => rulesOn(profile, day).D1)];
        });
        foreach (var (workerId, lines) in computed) perPerson[workerId] = lines;

        // Approved months whose data changed since their sheet was generated (the data it holds): what they come to
        // now, minus what was paid for them — their sheet plus adjustments already on any other sheet of the unit.
        var adjustments = new Dictionary<Guid, List<SubsidyLine>>();
        var approved = await db.SubsidySheets.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.Status == SubsidySheetStatus.Approved && s.Month < month && s.Month >= month.AddMonths(-AdjustMonths))
            .OrderBy(s => s.Month).ToListAsync(ct);
        foreach (var earlier in approved)
        {
            var earlierLast = earlier.Month.AddMonths(1).AddDays(-1);
            var cutoff = earlier.GeneratedAt;
            var policyChanged = await db.PolicyParameterChanges.AnyAsync(c => c.CreatedAt > cutoff && c.EffectiveFrom <= earlierLast
                                                                              && (c.Key.StartsWith("D1.") || c.Key.StartsWith("D2.")), ct);
            var changed = (await ChangedSinceAsync(db, unit.Path.ToString(), earlier.Id, cutoff, ct)).ToHashSet();
            if (policyChanged)
                changed.UnionWith(await db.SubsidySheetRows.Where(r => r.SheetId == earlier.Id).Select(r => r.WorkerId).ToListAsync(ct));
            if (changed.Count == 0) continue;
            // By person, wherever they are now: someone who moved away since is neither paid twice nor clawed back.
            var recomputedLogs = await LogsAsync(db, null, earlier.Month, earlierLast, changed, rulesOn, ct);
            var paidQuery = db.SubsidyLines.AsNoTracking()
                .Where(l => l.SheetId != sheetId && ((l.SheetId == earlier.Id && l.AdjustsMonth == null)
                            || (l.AdjustsMonth == earlier.Month && db.SubsidySheets.Any(s => s.Id == l.SheetId && s.UnitId == unit.Id))))
                .Join(db.SubsidySheetRows, l => l.RowId, r => r.Id, (l, r) => new { r.WorkerId, l.Amount })
                .Where(x => changed.Contains(x.WorkerId));
            var paid = await paidQuery.GroupBy(x => x.WorkerId).Select(g => new { WorkerId = g.Key, Amount = g.Sum(x => x.Amount) })
                .ToDictionaryAsync(x => x.WorkerId, x => x.Amount, ct);
            var earlierPeople = await PeopleAsync(db, recomputedLogs.Keys.Concat(paid.Keys).Distinct(), ct);
            foreach (var workerId in recomputedLogs.Keys.Union(paid.Keys))
            {
                var person = earlierPeople.GetValueOrDefault(workerId);
                var now = person is null || !recomputedLogs.TryGetValue(workerId, out var days) ? 0m
                    : D1D2Subsidy.Compute(person.Category, days, day => rulesOn(profileOf.GetValueOrDefault(person.UnitId, PolicyProfileCode.ZJ), day).D1).Sum(l => l.Amount);
                var before = paid.GetValueOrDefault(workerId);
                if (now == before) continue;
                if (person is not null) people.TryAdd(workerId, person);
                if (!adjustments.TryGetValue(workerId, out var list)) adjustments[workerId] = list = [];
                list.Add(new SubsidyLine
                {
                    Id = Guid.CreateVersion7(), SheetId = sheetId, Kind = SubsidyKind.Adjustment, Days = 0, Rate = 0, MultiplierPercent = 100,
                    Amount = now - before, ParameterKey = "D1.adjustment", Source = earlier.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    AdjustsMonth = earlier.Month, Recomputed = now, Paid = before,
                });
            }
        }

        var missing = adjustments.Keys.Where(id => !people.ContainsKey(id)).ToList();
        if (missing.Count > 0) foreach (var (id, p) in await PeopleAsync(db, missing, ct)) people[id] = p;
        var result = new Computation([], [], readMs);
        // Pinyin order by unit, then name: sort keys computed once per name, not per comparison.
        var keys = new Dictionary<string, byte[]>();
        byte[] Key(string text) => keys.TryGetValue(text, out var k) ? k : keys[text] = ChineseOrder.CompareInfo.GetSortKey(text).KeyData;
        var ordered = perPerson.Keys.Union(adjustments.Keys).Where(people.ContainsKey)
            .Select(id => (Person: people[id], Unit: Key(people[id].UnitName), Name: Key(people[id].FullName)))
            .OrderBy(x => x.Unit, ByteOrder.Instance).ThenBy(x => x.Name, ByteOrder.Instance).ThenBy(x => x.Person.Id)
            .Select(x => x.Person);
        var number = 0;
        foreach (var person in ordered)
        {
            var row = new SubsidySheetRow
            {
                Id = Guid.CreateVersion7(), SheetId = sheetId, WorkerId = person.Id, FullName = person.FullName,
                NationalIdMasked = Masking.NationalId(person.NationalId), UnitName = person.UnitName, Category = person.Category,
            };
            var lines = perPerson.GetValueOrDefault(person.Id, []).Select(d => new SubsidyLine
            {
                Id = Guid.CreateVersion7(), SheetId = sheetId, RowId = row.Id, Kind = d.Kind, Days = d.Days, Rate = d.Rate,
                MultiplierPercent = d.MultiplierPercent, Amount = d.Amount, ParameterKey = d.ParameterKey, Source = d.Source,
            }).Concat(adjustments.GetValueOrDefault(person.Id, []).Select(a => { a.RowId = row.Id; return a; })).ToList();
            if (lines.Count == 0) continue; // on duty, but nothing this profile pays for
            row.Number = ++number;
            row.Total = lines.Sum(l => l.Amount);
            result.Rows.Add(row);
            result.Lines.AddRange(lines);
        }
        return result;
    }

    /// <summary>
    /// The duty of the unit's subtree in a period (or of the named people wherever they are now), per person as groups of
    /// days the rule treats alike: read as one row per person and post (<see cref="D1D2Subsidy.PostDaysSql"/>), except for
    /// people who worked two posts on one day, whose logs are read one by one and merged by day.
    /// </summary>
    private static async Task<Dictionary<Guid, IEnumerable<SubsidyDayGroup>>> LogsAsync(AppDbContext db, string? rootPath, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid>? onlyWorkers, Func<PolicyProfileCode, DateOnly, PolicyParameters> rulesOn, CancellationToken ct)
    {
        var (breaks, limits) = D1D2Subsidy.Breaks(from, to,
            Enum.GetValues<PolicyProfileCode>().SelectMany(p => Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => rulesOn(p, from.AddDays(i)).D1)));
        var posts = new Dictionary<Guid, List<SubsidyPostDays>>();
        await using (var command = Command(db, string.Format(CultureInfo.InvariantCulture, D1D2Subsidy.PostDaysSql,
                         rootPath is null ? "" : "JOIN workers w ON w.id = l.worker_id JOIN units u ON u.id = w.unit_id",
                         (rootPath is null ? "" : "AND u.path <@ @root::ltree ") + (onlyWorkers is null ? "" : "AND l.worker_id = ANY(@workers)"),
                         D1D2Subsidy.HalfColumns(limits.Length)), from, to))
        {
            if (rootPath is not null) command.Parameters.AddWithValue("root", rootPath);
            if (onlyWorkers is not null) command.Parameters.AddWithValue("workers", onlyWorkers.ToArray());
            for (var i = 0; i < limits.Length; i++) command.Parameters.AddWithValue($"half{i}", limits[i]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var workerId = reader.GetGuid(0);
                if (!posts.TryGetValue(workerId, out var list)) posts[workerId] = list = [];
                var half = new long[limits.Length];
                for (var i = 0; i < half.Length; i++) half[i] = reader.GetInt64(3 + i);
                list.Add(new SubsidyPostDays(reader.GetInt64(2), half, reader.GetBoolean(3 + half.Length) ? RiskClass.I : RiskClass.II, reader.GetBoolean(4 + half.Length)));
            }
        }
        var result = new Dictionary<Guid, IEnumerable<SubsidyDayGroup>>(posts.Count);
        var twoPostDays = new List<Guid>();
        foreach (var (workerId, list) in posts)
        {
            if (D1D2Subsidy.Group(from, list, breaks, limits) is { } groups) result[workerId] = groups;
            else twoPostDays.Add(workerId);
        }
        if (twoPostDays.Count == 0) return result;
        var logs = new Dictionary<Guid, List<SubsidyDay>>();
        await using (var command = Command(db, """
                         SELECT l.worker_id, l.day, l.hours, d.risk_class = 'I', d.post_kind = 'MedicalAidTeam'
                         FROM duty_logs l JOIN deployments d ON d.id = l.deployment_id
                         WHERE l.day BETWEEN @from AND @to AND l.hours > 0 AND l.worker_id = ANY(@workers)
                         """, from, to))
        {
            command.Parameters.AddWithValue("workers", twoPostDays.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var workerId = reader.GetGuid(0);
                if (!logs.TryGetValue(workerId, out var days)) logs[workerId] = days = [];
                days.Add(new SubsidyDay(reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2), reader.GetBoolean(3) ? RiskClass.I : RiskClass.II, reader.GetBoolean(4)));
            }
        }
        foreach (var (workerId, days) in logs) result[workerId] = D1D2Subsidy.Days(days).Select(d => new SubsidyDayGroup(d, 1));
        return result;

        static NpgsqlCommand Command(AppDbContext db, string sql, DateOnly from, DateOnly to)
        {
            var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()) { CommandTimeout = 300 };
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            return command;
        }
    }

    private static async Task<Dictionary<Guid, PersonInfo>> PeopleAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var result = new Dictionary<Guid, PersonInfo>(list.Count);
        foreach (var chunk in list.Chunk(20_000))
        {
            var people = await db.Workers.AsNoTracking().Where(w => chunk.Contains(w.Id))
                .Select(w => new PersonInfo(w.Id, w.FullName, w.NationalId, w.Category, w.UnitId, w.Unit!.Name)).ToListAsync(ct);
            foreach (var p in people) result[p.Id] = p;
        }
        return result;
    }

    /// <summary>
    /// Whose pay for an approved sheet's month may have changed since it was generated (the audit trail says): people now
    /// in the subtree or on the sheet whose deployments or duty changed, and people on the sheet whose worker record
    /// changed (a category). A worker record changed by someone who only moved in is not enough: their month was paid where they were.
    /// </summary>
    private static async Task<IReadOnlyCollection<Guid>> ChangedSinceAsync(AppDbContext db, string rootPath, Guid sheetId, DateTimeOffset since, CancellationToken ct) =>
        await db.Database.SqlQuery<Guid>($"""
            WITH on_sheet AS (SELECT worker_id FROM subsidy_sheet_rows WHERE sheet_id = {sheetId})
            SELECT w.id AS "Value" FROM workers w
            WHERE (w.unit_id IN (SELECT u.id FROM units u WHERE u.path <@ {rootPath}::ltree) OR w.id IN (SELECT worker_id FROM on_sheet))
              AND EXISTS (SELECT 1 FROM audit_entries a WHERE a.worker_id = w.id AND a.at > {since}
                          AND (a.entity IN ('Deployment', 'DutyLog') OR (a.entity = 'Worker' AND w.id IN (SELECT worker_id FROM on_sheet))))
            """).ToListAsync(ct);

    /// <summary>The profile in force for each unit of the subtree: its own, else its nearest ancestor's, else ZJ.</summary>
    private static async Task<Dictionary<Guid, PolicyProfileCode>> ProfilesAsync(AppDbContext db, Unit root, CancellationToken ct)
    {
        var rootPath = root.Path;
        var ancestorIds = root.Path.ToString().Split('.').Select(Guid.Parse).ToList();
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Path.IsDescendantOf(rootPath) || ancestorIds.Contains(u.Id))
            .Select(u => new { u.Id, Path = u.Path.ToString(), u.ProfileOverride }).ToListAsync(ct);
        var overrides = units.Where(u => u.ProfileOverride is not null).ToDictionary(u => u.Id, u => u.ProfileOverride!.Value);
        return units.ToDictionary(u => u.Id, u =>
        {
            foreach (var label in u.Path.Split('.').Reverse())
                if (overrides.TryGetValue(Guid.Parse(label), out var p)) return p;
            return PolicyProfileCode.ZJ;
        });
    }

    private static async Task WriteAsync(AppDbContext db, Computation c, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var rows = await connection.BeginBinaryImportAsync(
            "COPY subsidy_sheet_rows (id, sheet_id, worker_id, number, full_name, national_id_masked, unit_name, category, total) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in c.Rows)
            {
                await rows.StartRowAsync(ct);
                await rows.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await rows.WriteAsync(r.SheetId, NpgsqlDbType.Uuid, ct);
                await rows.WriteAsync(r.WorkerId, NpgsqlDbType.Uuid, ct);
                await rows.WriteAsync(r.Number, NpgsqlDbType.Integer, ct);
                await rows.WriteAsync(r.FullName, NpgsqlDbType.Varchar, ct);
                await rows.WriteAsync(r.NationalIdMasked, NpgsqlDbType.Varchar, ct);
                await rows.WriteAsync(r.UnitName, NpgsqlDbType.Varchar, ct);
                await rows.WriteAsync(r.Category.ToString(), NpgsqlDbType.Varchar, ct);
                await rows.WriteAsync(r.Total, NpgsqlDbType.Numeric, ct);
            }
            await rows.CompleteAsync(ct);
        }
        await using (var lines = await connection.BeginBinaryImportAsync(
            "COPY subsidy_lines (id, sheet_id, row_id, kind, days, rate, multiplier_percent, amount, parameter_key, source, adjusts_month, recomputed, paid) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var l in c.Lines)
            {
                await lines.StartRowAsync(ct);
                await lines.WriteAsync(l.Id, NpgsqlDbType.Uuid, ct);
                await lines.WriteAsync(l.SheetId, NpgsqlDbType.Uuid, ct);
                await lines.WriteAsync(l.RowId, NpgsqlDbType.Uuid, ct);
                await lines.WriteAsync(l.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await lines.WriteAsync(l.Days, NpgsqlDbType.Numeric, ct);
                await lines.WriteAsync(l.Rate, NpgsqlDbType.Numeric, ct);
                await lines.WriteAsync(l.MultiplierPercent, NpgsqlDbType.Integer, ct);
                await lines.WriteAsync(l.Amount, NpgsqlDbType.Numeric, ct);
                await lines.WriteAsync(l.ParameterKey, NpgsqlDbType.Varchar, ct);
                await lines.WriteAsync(l.Source, NpgsqlDbType.Text, ct);
                if (l.AdjustsMonth is { } m) await lines.WriteAsync(m, NpgsqlDbType.Date, ct); else await lines.WriteNullAsync(ct);
                if (l.Recomputed is { } rc) await lines.WriteAsync(rc, NpgsqlDbType.Numeric, ct); else await lines.WriteNullAsync(ct);
                if (l.Paid is { } pd) await lines.WriteAsync(pd, NpgsqlDbType.Numeric, ct); else await lines.WriteNullAsync(ct);
            }
            await lines.CompleteAsync(ct);
        }
    }
}
