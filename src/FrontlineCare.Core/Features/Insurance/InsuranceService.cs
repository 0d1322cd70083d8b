using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Insurance;

public sealed class InsurancePolicyForm
{
    public Guid? Id { get; set; }
    public Guid? UnitId { get; set; }
    public InsuranceKind Kind { get; set; }
    public string? Insurer { get; set; }
    public string? PolicyNumber { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public decimal? SumInsured { get; set; }
    public string? Note { get; set; }
    public uint Version { get; set; }
}

public sealed record InsurancePolicyRow(
    Guid Id, Guid UnitId, string UnitName, InsuranceKind Kind, string Insurer, string PolicyNumber, DateOnly StartsOn, DateOnly EndsOn,
    decimal SumInsured, string? Note, int People, bool InForceToday, uint Version);

public sealed record CoveredPerson(Guid CoverageId, Guid WorkerId, string FullName, string UnitName);

/// <summary>Why someone should be insured (D3).</summary>
public enum InsuranceNeed
{
    /// <summary>At a post of risk class I, or with an aid team, today.</summary>
    HighRiskPost,
    /// <summary>A volunteer on duty today (志愿服务条例 第十七条: the organiser must insure volunteers at risk).</summary>
    Volunteer,
}

public sealed record UncoveredPerson(Guid WorkerId, string FullName, string UnitName, string Place, InsuranceNeed Need);

public sealed class PayIncreaseForm
{
    public Guid? UnitId { get; set; }
    public int? Year { get; set; }
    public decimal? Amount { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ApprovalNumber { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? Note { get; set; }
}

public sealed record PayIncreaseRow(Guid Id, string UnitName, int Year, decimal Amount, string ApprovedBy, string ApprovalNumber, DateOnly ApprovedOn, string? Note);

/// <summary>
/// D3 insurance: policies with the people they cover, and who is missing cover today — people at high-risk posts and
/// volunteers on duty without a policy in force. D4: the institutions' one-time performance-pay increases with their
/// approvals. Both are kept by the organisation department; committees see and manage the insurance of their units.
/// </summary>
public sealed class InsuranceService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, TimeProvider clock)
{
    public const decimal MaxMoney = 100_000_000m;

    /// <summary>The missing-cover list shows at most this many people (covering them shows the next ones).</summary>
    public const int MaxUncovered = 5000;

