using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FrontlineCare.Core.Features.Workers;

/// <summary>The registry of frontline workers (A1), always within the caller's jurisdiction.</summary>
public sealed class WorkerService(
    IDbContextFactory<AppDbContext> dbFactory,
    IValidator<WorkerForm> validator,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<WorkerService> logger)
{
    /// <summary>Totals above this are shown as "10,000+": an exact count of a province is not worth its cost on every page.</summary>
    public const int CountCap = 10_000;
    public const int MaxPageSize = 200;
    /// <summary>Name searches shorter than this match from the start of the name; longer ones anywhere in it.</summary>
    public const int ShortNameSearch = 3;

    public async Task<Result<PagedResult<WorkerListItem>>> ListAsync(WorkerQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, query.UnitId, ct);
        if (!scope.IsOk) return Result<PagedResult<WorkerListItem>>.From(scope);
        var filtered = Filter(db, scope.Value!, query);

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var after = FitsSort(Cursor.Decode(query.After), query.Sort);
        var before = after is null ? FitsSort(Cursor.Decode(query.Before), query.Sort) : null;
        // Walking backwards = the same query with the order reversed, then the page flipped back.
        var backwards = before is not null;
        var descending = query.Descending ^ backwards;
        var ordered = Order(KeysetFilter(filtered, query.Sort, descending, after ?? before), query.Sort, descending);
        if (after is null && before is null && query.Page > 0) ordered = ordered.Skip(query.Page * pageSize);

        var rows = await Project(db, ordered.Take(pageSize + 1))
            .AsNoTracking()
            .ToListAsync(ct);

        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (backwards) rows.Reverse();

        // Counting costs as much as the page itself: only when asked, by default on a filter's first request.
        int? total = query.IncludeTotal ?? (after is null && before is null)
            ? await filtered.Take(CountCap + 1).CountAsync(ct)
            : null;
        var items = rows.Select(Mask).ToList();
        var first = items.Count > 0 ? CursorOf(items[0], query.Sort).Encode() : null;
        var last = items.Count > 0 ? CursorOf(items[^1], query.Sort).Encode() : null;
        var atStart = backwards ? !hasMore : after is null && query.Page == 0;
        var atEnd = backwards ? false : !hasMore;
        return Result<PagedResult<WorkerListItem>>.Ok(new PagedResult<WorkerListItem>(
            items, total is { } t ? Math.Min(t, CountCap) : null, total > CountCap, atEnd ? null : last, atStart ? null : first));
    }

    /// <summary>Every row of the filter, for export; streamed, never held in memory as a whole.</summary>
    public async IAsyncEnumerable<WorkerListItem> ExportAsync(
        WorkerQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, query.UnitId, ct);
        if (!scope.IsOk) yield break;
        var rows = Project(db, Order(Filter(db, scope.Value!, query), query.Sort, query.Descending))
            .AsNoTracking()
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return Mask(row);
    }

    public async Task<Result<WorkerDetail>> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var worker = await db.Workers.AsNoTracking().Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (worker is null) return Result<WorkerDetail>.From(Result.NotFound());
        if (!jurisdiction.Contains(worker.Unit!.Path)) return Result<WorkerDetail>.From(Jurisdiction.Hidden());

        var spouseName = worker.SpouseId is { } sid
            ? await jurisdiction.Units(db).Join(db.Workers.Where(w => w.Id == sid), u => u.Id, w => w.UnitId, (u, w) => w.FullName).FirstOrDefaultAsync(ct)
            : null;
        var deployments = await db.Deployments.AsNoTracking().Where(d => d.WorkerId == id)
            .OrderByDescending(d => d.StartDate)
            .Select(d => new DeploymentItem(d.Id, d.Version, d.WorkerId, d.PostKind, d.Place, d.StartDate, d.EndDate, d.RiskClass, d.Note,
                d.SpouseWarningConfirmedAt != null))
            .ToListAsync(ct);
        var seesId = user.SeesPersonalData();
        return Result<WorkerDetail>.Ok(new WorkerDetail(
            worker.Id, worker.Version, worker.FullName, worker.Gender,
            seesId ? worker.NationalId : Masking.NationalId(worker.NationalId), !seesId,
            user.SeesFullMobile() ? worker.Mobile : Masking.Mobile(worker.Mobile),
            worker.UnitId, worker.Unit.Name, worker.Category, worker.PoliticalStatus, worker.StaffCategory, worker.Position, worker.ProfessionalTitle,
            worker.ServiceStartDate,
            // A spouse outside the jurisdiction is named by nothing, not even an id: only that there is one.
            spouseName is null ? null : worker.SpouseId, spouseName, worker.SpouseId is not null && spouseName is null,
            user.CanEditPersonnel(), deployments));
    }

    /// <summary>The edit form of a worker. Callers who may not see the full ID get it as null ("unchanged").</summary>
    public async Task<Result<WorkerForm>> GetFormAsync(Guid id, CancellationToken ct = default)
    {
        var detail = await GetAsync(id, ct);
        if (!detail.IsOk) return Result<WorkerForm>.From(detail);
        var d = detail.Value!;
        return Result<WorkerForm>.Ok(new WorkerForm
        {
            Id = d.Id,
            Version = d.Version,
            FullName = d.FullName,
            Gender = d.Gender,
            NationalId = d.NationalIdMasked ? null : d.NationalId,
            Mobile = d.Mobile,
            UnitId = d.UnitId,
            Category = d.Category,
            PoliticalStatus = d.PoliticalStatus,
            StaffCategory = d.StaffCategory,
            Position = d.Position,
            ProfessionalTitle = d.ProfessionalTitle,
            ServiceStartDate = d.ServiceStartDate,
            SpouseId = d.SpouseId,
        });
    }

    public async Task<Result<Guid>> CreateAsync(WorkerForm form, CancellationToken ct = default)
    {
        form.Id = null;
        return await SaveAsync(form, ct);
    }

    public async Task<Result<Guid>> UpdateAsync(WorkerForm form, CancellationToken ct = default)
    {
        if (form.Id is null) return Result<Guid>.From(Result.NotFound());
        return await SaveAsync(form, ct);
    }

    private async Task<Result<Guid>> SaveAsync(WorkerForm form, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.ReadOnlyRole));
        if (await validator.CheckAsync(form, ct) is { } invalid) return Result<Guid>.From(invalid);
        if (form.ServiceStartDate > clock.Today())
            return Result<Guid>.From(Result.Invalid(nameof(WorkerForm.ServiceStartDate), Messages.ServiceStartInvalid));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);

        FrontlineWorker worker;
        if (form.IsNew)
        {
            worker = new FrontlineWorker { Id = Guid.CreateVersion7(), FullName = "", NationalId = "", Mobile = "" };
            db.Workers.Add(worker);
        }
        else
        {
            var existing = await db.Workers.Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == form.Id, ct);
            if (existing is null) return Result<Guid>.From(Result.NotFound());
            if (!jurisdiction.Contains(existing.Unit!.Path)) return Result<Guid>.From(Jurisdiction.Hidden());
            // The version the user loaded is the one we compare against on save (xmin).
            db.Entry(existing).Property(w => w.Version).OriginalValue = form.Version;
            worker = existing;
        }

        if (!await jurisdiction.ContainsUnitAsync(db, form.UnitId!.Value, ct))
            return Result<Guid>.From(Result.Invalid(nameof(WorkerForm.UnitId), Messages.UnitOutsideJurisdiction));

        // The validator refused blank numbers; null (update only) keeps the stored one.
        var nationalId = form.NationalId is null ? worker.NationalId : NationalIdNumber.Normalize(form.NationalId);
        if (await DuplicateNationalIdAsync(db, jurisdiction, nationalId, worker.Id, ct) is { } duplicate)
            return Result<Guid>.From(duplicate);

        if (await SpouseChangeAsync(db, jurisdiction, worker, form.SpouseId, ct) is { } spouseError)
            return Result<Guid>.From(spouseError);

        worker.FullName = form.FullName.Trim();
        worker.Gender = form.Gender!.Value;
        worker.NationalId = nationalId;
        worker.Mobile = form.Mobile.Trim();
        worker.UnitId = form.UnitId.Value;
        worker.Category = form.Category!.Value;
        worker.PoliticalStatus = form.PoliticalStatus!.Value;
        worker.StaffCategory = form.StaffCategory ?? StaffCategory.Other;
        worker.Position = TextRules.Stored(form.Position);
        worker.ProfessionalTitle = TextRules.Stored(form.ProfessionalTitle);
        worker.ServiceStartDate = form.ServiceStartDate;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.From(Result.Conflict(Messages.ConcurrencyConflict));
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two people registered the same ID at the same moment: the unique index decided. Say nothing of the other.
            return Result<Guid>.From(Result.Invalid(nameof(WorkerForm.NationalId), Messages.NationalIdNotRegistrable));
        }
        logger.LogInformation("Worker {WorkerId} {Action} by {UserId}", worker.Id, form.IsNew ? "created" : "updated", user.UserId);
        return Result<Guid>.Ok(worker.Id);
    }

    /// <summary>
    /// A national ID registered already. Within the jurisdiction the answer names the person, whom the caller may read;
    /// outside it the answer names nothing — one person has one record, so the number cannot be registered twice, but
    /// who holds it and where stays unsaid (and the refusal is logged, without the number, to spot probing).
    /// </summary>
    private async Task<Result?> DuplicateNationalIdAsync(AppDbContext db, Jurisdiction jurisdiction, string nationalId, Guid workerId, CancellationToken ct)
    {
        var holder = await db.Workers.AsNoTracking().Where(w => w.NationalId == nationalId && w.Id != workerId)
            .Select(w => new { w.FullName, UnitName = w.Unit!.Name, w.Unit.Path }).FirstOrDefaultAsync(ct);
        if (holder is null) return null;
        if (jurisdiction.Contains(holder.Path))
            return Result.Invalid(nameof(WorkerForm.NationalId), string.Format(Messages.NationalIdDuplicateHere, holder.FullName, holder.UnitName));
        logger.LogWarning("Registration refused to {UserId}: the national ID is registered outside their jurisdiction", user.UserId);
        return Result.Invalid(nameof(WorkerForm.NationalId), Messages.NationalIdNotRegistrable);
    }

    /// <summary>
    /// The spouse link (A6) as the form asks, written only to rows of the caller's jurisdiction and kept symmetric
    /// (A→B implies B→A; the old partner is released). A spouse outside the jurisdiction is linked and unlinked by a
    /// request the organisation department above both decides (<see cref="Couples.SpouseLinkService"/>); while one is linked the
    /// form cannot carry their id, so its null means "unchanged", and any other spouse is refused.
    /// </summary>
    private static async Task<Result?> SpouseChangeAsync(AppDbContext db, Jurisdiction jurisdiction, FrontlineWorker worker, Guid? spouseId, CancellationToken ct)
    {
        if (spouseId == worker.SpouseId) return null;
        var old = worker.SpouseId is { } oldId ? await db.Workers.Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == oldId, ct) : null;
        if (old is not null && !jurisdiction.Contains(old.Unit!.Path))
            return spouseId is null ? null : Result.Invalid(nameof(WorkerForm.SpouseId), Messages.SpouseOutsideLinked);

        FrontlineWorker? spouse = null;
        if (spouseId is { } sid)
        {
            spouse = await db.Workers.Include(w => w.Unit).FirstOrDefaultAsync(w => w.Id == sid, ct);
            if (spouse is null || !jurisdiction.Contains(spouse.Unit!.Path))
                return Result.Invalid(nameof(WorkerForm.SpouseId), Messages.SpouseNotFound);
            if (spouse.SpouseId is not null && spouse.SpouseId != worker.Id)
                return Result.Invalid(nameof(WorkerForm.SpouseId), Messages.SpouseTaken);
        }
        if (old is not null && old.SpouseId == worker.Id) old.SpouseId = null;
        worker.SpouseId = spouseId;
        if (spouse is not null) spouse.SpouseId = worker.Id;
        return null;
    }

    /// <summary>Workers of the jurisdiction matching a name, for pickers (spouse).</summary>
    public async Task<IReadOnlyList<WorkerOption>> SearchOptionsAsync(string? text, CancellationToken ct = default)
    {
        var page = await ListAsync(new WorkerQuery { Search = text, PageSize = 20 }, ct);
        return page.IsOk ? page.Value!.Items.Select(i => new WorkerOption(i.Id, i.FullName, i.UnitName)).ToList() : [];
    }

    public async Task<Result<IReadOnlyList<AuditEntryView>>> HistoryAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        var path = await db.Workers.Where(w => w.Id == id).Select(w => (LTree?)w.Unit!.Path).FirstOrDefaultAsync(ct);
        if (path is null) return Result<IReadOnlyList<AuditEntryView>>.From(Result.NotFound());
        if (!jurisdiction.Contains(path.Value)) return Result<IReadOnlyList<AuditEntryView>>.From(Jurisdiction.Hidden());
        // Everything recorded about this person, deleted deployments included.
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.WorkerId == id && !AuditTrail.Restricted.Contains(a.Entity))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(500)
            .ToListAsync(ct);
        // Ids in the trail are shown as names: units of the jurisdiction and workers the caller may see.
        var ids = entries.SelectMany(e => e.Changes.Where(c => c.Key is nameof(FrontlineWorker.UnitId) or nameof(FrontlineWorker.SpouseId)))
            .SelectMany(c => new[] { c.Value.Old, c.Value.New })
            .Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var names = await jurisdiction.Units(db).Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name })
            .Concat(db.Workers.Where(w => ids.Contains(w.Id) && jurisdiction.Units(db).Any(u => u.Id == w.UnitId)).Select(w => new { w.Id, Name = w.FullName }))
            .ToDictionaryAsync(x => x.Id.ToString(), x => x.Name, ct);
        // A unit or person outside the jurisdiction (a spouse in another unit, a unit the person moved from) is not
        // even shown by id.
        foreach (var key in ids.Select(i => i.ToString()).Where(i => !names.ContainsKey(i)).ToList()) names[key] = Messages.OutsideJurisdiction;
        return Result<IReadOnlyList<AuditEntryView>>.Ok(entries.Select(e => AuditEntryView.From(e, user, names)).ToList());
    }

    private WorkerListItem Mask(WorkerListItem row) => row with
    {
        NationalId = user.SeesPersonalData() ? row.NationalId : Masking.NationalId(row.NationalId),
        Mobile = user.SeesFullMobile() ? row.Mobile : Masking.Mobile(row.Mobile),
    };

    /// <summary>A cursor without the key of this sort (taken from another sort order, or forged) is no position:
    /// start from the first page instead of failing or showing nothing.</summary>
    private static Cursor? FitsSort(Cursor? cursor, WorkerSort sort) =>
        cursor is not null && (sort == WorkerSort.UpdatedAt ? cursor.Time is not null : cursor.Text is not null) ? cursor : null;

    /// <summary>The list row: the grid columns only, with "deployed now" as a per-row EXISTS.</summary>
    private IQueryable<WorkerListItem> Project(AppDbContext db, IQueryable<FrontlineWorker> workers)
    {
        var active = db.Deployments.Where(A1Deployments.ActiveOn(clock.Today()));
        return workers.Select(w => new WorkerListItem(
            w.Id, w.FullName, w.Gender, w.NationalId, w.Mobile, w.UnitId, w.Unit!.Name, w.Category, w.PoliticalStatus,
            w.Position, active.Any(d => d.WorkerId == w.Id), w.UpdatedAt));
    }

    private static Cursor CursorOf(WorkerListItem row, WorkerSort sort) => sort switch
    {
        WorkerSort.UpdatedAt => new Cursor(null, row.UpdatedAt, row.Id),
        _ => new Cursor(row.FullName, null, row.Id),
    };

    /// <summary>The unit ids the query may see, or null when that is every unit (no filter needed).</summary>
    /// <summary>
    /// The caller's jurisdiction for list reads, remembered for a minute by this (scoped) service: a Blazor circuit
    /// pages through a list without asking for its home unit's path on every page. A stale path can only show
    /// fewer rows (after the home unit itself moved), never more; writes always resolve it afresh.
    /// </summary>
    private async Task<(Jurisdiction Jurisdiction, bool WholeTree)> ListJurisdictionAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_listJurisdiction is { } cached && cached.Home == user.HomeUnitId && now - cached.At < ListJurisdictionTtl)
            return (cached.Jurisdiction, cached.WholeTree);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        // The whole tree (a top unit, and the only one) needs no unit filter at all.
        var wholeTree = jurisdiction.RootPath is { } root && !((string)root).Contains('.', StringComparison.Ordinal)
                        && !await db.Units.AnyAsync(u => u.ParentId == null && u.Path != root, ct);
        _listJurisdiction = (user.HomeUnitId, jurisdiction, wholeTree, now);
        return (jurisdiction, wholeTree);
    }

    private static readonly TimeSpan ListJurisdictionTtl = TimeSpan.FromMinutes(1);
    private (Guid? Home, Jurisdiction Jurisdiction, bool WholeTree, DateTimeOffset At)? _listJurisdiction;

    private async Task<Result<Scope>> ScopeAsync(AppDbContext db, Guid? unitId, CancellationToken ct)
    {
        var (jurisdiction, wholeTree) = await ListJurisdictionAsync(db, ct);
        if (jurisdiction.RootPath is not { } path) return Result<Scope>.Ok(new Scope([]));
        if (unitId is { } uid)
        {
            var unitPath = await db.Units.Where(u => u.Id == uid).Select(u => (LTree?)u.Path).FirstOrDefaultAsync(ct);
            if (unitPath is null) return Result<Scope>.From(Result.NotFound());
            if (!jurisdiction.Contains(unitPath.Value)) return Jurisdiction.Hidden<Scope>();
            if (unitPath.Value != path) wholeTree = false;
            path = unitPath.Value;
        }
        if (wholeTree) return Result<Scope>.Ok(new Scope(null));
        // The units of the scope are read fresh every time, so a unit added a moment ago is listed at once.
        var ids = await db.Units.Where(u => u.Path.IsDescendantOf(path)).Select(u => u.Id).ToListAsync(ct);
        return Result<Scope>.Ok(new Scope(ids));
    }

    private sealed record Scope(List<Guid>? UnitIds);

    private IQueryable<FrontlineWorker> Filter(AppDbContext db, Scope scope, WorkerQuery query)
    {
        var q = db.Workers.AsQueryable();
        if (scope.UnitIds is { } ids) q = q.Where(w => ids.Contains(w.UnitId));
        if (query.Category is { } category) q = q.Where(w => w.Category == category);
        if (query.PoliticalStatus is { } status) q = q.Where(w => w.PoliticalStatus == status);
        if (query.DeployedNow is { } deployed)
        {
            var active = db.Deployments.Where(A1Deployments.ActiveOn(clock.Today()));
            q = q.Where(w => active.Any(d => d.WorkerId == w.Id) == deployed);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            if (LooksLikeNationalId(term))
            {
                var id = NationalIdNumber.Normalize(term);
                // Only OrgDepartment, who sees full numbers, may search by a prefix; others need the whole number.
                q = id.Length == 18 || !user.SeesPersonalData()
                    ? q.Where(w => w.NationalId == id)
                    : q.Where(w => w.NationalId.StartsWith(id));
            }
            else if (term.Length < ShortNameSearch)
            {
                // One or two characters are a surname or the start of a name: a prefix search. pg_trgm cannot index
                // fewer than three characters, so the prefix becomes a range of the pinyin-ordered name index:
                // in ICU collation every name starting with the term sorts between the term and the term followed
                // by U+FFFF (the highest primary weight). The index then serves the filter and the order at once.
                var upper = term + '\uffff';
                q = q.Where(w => string.Compare(w.FullName, term) >= 0 && string.Compare(w.FullName, upper) < 0 && w.FullName.StartsWith(term));
            }
            else
            {
                var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                q = q.Where(w => EF.Functions.ILike(w.FullName, pattern));
            }
        }
        return q;
    }

    private static bool LooksLikeNationalId(string term) =>
        term.Length >= 4 && term.Length <= 18 && term.All(c => char.IsAsciiDigit(c) || c is 'x' or 'X');

    private static IQueryable<FrontlineWorker> KeysetFilter(IQueryable<FrontlineWorker> q, WorkerSort sort, bool descending, Cursor? cursor)
    {
        if (cursor is null) return q;
        return (sort, descending) switch
        {
            (WorkerSort.UpdatedAt, false) => q.Where(w => EF.Functions.GreaterThan(ValueTuple.Create(w.UpdatedAt, w.Id), ValueTuple.Create(cursor.Time!.Value, cursor.Id))),
            (WorkerSort.UpdatedAt, true) => q.Where(w => EF.Functions.LessThan(ValueTuple.Create(w.UpdatedAt, w.Id), ValueTuple.Create(cursor.Time!.Value, cursor.Id))),
            (_, false) => q.Where(w => EF.Functions.GreaterThan(ValueTuple.Create(w.FullName, w.Id), ValueTuple.Create(cursor.Text!, cursor.Id))),
            (_, true) => q.Where(w => EF.Functions.LessThan(ValueTuple.Create(w.FullName, w.Id), ValueTuple.Create(cursor.Text!, cursor.Id))),
        };
    }

    private static IQueryable<FrontlineWorker> Order(IQueryable<FrontlineWorker> q, WorkerSort sort, bool descending) =>
        (sort, descending) switch
        {
            (WorkerSort.UpdatedAt, false) => q.OrderBy(w => w.UpdatedAt).ThenBy(w => w.Id),
            (WorkerSort.UpdatedAt, true) => q.OrderByDescending(w => w.UpdatedAt).ThenByDescending(w => w.Id),
            (_, false) => q.OrderBy(w => w.FullName).ThenBy(w => w.Id),
            (_, true) => q.OrderByDescending(w => w.FullName).ThenByDescending(w => w.Id),
        };
}
