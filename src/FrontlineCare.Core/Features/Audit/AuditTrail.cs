using System.Globalization;
using System.Text.Json;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Membership;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Rotation;
using FrontlineCare.Core.Features.Talent;
using FrontlineCare.Core.Features.Titles;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Volunteers;
using FrontlineCare.Core.Features.Workers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace FrontlineCare.Core.Features.Audit;

/// <summary>
/// What goes into the audit trail and how values are written there: one place for the audit interceptor (records
/// saved through EF Core) and for the set-based writers that save many records in one statement (the duty grid),
/// so an entry reads the same whichever way its record was saved.
/// </summary>
public static class AuditTrail
{
    /// <summary>The record types that are audited, by the name shown in the audit view.</summary>
    private static readonly Dictionary<Type, string> AuditedTypes = new()
    {
        [typeof(Unit)] = nameof(Unit),
        [typeof(FrontlineWorker)] = "Worker",
        [typeof(Deployment)] = nameof(Deployment),
        [typeof(AppUser)] = "Account",
        [typeof(IdentityUserRole<Guid>)] = "AccountRole",
        [typeof(ApiToken)] = nameof(ApiToken),
        [typeof(DutyLog)] = nameof(DutyLog),
        [typeof(ForcedRestCase)] = nameof(ForcedRestCase),
        [typeof(PolicyParameterChange)] = "PolicyParameter",
        [typeof(RestWelfareReport)] = "RestWelfareReport",
        [typeof(HolidayCalendarDay)] = "HolidayCalendarDay",
        [typeof(LeaveEntry)] = nameof(LeaveEntry),
        [typeof(LeaveRequest)] = nameof(LeaveRequest),
        [typeof(RotationPlan)] = nameof(RotationPlan),
        [typeof(RotationAssignment)] = nameof(RotationAssignment),
        [typeof(Nomination)] = nameof(Nomination),
        [typeof(NominationStep)] = nameof(NominationStep),
        [typeof(NominationAttachment)] = nameof(NominationAttachment),
        [typeof(StoredFile)] = "File",
        [typeof(VolunteerServiceRecord)] = "VolunteerService",
        [typeof(TalentListEntry)] = "TalentList",
        [typeof(MembershipTrack)] = nameof(MembershipTrack),
        [typeof(FastTrackCase)] = nameof(FastTrackCase),
        [typeof(TitleApplication)] = nameof(TitleApplication),
        [typeof(Health.DailyHealthReport)] = "HealthReport",
        // Sheets are audited as wholes (people, total, status); their rows and lines are written by the generator only.
        [typeof(Subsidies.SubsidySheet)] = "SubsidySheet",
        [typeof(Funds.CareFund)] = "CareFund",
        [typeof(Funds.FundEntry)] = "FundEntry",
        [typeof(Casualties.CasualtyCase)] = "CasualtyCase",
        [typeof(Casualties.CasualtyCaseStep)] = "CasualtyStep",
        [typeof(Casualties.CasualtyFollowUp)] = "CasualtyFollowUp",
        [typeof(Visits.CareVisit)] = "CareVisit",
        [typeof(Difficulties.FamilyDifficulty)] = "FamilyDifficulty",
        [typeof(Difficulties.FamilyDifficultyAction)] = "FamilyDifficultyAction",
        [typeof(Insurance.InsurancePolicy)] = "InsurancePolicy",
        [typeof(Insurance.InsuranceCoverage)] = "InsuranceCoverage",
        [typeof(Insurance.PerformancePayIncrease)] = "PayIncrease",
        [typeof(Protection.ToleranceCase)] = "ToleranceCase",
        [typeof(Protection.ToleranceCriterion)] = "ToleranceCriterion",
        [typeof(Protection.ClarificationCase)] = "ClarificationCase",
        [typeof(Protection.CaseHandler)] = "CaseHandler",
        [typeof(Protection.ToleranceCaseFile)] = "ToleranceCaseFile",
        [typeof(Incidents.FrontlineIncident)] = "Incident",
        [typeof(Supervision.SupervisionFinding)] = "SupervisionFinding",
        [typeof(Supervision.FindingRectification)] = "FindingRectification",
        [typeof(Checklist.MeasureStatement)] = "MeasureStatement",
        [typeof(Checklist.MeasureStatementAttachment)] = "MeasureStatementAttachment",
        [typeof(Couples.SpouseLinkRequest)] = "SpouseLinkRequest",
    };