    public async Task<Result<IReadOnlyList<InsurancePolicyRow>>> PoliciesAsync(CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<InsurancePolicyRow>>.From(Result.Forbidden(Messages.InsuranceRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = (await Jurisdiction.ForAsync(db, user, ct)).Units(db).Select(u => u.Id);
        var today = clock.Today();
        var rows = await db.InsurancePolicies.AsNoTracking().Where(p => units.Contains(p.UnitId)).OrderByDescending(p => p.EndsOn)
            .Select(p => new InsurancePolicyRow(p.Id, p.UnitId, p.Unit!.Name, p.Kind, p.Insurer, p.PolicyNumber, p.StartsOn, p.EndsOn, p.SumInsured, p.Note,
                db.InsuranceCoverages.Count(c => c.PolicyId == p.Id), p.StartsOn <= today && p.EndsOn >= today, p.Version))
            .ToListAsync(ct);
        return Result<IReadOnlyList<InsurancePolicyRow>>.Ok(rows);
    }

    public async Task<Result<Guid>> SavePolicyAsync(InsurancePolicyForm form, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<Guid>.From(Result.Forbidden(Messages.InsuranceRolesOnly));
        var errors = new List<FieldError>();
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (insurer, number, note) = (Text(form.Insurer), Text(form.PolicyNumber), Text(form.Note));
        if (form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.Required));
        if (!Enum.IsDefined(form.Kind)) errors.Add(new FieldError(nameof(form.Kind), Messages.Required));
        if (insurer is null) errors.Add(new FieldError(nameof(form.Insurer), Messages.Required));
        else if (insurer.Length > InsurancePolicy.TextMaxLength) errors.Add(new FieldError(nameof(form.Insurer), string.Format(Messages.TooLong, InsurancePolicy.TextMaxLength)));
        if (number is null) errors.Add(new FieldError(nameof(form.PolicyNumber), Messages.Required));
        else if (number.Length > 50) errors.Add(new FieldError(nameof(form.PolicyNumber), string.Format(Messages.TooLong, 50)));
        if (form.StartsOn is null) errors.Add(new FieldError(nameof(form.StartsOn), Messages.Required));
        if (form.EndsOn is null) errors.Add(new FieldError(nameof(form.EndsOn), Messages.Required));
        else if (form.StartsOn is { } s && form.EndsOn < s) errors.Add(new FieldError(nameof(form.EndsOn), Messages.InsuranceEndBeforeStart));
        if (!Money(form.SumInsured)) errors.Add(new FieldError(nameof(form.SumInsured), Messages.FundAmountInvalid));
        if (note?.Length > 200) errors.Add(new FieldError(nameof(form.Note), string.Format(Messages.TooLong, 200)));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!await jurisdiction.ContainsUnitAsync(db, form.UnitId!.Value, ct)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.UnitOutsideJurisdiction));
        InsurancePolicy policy;
        if (form.Id is { } id)
        {
            var existing = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (existing is null) return Result<Guid>.From(Result.NotFound());
            if (!await jurisdiction.ContainsUnitAsync(db, existing.UnitId, ct)) return Result<Guid>.From(Jurisdiction.Hidden());
            db.Entry(existing).Property(p => p.Version).OriginalValue = form.Version;
            if (existing.UnitId != form.UnitId)
            {
                var holder = await db.Units.AsNoTracking().Where(u => u.Id == form.UnitId).Select(u => u.Path).FirstAsync(ct);
                if (await db.InsuranceCoverages.AnyAsync(c => c.PolicyId == id && !c.Worker!.Unit!.Path.IsDescendantOf(holder), ct))
                    return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.InsurancePersonOutside));
            }
            policy = existing;
        }
        else
        {
            policy = new InsurancePolicy { Id = Guid.CreateVersion7(), Insurer = "", PolicyNumber = "", CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName };
            db.InsurancePolicies.Add(policy);
        }
        (policy.UnitId, policy.Kind, policy.Insurer, policy.PolicyNumber) = (form.UnitId.Value, form.Kind, insurer!, number!);
        (policy.StartsOn, policy.EndsOn, policy.SumInsured, policy.Note) = (form.StartsOn!.Value, form.EndsOn!.Value, form.SumInsured!.Value, note);
        var saved = await db.SaveOrConflictAsync(ct, Messages.InsuranceNumberTaken);
        if (saved.Status == ResultStatus.Conflict && saved.Message == Messages.InsuranceNumberTaken)
            return Result<Guid>.From(Result.Invalid(nameof(form.PolicyNumber), Messages.InsuranceNumberTaken));
        return saved.IsOk ? Result<Guid>.Ok(policy.Id) : Result<Guid>.From(saved);
    }

    public async Task<Result<IReadOnlyList<CoveredPerson>>> CoveredAsync(Guid policyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (policy, denied) = await PolicyAsync(db, policyId, ct);
        if (policy is null) return Result<IReadOnlyList<CoveredPerson>>.From(denied!);
        // Someone covered who has since moved out of the caller's jurisdiction is not named to them.
        var scope = (await Jurisdiction.ForAsync(db, user, ct)).Units(db).Select(u => u.Id);
        var people = await db.InsuranceCoverages.AsNoTracking().Where(c => c.PolicyId == policyId && scope.Contains(c.Worker!.UnitId)).OrderBy(c => c.Worker!.FullName)
            .Select(c => new CoveredPerson(c.Id, c.WorkerId, c.Worker!.FullName, c.Worker.Unit!.Name)).ToListAsync(ct);
        return Result<IReadOnlyList<CoveredPerson>>.Ok(people);
    }

    /// <summary>Adds people to a policy: each of the caller's jurisdiction and under the policyholder; people already covered are skipped.</summary>
    public async Task<Result<int>> CoverAsync(Guid policyId, IReadOnlyCollection<Guid> workerIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (policy, denied) = await PolicyAsync(db, policyId, ct);
        if (policy is null) return Result<int>.From(denied!);
        if (workerIds.Count == 0) return Result<int>.From(Result.Invalid("WorkerIds", Messages.Required));
        var holderPath = policy.Unit!.Path;
        var ids = workerIds.Distinct().ToList();
        var eligible = await db.Workers.AsNoTracking().Where(w => ids.Contains(w.Id) && w.Unit!.Path.IsDescendantOf(holderPath)).Select(w => w.Id).ToListAsync(ct);
        if (eligible.Count != ids.Count) return Result<int>.From(Result.Invalid("WorkerIds", Messages.InsurancePersonOutside));
        var already = await db.InsuranceCoverages.Where(c => c.PolicyId == policyId && ids.Contains(c.WorkerId)).Select(c => c.WorkerId).ToListAsync(ct);
        var added = ids.Except(already).ToList();
        db.InsuranceCoverages.AddRange(added.Select(w => new InsuranceCoverage { Id = Guid.CreateVersion7(), PolicyId = policyId, WorkerId = w, AddedAt = clock.GetUtcNow(), AddedBy = user.UserName }));
        var saved = await db.SaveOrConflictAsync(ct, Messages.ConcurrencyConflict);
        return saved.IsOk ? Result<int>.Ok(added.Count) : Result<int>.From(saved);
    }

    public async Task<Result> UncoverAsync(Guid coverageId, CancellationToken ct = default)
    {
        // The role first: a role that may not touch cover learns nothing of which cover ids exist.
        if (!user.CanEditPersonnel()) return Result.Forbidden(Messages.InsuranceRolesOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var coverage = await db.InsuranceCoverages.FirstOrDefaultAsync(c => c.Id == coverageId, ct);
        if (coverage is null) return Result.NotFound();
        var (policy, denied) = await PolicyAsync(db, coverage.PolicyId, ct);
        if (policy is null) return denied!;
        db.InsuranceCoverages.Remove(coverage);
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>People of the jurisdiction (or the unit and below) at a high-risk post or volunteering on the day with no policy in force covering them.</summary>
    public async Task<Result<IReadOnlyList<UncoveredPerson>>> UncoveredAsync(DateOnly day, Guid? unitId = null, CancellationToken ct = default)
    {
        if (!user.CanEditPersonnel()) return Result<IReadOnlyList<UncoveredPerson>>.From(Result.Forbidden(Messages.InsuranceRolesOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await (await Jurisdiction.ForAsync(db, user, ct)).UnitsUnderAsync(db, unitId, ct);
        if (units is null) return Result<IReadOnlyList<UncoveredPerson>>.From(Jurisdiction.Hidden());
        var unitIds = units.Select(x => x.Id);
        var covered = db.InsuranceCoverages.Where(c => db.InsurancePolicies.Any(p => p.Id == c.PolicyId && p.StartsOn <= day && p.EndsOn >= day)).Select(c => c.WorkerId);
        var rows = await db.Deployments.AsNoTracking()
            .Where(d => unitIds.Contains(d.Worker!.UnitId) && d.StartDate <= day && (d.EndDate == null || d.EndDate >= day)
                        && (d.RiskClass == RiskClass.I || d.PostKind == PostKind.MedicalAidTeam || d.Worker.Category == WorkerCategory.Volunteer)
                        && !covered.Contains(d.WorkerId))
            .OrderBy(d => d.Worker!.Unit!.Name).ThenBy(d => d.Worker!.FullName)
            .Select(d => new { d.WorkerId, d.Worker!.FullName, UnitName = d.Worker.Unit!.Name, d.Place, HighRisk = d.RiskClass == RiskClass.I || d.PostKind == PostKind.MedicalAidTeam })
            .ToListAsync(ct);
        return Result<IReadOnlyList<UncoveredPerson>>.Ok(rows
            .GroupBy(r => r.WorkerId)
            .Select(g => g.OrderByDescending(r => r.HighRisk).First())
            .Select(r => new UncoveredPerson(r.WorkerId, r.FullName, r.UnitName, r.Place, r.HighRisk ? InsuranceNeed.HighRiskPost : InsuranceNeed.Volunteer))
            .Take(MaxUncovered)
            .ToList());
    }

    public async Task<Result<IReadOnlyList<PayIncreaseRow>>> PayIncreasesAsync(CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result<IReadOnlyList<PayIncreaseRow>>.From(Result.Forbidden(Messages.PayIncreaseOrgDepartmentOnly));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = (await Jurisdiction.ForAsync(db, user, ct)).Units(db).Select(u => u.Id);
        var rows = await db.PerformancePayIncreases.AsNoTracking().Where(p => units.Contains(p.UnitId)).OrderByDescending(p => p.Year).ThenBy(p => p.Unit!.Name)
            .Select(p => new PayIncreaseRow(p.Id, p.Unit!.Name, p.Year, p.Amount, p.ApprovedBy, p.ApprovalNumber, p.ApprovedOn, p.Note)).ToListAsync(ct);
        return Result<IReadOnlyList<PayIncreaseRow>>.Ok(rows);
    }

    public async Task<Result<Guid>> RecordPayIncreaseAsync(PayIncreaseForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.OrgDepartment)) return Result<Guid>.From(Result.Forbidden(Messages.PayIncreaseOrgDepartmentOnly));
        var errors = new List<FieldError>();
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (by, number, note) = (Text(form.ApprovedBy), Text(form.ApprovalNumber), Text(form.Note));
        var today = clock.Today();
        if (form.UnitId is null) errors.Add(new FieldError(nameof(form.UnitId), Messages.Required));
        if (form.Year is not { } year || year < 2020 || year > today.Year + 1) errors.Add(new FieldError(nameof(form.Year), Messages.PayIncreaseYear));
        if (!Money(form.Amount)) errors.Add(new FieldError(nameof(form.Amount), Messages.FundAmountInvalid));
        if (by is null) errors.Add(new FieldError(nameof(form.ApprovedBy), Messages.Required));
        else if (by.Length > PerformancePayIncrease.TextMaxLength) errors.Add(new FieldError(nameof(form.ApprovedBy), string.Format(Messages.TooLong, PerformancePayIncrease.TextMaxLength)));
        if (number is null) errors.Add(new FieldError(nameof(form.ApprovalNumber), Messages.PayIncreaseApprovalRequired));
        else if (number.Length > PerformancePayIncrease.TextMaxLength) errors.Add(new FieldError(nameof(form.ApprovalNumber), string.Format(Messages.TooLong, PerformancePayIncrease.TextMaxLength)));
        if (form.ApprovedOn is null) errors.Add(new FieldError(nameof(form.ApprovedOn), Messages.Required));
        else if (form.ApprovedOn > today) errors.Add(new FieldError(nameof(form.ApprovedOn), Messages.CasualtyDateFuture));
        if (note?.Length > 200) errors.Add(new FieldError(nameof(form.Note), string.Format(Messages.TooLong, 200)));
        errors.AddRange(ValidationExtensions.UnsafeText(form));
        if (errors.Count > 0) return Result<Guid>.From(Result.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        if (!await jurisdiction.ContainsUnitAsync(db, form.UnitId!.Value, ct)) return Result<Guid>.From(Result.Invalid(nameof(form.UnitId), Messages.UnitOutsideJurisdiction));
        var increase = new PerformancePayIncrease
        {
            Id = Guid.CreateVersion7(), UnitId = form.UnitId.Value, Year = form.Year!.Value, Amount = form.Amount!.Value, ApprovedBy = by!, ApprovalNumber = number!,
            ApprovedOn = form.ApprovedOn!.Value, Note = note, CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName,
        };
        db.PerformancePayIncreases.Add(increase);
        var saved = await db.SaveOrConflictAsync(ct, Messages.PayIncreaseDuplicate);
        if (saved.Status == ResultStatus.Conflict) return Result<Guid>.From(Result.Invalid(nameof(form.ApprovalNumber), Messages.PayIncreaseDuplicate));
        return saved.IsOk ? Result<Guid>.Ok(increase.Id) : Result<Guid>.From(saved);
    }

    private static bool Money(decimal? amount) => amount is { } a && a > 0 && a <= MaxMoney && decimal.Round(a, 2) == a;

    private async Task<(InsurancePolicy? Policy, Result? Denied)> PolicyAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        if (!user.CanEditPersonnel()) return (null, Result.Forbidden(Messages.InsuranceRolesOnly));
        var policy = await db.InsurancePolicies.AsNoTracking().Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return (null, Result.NotFound());
        var jurisdiction = await Jurisdiction.ForAsync(db, user, ct);
        return jurisdiction.Contains(policy.Unit!.Path) ? (policy, null) : (null, Jurisdiction.Hidden());
    }
}
