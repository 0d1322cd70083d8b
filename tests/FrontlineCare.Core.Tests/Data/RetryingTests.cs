using System.Data.Common;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FrontlineCare.Core.Tests.Data;

/// <summary>Kills the backend of the connection that is about to insert into the holiday calendar, once.</summary>
public sealed class KillOnceInterceptor : DbCommandInterceptor
{
    public string ConnectionString { get; set; } = "";
    public int Kills;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        if (command.CommandText.Contains("INSERT INTO holiday_calendar", StringComparison.Ordinal) && Interlocked.CompareExchange(ref Kills, 1, 0) == 0)
        {
            var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
            await using var killer = new NpgsqlConnection(ConnectionString + ";Pooling=false");
            await killer.OpenAsync(ct);
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid}, 5000)", killer);
            await kill.ExecuteScalarAsync(ct);
        }
        return result;
    }
}

public sealed class KillFixture : AppFixture
{
    public KillOnceInterceptor Killer { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Killer));
}

/// <summary>Issue #14: a unit of work with its own transaction survives a killed connection — retried whole, committed once.</summary>
public sealed class RetryingTests(KillFixture fixture) : IClassFixture<KillFixture>
{
    [Fact]
    public async Task A_transaction_whose_connection_is_killed_is_retried_and_commits_exactly_once()
    {
        fixture.Killer.ConnectionString = fixture.ConnectionString;
        await fixture.UseAsync(Roles.Admin, "浙江省");
        var day = new DateOnly(2026, 10, 17);

        var result = await fixture.Get<HolidayCalendarService>().AddAsync(new HolidayDayForm
        {
            Day = day, Kind = Core.Policy.Measures.CalendarDayKind.Holiday, Name = "重试节", Source = "重试测试",
        });

        result.IsOk.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)) + result.Message);
        fixture.Killer.Kills.ShouldBe(1);
        await using var check = new NpgsqlConnection(fixture.ConnectionString + ";Pooling=false");
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM holiday_calendar WHERE source = '重试测试'", check);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }
}
