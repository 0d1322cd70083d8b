using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Funds;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace FrontlineCare.Core.Features.Checklist;

/// <summary>A figure the portal's own data shows for a measure, by a key the UI words ("IndicatorDeployedNow").</summary>
public sealed record Indicator(string Key, decimal Value);

/// <summary>One measure of the unit's profile: what the data shows, and the committee's statement.</summary>
public sealed record ChecklistItemView(
    H3ChecklistItem Item, IReadOnlyList<Indicator> Indicators, MeasureStatement? Statement, IReadOnlyList<Nominations.AttachmentView> Attachments);

public sealed record ChecklistView(Guid UnitId, string UnitName, PolicyProfileCode Profile, IReadOnlyList<ChecklistItemView> Items, bool MayEdit);

/// <summary>A row of the organisation department's matrix: a unit and, per item of its profile, the statement (or none).</summary>
public sealed record ChecklistMatrixRow(Guid UnitId, string UnitName, PolicyProfileCode Profile, IReadOnlyList<ChecklistItemView> Items);

/// <summary>
/// H3 (with H1): each unit's checklist of its profile's measures — the figures the portal already holds for the unit and
/// everything under it, and the committee's own statement per measure — and the organisation department's matrix of
/// the units it oversees, exported as the implementation report the documents ask for.
/// </summary>
public sealed class ChecklistService(IDbContextFactory<AppDbContext> dbFactory, UnitService units, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<ChecklistView>> GetAsync(Guid? unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == (unitId ?? user.HomeUnitId), ct);
        if (unit is null) return Result<ChecklistView>.From(Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(unit.Path)) return Result<ChecklistView>.From(Jurisdiction.Hidden());
        var row = await RowAsync(db, unit, withFigures: true, ct);
        return Result<ChecklistView>.Ok(new ChecklistView(unit.Id, unit.Name, row.Profile, row.Items, user.CanEditPersonnel()));
    }

    /// <summary>
    /// The matrix: the caller's home unit and the units directly under it, with their statements — and, with
    /// <paramref name="withFigures"/> (the export), each one's whole subtree's figures, about 25 counts per unit.
    /// </summary>
    public async Task<Result<IReadOnlyList<ChecklistMatrixRow>>> MatrixAsync(bool withFigures = false, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result<IReadOnlyList<ChecklistMatrixRow>>.From(Result.Forbidden(Messages.ChecklistMatrixOrgDepartmentOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var home = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.HomeUnitId, ct);
        if (home is null) return Result<IReadOnlyList<ChecklistMatrixRow>>.Ok([]);
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == home.Id).OrderBy(u => u.Name).Take(200).ToListAsync(ct);
        var rows = new List<ChecklistMatrixRow>();
        foreach (var unit in children.Prepend(home)) rows.Add(await RowAsync(db, unit, withFigures, ct));
        return Result<IReadOnlyList<ChecklistMatrixRow>>.Ok(rows);
    }

    /// <summary>Records the unit's statement on one item of its profile (unit committee or organisation department of the jurisdiction).</summary>
    public async Task<Result> SaveStatementAsync(Guid unitId, int itemNumber, string? statement, uint? version, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        var errors = new List<FieldError>();
        var text = Texts.Clean(statement, "Statement", MeasureStatement.TextMaxLength, required: true, errors);
        errors.AddRange(ValidationExtensions.UnsafeText(new { Statement = statement }));
        if (errors.Count > 0) return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(unit.Path)) return Jurisdiction.Hidden();
        var profile = await units.EffectiveProfileAsync(db, unit, ct);
        if (H3Checklist.Items(profile).All(i => i.Number != itemNumber)) return Result.NotFound();
        var existing = await db.MeasureStatements.FirstOrDefaultAsync(s => s.UnitId == unitId && s.Profile == profile && s.ItemNumber == itemNumber, ct);
        if (existing is null)
        {
            if (version is not null) return Result.Conflict(Messages.ConcurrencyConflict);
            db.MeasureStatements.Add(new MeasureStatement { Id = Guid.CreateVersion7(), UnitId = unitId, Profile = profile, ItemNumber = itemNumber, Statement = text! });
        }
        else
        {
            db.Entry(existing).Property(s => s.Version).OriginalValue = version ?? 0;
            existing.Statement = text!;
            existing.UpdatedBy = user.UserName;
        }
        var stamp = db.ChangeTracker.Entries<MeasureStatement>().Single().Entity;
        (stamp.UpdatedAt, stamp.UpdatedBy) = (clock.GetUtcNow(), user.UserName);
        return await db.SaveOrConflictAsync(ct, Messages.ConcurrencyConflict);
    }

    /// <summary>Attaches evidence files to the unit's statement on an item (the statement is written first).</summary>
    public async Task<Result> AttachAsync(Guid unitId, int itemNumber, IReadOnlyList<Files.UploadedFile> uploads, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.ReadOnlyRole);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Result.NotFound();
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(unit.Path)) return Jurisdiction.Hidden();
        var profile = await units.EffectiveProfileAsync(db, unit, ct);
        var statement = await db.MeasureStatements.Include(s => s.Attachments)
            .FirstOrDefaultAsync(s => s.UnitId == unitId && s.Profile == profile && s.ItemNumber == itemNumber, ct);
        if (statement is null) return Result.Invalid("Files", Messages.ChecklistStatementFirst);
        var errors = new List<FieldError>();
        var stored = Files.EvidenceFiles.AcceptAll(uploads, clock.GetUtcNow(), user.UserName, errors);
        Files.EvidenceFiles.CheckRoom(statement.Attachments.Count, stored.Count, errors);
        if (errors.Count > 0) return Result.Invalid(errors);
        foreach (var file in stored)
        {
            db.StoredFiles.Add(file);
            statement.Attachments.Add(new MeasureStatementAttachment { StatementId = statement.Id, FileId = file.Id });
        }
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>An attached file, for a caller whose jurisdiction holds the statement's unit.</summary>
    public async Task<Result<Files.StoredFile>> AttachmentAsync(Guid statementId, Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitPath = await db.MeasureStatements.AsNoTracking()
            .Where(s => s.Id == statementId && s.Attachments.Any(a => a.FileId == fileId))
            .Select(s => (LTree?)s.Unit!.Path).FirstOrDefaultAsync(ct);
        if (unitPath is null) return Result<Files.StoredFile>.From(Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!jurisdiction.Contains(unitPath.Value)) return Result<Files.StoredFile>.From(Jurisdiction.Hidden());
        return Result<Files.StoredFile>.Ok(await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == fileId, ct));
    }

    private async Task<ChecklistMatrixRow> RowAsync(AppDbContext db, Unit unit, bool withFigures, CancellationToken ct)
    {
        var profile = await units.EffectiveProfileAsync(db, unit, ct);
        var figures = withFigures ? await IndicatorsAsync(db, unit.Path, ct) : [];
        var statements = await db.MeasureStatements.AsNoTracking().Where(s => s.UnitId == unit.Id && s.Profile == profile).ToDictionaryAsync(s => s.ItemNumber, ct);
        var ids = statements.Values.Select(s => s.Id).ToList();
        var files = (await db.MeasureStatementAttachments.AsNoTracking().Where(a => ids.Contains(a.StatementId))
                .Select(a => new { a.StatementId, View = new Nominations.AttachmentView(a.FileId, a.File!.FileName, a.File.ContentType, a.File.Size) })
                .ToListAsync(ct))
            .ToLookup(a => a.StatementId, a => a.View);
        var items = H3Checklist.Items(profile)
            .Select(item => new ChecklistItemView(item, item.Codes.SelectMany(c => figures.GetValueOrDefault(c, [])).DistinctBy(i => i.Key).ToList(),
                statements.GetValueOrDefault(item.Number),
                statements.TryGetValue(item.Number, out var s) ? files[s.Id].ToList() : []))
            .ToList();
        return new ChecklistMatrixRow(unit.Id, unit.Name, profile, items);
    }

    /// <summary>
    /// The figures the portal holds for the unit and everything under it, by measure code — each only for a caller whose
    /// role may read its feature (money to people for the organisation department; injury cases, family difficulties,
    /// funds and incidents for the personnel roles): for a small unit a count alone could point to a person. Restricted
    /// cases (G1, G2) are never counted.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<Indicator>>> IndicatorsAsync(AppDbContext db, LTree path, CancellationToken ct)
    {
        var today = clock.Today();
        var subtree = db.Units.Where(u => u.Path.IsDescendantOf(path)).Select(u => u.Id);
        var workers = db.Workers.Where(w => subtree.Contains(w.UnitId)).Select(w => w.Id);
        var deployments = db.Deployments.Where(d => workers.Contains(d.WorkerId));
        var deployedNow = await deployments.Where(A1Deployments.ActiveOn(today)).Select(d => d.WorkerId).Distinct().CountAsync(ct);
        var deployedEver = await deployments.Select(d => d.WorkerId).Distinct().CountAsync(ct);
        var volunteerHours = await db.VolunteerServiceRecords.Where(v => workers.Contains(v.WorkerId)).SumAsync(v => (decimal?)v.Hours, ct) ?? 0;
        var forcedRest = db.ForcedRestCases.Where(c => workers.Contains(c.WorkerId));
        var forcedOpened = await forcedRest.CountAsync(ct);
        var forcedClosed = await forcedRest.CountAsync(c => c.Status == ForcedRestStatus.Rested || c.Status == ForcedRestStatus.Waived, ct);
        var reportsAccepted = await db.RestWelfareReports.CountAsync(r => subtree.Contains(r.UnitId) && r.Status == ReportStatus.Accepted, ct);
        var healthReports = await db.DailyHealthReports.CountAsync(r => workers.Contains(r.WorkerId) && r.Day > today.AddDays(-7), ct);
        var personnel = user.CanEditPersonnel();
        var money = user.IsInRole(Roles.OrgDepartment);
        // Paid to the subtree's people on any approved sheet (a sheet of a unit above covers them too).
        var subsidyPaid = money
            ? await db.SubsidySheetRows.Where(r => workers.Contains(r.WorkerId) && db.SubsidySheets.Any(s => s.Id == r.SheetId && s.Status == Subsidies.SubsidySheetStatus.Approved))
                .SumAsync(r => (decimal?)r.Total, ct) ?? 0
            : 0;
        var insured = await db.InsuranceCoverages.Where(c => workers.Contains(c.WorkerId)).Select(c => c.WorkerId).Distinct().CountAsync(ct);
        var casualties = personnel ? await db.CasualtyCases.CountAsync(c => workers.Contains(c.WorkerId), ct) : 0;
        var visits = await db.CareVisits.CountAsync(v => subtree.Contains(v.UnitId) && v.Status == Visits.CareVisitStatus.Done, ct);
        var fundSpent = !personnel ? 0 : -(await db.FundEntries.Where(e => e.Kind == FundEntryKind.Spending && db.CareFunds.Any(f => f.Id == e.FundId && subtree.Contains(f.UnitId)))
            .SumAsync(e => (decimal?)e.Amount, ct) ?? 0);
        var difficulties = db.FamilyDifficulties.Where(d => subtree.Contains(d.UnitId));
        var difficultiesOpened = personnel ? await difficulties.CountAsync(ct) : 0;
        var difficultiesResolved = personnel ? await difficulties.CountAsync(d => d.ResolvedOn != null, ct) : 0;
        var fastTrack = await db.FastTrackCases.CountAsync(c => workers.Contains(c.WorkerId), ct);
        var talent = await db.TalentListEntries.CountAsync(t => workers.Contains(t.WorkerId), ct);
        var titles = await db.TitleApplications.CountAsync(t => workers.Contains(t.WorkerId), ct);
        var commended = await db.Nominations.CountAsync(n => subtree.Contains(n.UnitId) && n.Status == NominationStatus.Approved, ct);
        var incidents = db.FrontlineIncidents.Where(i => workers.Contains(i.WorkerId));
        var incidentsRecorded = personnel ? await incidents.CountAsync(ct) : 0;
        var incidentsClosed = personnel ? await incidents.CountAsync(i => i.ClosedOn != null, ct) : 0;
        var findings = db.SupervisionFindings.Where(f => subtree.Contains(f.UnitId));
        var findingsOpen = await findings.CountAsync(f => f.ClosedOn == null, ct);
        var findingsOverdue = await findings.CountAsync(f => f.ClosedOn == null && f.Deadline < today, ct);
        var findingsClosed = await findings.CountAsync(f => f.ClosedOn != null, ct);

        IReadOnlyList<Indicator> Of(params (string Key, decimal Value)[] pairs) => pairs.Select(p => new Indicator(p.Key, p.Value)).ToList();
        var hours = Of(("VolunteerHours", volunteerHours));
        var rest = Of(("ForcedRestOpened", forcedOpened), ("ForcedRestClosed", forcedClosed));
        var subsidy = Of(("SubsidyPaidYuan", subsidyPaid));
        var care = Of(("DifficultiesOpened", difficultiesOpened), ("DifficultiesResolved", difficultiesResolved));
        var talentLists = Of(("TalentEntries", talent));
        var commendations = Of(("Commended", commended));
        var figures = new Dictionary<string, IReadOnlyList<Indicator>>
        {
            ["A1"] = Of(("DeployedNow", deployedNow), ("DeployedEver", deployedEver)),
            ["A2"] = hours, ["F9"] = hours,
            ["B1"] = rest, ["B2"] = rest,
            ["B5"] = Of(("ReportsAccepted", reportsAccepted)),
            ["C3"] = Of(("HealthReports7Days", healthReports)),
            ["D1"] = subsidy, ["D2"] = subsidy,
            ["D3"] = Of(("Insured", insured)),
            ["D5"] = Of(("CasualtyCases", casualties)),
            ["E1"] = Of(("VisitsDone", visits)),
            ["E2"] = Of(("FundSpentYuan", fundSpent)),
            ["E3"] = care, ["E5"] = care,
            ["F1"] = Of(("FastTrackCases", fastTrack)),
            ["F2"] = talentLists, ["F3"] = talentLists, ["F4"] = talentLists,
            ["F5"] = Of(("TitleApplications", titles)),
            ["F6"] = commendations, ["F7"] = commendations,
            ["G3"] = Of(("IncidentsRecorded", incidentsRecorded), ("IncidentsClosed", incidentsClosed)),
            ["H4"] = Of(("FindingsOpen", findingsOpen), ("FindingsOverdue", findingsOverdue), ("FindingsClosed", findingsClosed)),
        };
        if (!money) foreach (var code in new[] { "D1", "D2" }) figures.Remove(code);
        if (!personnel) foreach (var code in new[] { "D5", "E2", "E3", "E5", "G3" }) figures.Remove(code);
        return figures;
    }
}
