using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Audit;
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
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (they sign the cookies), shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<FrontlineWorker> Workers => Set<FrontlineWorker>();
    public DbSet<Deployment> Deployments => Set<Deployment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DutyLog> DutyLogs => Set<DutyLog>();
    public DbSet<ForcedRestCase> ForcedRestCases => Set<ForcedRestCase>();
    public DbSet<PolicyParameterChange> PolicyParameterChanges => Set<PolicyParameterChange>();
    public DbSet<RestWelfareReport> RestWelfareReports => Set<RestWelfareReport>();
    public DbSet<HolidayCalendarDay> HolidayCalendar => Set<HolidayCalendarDay>();
    public DbSet<LeaveAccount> LeaveAccounts => Set<LeaveAccount>();
    public DbSet<LeaveEntry> LeaveEntries => Set<LeaveEntry>();
    public DbSet<LeaveRequest> LeaveRequests => Set<LeaveRequest>();
    public DbSet<RotationPlan> RotationPlans => Set<RotationPlan>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationStep> NominationSteps => Set<NominationStep>();
    public DbSet<NominationAttachment> NominationAttachments => Set<NominationAttachment>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<VolunteerServiceRecord> VolunteerServiceRecords => Set<VolunteerServiceRecord>();
    public DbSet<TalentListEntry> TalentListEntries => Set<TalentListEntry>();
    public DbSet<MembershipTrack> MembershipTracks => Set<MembershipTrack>();
    public DbSet<FastTrackCase> FastTrackCases => Set<FastTrackCase>();
    public DbSet<TitleApplication> TitleApplications => Set<TitleApplication>();
    public DbSet<Features.Health.DailyHealthReport> DailyHealthReports => Set<Features.Health.DailyHealthReport>();
    public DbSet<Features.Subsidies.SubsidySheet> SubsidySheets => Set<Features.Subsidies.SubsidySheet>();
    public DbSet<Features.Subsidies.SubsidySheetRow> SubsidySheetRows => Set<Features.Subsidies.SubsidySheetRow>();
    public DbSet<Features.Subsidies.SubsidyLine> SubsidyLines => Set<Features.Subsidies.SubsidyLine>();
    public DbSet<Features.Funds.CareFund> CareFunds => Set<Features.Funds.CareFund>();
    public DbSet<Features.Funds.FundEntry> FundEntries => Set<Features.Funds.FundEntry>();
    public DbSet<Features.Casualties.CasualtyCase> CasualtyCases => Set<Features.Casualties.CasualtyCase>();
    public DbSet<Features.Casualties.CasualtyCaseStep> CasualtyCaseSteps => Set<Features.Casualties.CasualtyCaseStep>();
    public DbSet<Features.Casualties.CasualtyFollowUp> CasualtyFollowUps => Set<Features.Casualties.CasualtyFollowUp>();
    public DbSet<Features.Protection.ToleranceCase> ToleranceCases => Set<Features.Protection.ToleranceCase>();
    public DbSet<Features.Protection.ToleranceCriterion> ToleranceCriteria => Set<Features.Protection.ToleranceCriterion>();
    public DbSet<Features.Protection.ClarificationCase> ClarificationCases => Set<Features.Protection.ClarificationCase>();
    public DbSet<Features.Incidents.FrontlineIncident> FrontlineIncidents => Set<Features.Incidents.FrontlineIncident>();
    public DbSet<Features.Supervision.SupervisionFinding> SupervisionFindings => Set<Features.Supervision.SupervisionFinding>();
    public DbSet<Features.Supervision.FindingRectification> FindingRectifications => Set<Features.Supervision.FindingRectification>();
    public DbSet<Features.Protection.ToleranceCaseFile> ToleranceCaseFiles => Set<Features.Protection.ToleranceCaseFile>();
    public DbSet<Features.Checklist.MeasureStatement> MeasureStatements => Set<Features.Checklist.MeasureStatement>();
    public DbSet<Features.Checklist.MeasureStatementAttachment> MeasureStatementAttachments => Set<Features.Checklist.MeasureStatementAttachment>();
    public DbSet<Features.Protection.CaseHandler> CaseHandlers => Set<Features.Protection.CaseHandler>();
    public DbSet<Features.Visits.CareVisit> CareVisits => Set<Features.Visits.CareVisit>();
    public DbSet<Features.Difficulties.FamilyDifficulty> FamilyDifficulties => Set<Features.Difficulties.FamilyDifficulty>();
    public DbSet<Features.Difficulties.FamilyDifficultyAction> FamilyDifficultyActions => Set<Features.Difficulties.FamilyDifficultyAction>();
    public DbSet<Features.Insurance.InsurancePolicy> InsurancePolicies => Set<Features.Insurance.InsurancePolicy>();
    public DbSet<Features.Insurance.InsuranceCoverage> InsuranceCoverages => Set<Features.Insurance.InsuranceCoverage>();
    public DbSet<Features.Insurance.PerformancePayIncrease> PerformancePayIncreases => Set<Features.Insurance.PerformancePayIncrease>();
    public DbSet<Features.Couples.SpouseLinkRequest> SpouseLinkRequests => Set<Features.Couples.SpouseLinkRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("ltree");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("btree_gist");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
