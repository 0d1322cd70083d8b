using System.Reflection;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Core.Features.Audit;

/// <summary>An audit entry as one user may see it: personal fields masked like in lists.</summary>
public sealed record AuditEntryView(
    DateTimeOffset At, string? UserName, string Entity, string EntityKey, AuditAction Action,
    IReadOnlyList<AuditFieldChange> Changes)
{
    /// <summary>The [Sensitive] fields of each audited record type, by (entity, field) as the trail names them.</summary>
    private static readonly Dictionary<(string Entity, string Field), SensitiveKind> SensitiveFields =
        new[] { typeof(FrontlineWorker), typeof(Health.DailyHealthReport), typeof(Casualties.CasualtyCase), typeof(Casualties.CasualtyFollowUp),
               typeof(Difficulties.FamilyDifficulty), typeof(Difficulties.FamilyDifficultyAction), typeof(Funds.FundEntry), typeof(Visits.CareVisit),
               typeof(Incidents.FrontlineIncident), typeof(Couples.SpouseLinkRequest) }
            .SelectMany(t => t.GetProperties().Select(p => (Entity: AuditTrail.EntityName(t)!, p.Name, Attr: p.GetCustomAttribute<SensitiveAttribute>())))
            .Where(x => x.Attr is not null)
            .ToDictionary(x => (x.Entity, x.Name), x => x.Attr!.Kind);

    /// <param name="names">Display names for ids that appear as values (units, spouses); others stay as stored.</param>
    public static AuditEntryView From(AuditEntry entry, ICurrentUser viewer, IReadOnlyDictionary<string, string>? names = null)
    {
        string? Name(string? value) => value is not null && names is not null && names.TryGetValue(value, out var n) ? n : value;
        var changes = entry.Changes
            .Select(c => SensitiveFields.TryGetValue((entry.Entity, c.Key), out var kind) && !Sees(viewer, kind)
                ? new AuditFieldChange(c.Key, Mask(kind, c.Value.Old), Mask(kind, c.Value.New))
                : new AuditFieldChange(c.Key, Name(c.Value.Old), Name(c.Value.New)))
            .OrderBy(c => c.Field, StringComparer.Ordinal)
            .ToList();
        return new AuditEntryView(entry.At, entry.UserName, entry.Entity, entry.EntityKey, entry.Action, changes);
    }

    private static bool Sees(ICurrentUser viewer, SensitiveKind kind) => kind switch
    {
        SensitiveKind.Mobile => viewer.SeesFullMobile(),
        SensitiveKind.Health or SensitiveKind.Money => viewer.CanEditPersonnel(),
        _ => viewer.SeesPersonalData(),
    };

    private static string? Mask(SensitiveKind kind, string? value) => value is null ? null : SensitiveAttribute.Mask(kind, value);
}

public sealed record AuditFieldChange(string Field, string? Old, string? New);
