using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.ForcedRest;
using FrontlineCare.Core.Features.Leave;
using Quartz;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// Background jobs, on Quartz.NET's cron triggers in Beijing time. Each instance of the portal schedules them;
/// the jobs themselves take a PostgreSQL advisory lock, so with several instances one does the work and the rest
/// skip that turn (see docs/decisions/007).
/// </summary>
public static class Scheduling
{
    public static IServiceCollection AddPortalScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Scheduling:Enabled", true)) return services;
        var sweepCron = configuration["Scheduling:OverloadSweepCron"] ?? "0 10 * * * ?"; // every hour at :10
        var expiryCron = configuration["Scheduling:LeaveExpiryCron"] ?? "0 30 1 * * ?"; // daily at 01:30
        services.AddQuartz(q =>
        {
            var sweep = new JobKey("b2-overload-sweep");
            q.AddJob<OverloadSweepJob>(job => job.WithIdentity(sweep));
            q.AddTrigger(trigger => trigger.ForJob(sweep).WithIdentity("b2-overload-sweep-cron")
                .WithCronSchedule(sweepCron, cron => cron.InTimeZone(Clock.ChinaTime)));
            var expiry = new JobKey("b3-leave-expiry");
            q.AddJob<LeaveExpiryJob>(job => job.WithIdentity(expiry));
            q.AddTrigger(trigger => trigger.ForJob(expiry).WithIdentity("b3-leave-expiry-cron")
                .WithCronSchedule(expiryCron, cron => cron.InTimeZone(Clock.ChinaTime)));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>B2: the scheduled overload sweep over all units (forced-rest cases for anyone overloaded).</summary>
[DisallowConcurrentExecution]
public sealed class OverloadSweepJob(OverloadSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}

/// <summary>B3: owed compensatory leave past its carry-over gets its expiry entry.</summary>
[DisallowConcurrentExecution]
public sealed class LeaveExpiryJob(LeaveService leave) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await leave.ExpireAsync(cancellationToken);
}