    /// <summary>
    /// Records of restricted cases (G1, G2): their trail is shown only on the case, to those who may see it, never in a
    /// person's history — a case that was not tolerated must not reach anyone else through it.
    /// </summary>
    public static readonly string[] Restricted = ["ToleranceCase", "ToleranceCriterion", "ToleranceCaseFile", "ClarificationCase", "CaseHandler"];

    /// <summary>Secrets and bookkeeping columns that never go into the audit trail.</summary>
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(FrontlineWorker.Version), nameof(FrontlineWorker.CreatedAt), nameof(FrontlineWorker.UpdatedAt),
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(ApiToken.Hash),
        nameof(AppUser.AccessFailedCount), nameof(StoredFile.Content),
    ];

    /// <summary>The name of an audited record type in the trail, or null when the type is not audited.</summary>
    public static string? EntityName(Type type) => AuditedTypes.GetValueOrDefault(type);

    /// <summary>Whether a property's changes are written to the trail.</summary>
    public static bool Records(IReadOnlyPropertyBase property) =>
        !IgnoredProperties.Contains(property.Name) && !(property is IReadOnlyProperty p && p.IsShadowProperty());

    /// <summary>A value as the trail writes it: dates ISO, numbers invariant, lists comma-separated.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items and not string => string.Join(',', items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    public static string Serialize(Dictionary<string, AuditChange> changes) => JsonSerializer.Serialize(changes, JsonSerializerOptions.Default);

    public static Dictionary<string, AuditChange> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, AuditChange>>(json, JsonSerializerOptions.Default) ?? [];

    /// <summary>
    /// The changes of a record that is inserted (every recorded property with a value, as New) or deleted (every
    /// recorded property, as Old), read from the record itself rather than from a change tracker.
    /// </summary>
    public static Dictionary<string, AuditChange> Snapshot(IEntityType type, object entity, AuditAction action)
    {
        var changes = new Dictionary<string, AuditChange>();
        foreach (var property in type.GetProperties())
        {
            if (!Records(property)) continue;
            var value = Format(property.GetGetter().GetClrValueUsingContainingEntity(entity));
            if (action == AuditAction.Insert && value is not null) changes[property.Name] = new AuditChange(null, value);
            else if (action == AuditAction.Delete) changes[property.Name] = new AuditChange(value, null);
        }
        return changes;
    }

    /// <summary>Audit entries written by one statement, for a writer that saves many records of a type at once.</summary>
    public sealed class Batch(string entity)
    {
        private readonly List<string> keys = [];
        private readonly List<Guid?> workers = [];
        private readonly List<string> actions = [];
        private readonly List<string> changes = [];

        public void Add(string key, Guid? workerId, AuditAction action, Dictionary<string, AuditChange> recorded)
        {
            keys.Add(key);
            workers.Add(workerId);
            actions.Add(action.ToString());
            changes.Add(Serialize(recorded));
        }

        /// <summary>The INSERT of every entry added, stamped with one time and one user.</summary>
        public NpgsqlBatchCommand Command(DateTimeOffset at, Guid? userId, string? userName)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO audit_entries (at, user_id, user_name, entity, entity_key, worker_id, action, changes)
                SELECT $1, $2, $3, $4, k, w, a, c::jsonb FROM unnest($5::text[], $6::uuid[], $7::text[], $8::text[]) AS t(k, w, a, c)
                """);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)userName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entity });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys.ToArray() });
            command.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = workers.ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = actions.ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = changes.ToArray() });
            return command;
        }
    }
}
