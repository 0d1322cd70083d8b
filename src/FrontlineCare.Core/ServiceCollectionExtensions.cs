using FluentValidation;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Data.Interceptors;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Features.Membership;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.Reports;
using FrontlineCare.Core.Features.Talent;
using FrontlineCare.Core.Features.Titles;
using FrontlineCare.Core.Features.Volunteers;
using FrontlineCare.Core.Features.Rotation;
using FrontlineCare.Core.Features.Home;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Features.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FrontlineCare.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The application layer: data access, validators and the feature services.</summary>
    public static IServiceCollection AddFrontlineCareCore(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Common.PortalMetrics>();
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddScoped<AuditInterceptor>();
        // Scoped factory: each service method opens a short-lived context (Blazor circuits live long), and the
        // audit interceptor it carries knows the caller of this scope.
        services.AddDbContextFactory<AppDbContext>((sp, options) => Configure(options, sp.GetRequiredService<NpgsqlDataSource>(), retryOnFailure: true)
            .AddInterceptors(UnsafeTextInterceptor.Instance, sp.GetRequiredService<AuditInterceptor>()), ServiceLifetime.Scoped);
        // ASP.NET Core Identity's stores take the context itself, per scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.AddValidatorsFromAssemblyContaining<WorkerFormValidator>(ServiceLifetime.Singleton);
        services.AddScoped<UnitService>();
        services.AddScoped<WorkerService>();
        services.AddScoped<DeploymentService>();
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<HomeService>();
        services.AddScoped<Features.Couples.SpouseLinkService>();
        services.AddScoped<DutyService>();
        services.AddScoped<ForcedRestService>();
        services.AddScoped<PolicyProfileService>();
        services.AddScoped<OverloadSweep>();
        services.AddScoped<RestWelfareReportService>();
        services.AddScoped<NominationService>();
        services.AddScoped<QuotaService>();
        services.AddScoped<VolunteerService>();
        services.AddScoped<Features.Health.HealthReportService>();
        services.AddScoped<Features.Subsidies.SubsidySheetService>();
        services.AddScoped<Features.Funds.FundService>();
        services.AddScoped<Features.Casualties.CasualtyService>();
        services.AddScoped<Features.Protection.ToleranceService>();
        services.AddScoped<Features.Protection.ClarificationService>();
        services.AddScoped<Features.Incidents.IncidentService>();
        services.AddScoped<Features.Supervision.SupervisionService>();
        services.AddScoped<Features.Checklist.ChecklistService>();
        services.AddScoped<Features.Visits.CareVisitService>();
        services.AddScoped<Features.Difficulties.FamilyDifficultyService>();
        services.AddScoped<Features.Insurance.InsuranceService>();
        services.AddScoped<TalentService>();
        services.AddScoped<MembershipService>();
        services.AddScoped<TitleService>();
        services.AddScoped<LeaveService>();
        services.AddScoped<HolidayCalendarService>();
        services.AddScoped<RotationService>();
        return services;
    }

    /// <summary>
    /// The portal's contexts (<paramref name="retryOnFailure"/>) retry a transient failure — a dropped connection, a
    /// restarting server, a deadlock — a few times over about 7 s, which rides out a PostgreSQL restart; what still fails
    /// reaches the caller as a transient error (503 with Retry-After in the web host). A unit of work with its own
    /// transaction runs through <see cref="Retrying.RetryingAsync{T}"/>.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, bool retryOnFailure = false) =>
        options.UseNpgsql(dataSource, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                if (retryOnFailure) npgsql.EnableRetryOnFailure(maxRetryCount: MaxRetries, maxRetryDelay: TimeSpan.FromSeconds(3), errorCodesToAdd: null);
            })
            .UseSnakeCaseNamingConvention();

    /// <summary>Retries after the first attempt: delays of about 0, 1, 3 and 3 s.</summary>
    public const int MaxRetries = 4;
}
