using System.Net;
using System.Net.Http.Json;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>
/// The portal at Information with one more Serilog sink (taken from the services, as Program's ReadFrom.Services does)
/// that writes every event as the production log file does (compact JSON, with all its properties).
/// </summary>
public sealed class FileLogHost : PortalHost
{
    private readonly CapturingSink _sink = new();

    public string Log => _sink.Text;

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Serilog:MinimumLevel:Default", "Information");
        web.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_sink));
    }

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();
        private readonly StringWriter _text = new();

        public string Text
        {
            get { lock (_text) return _text.ToString(); }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_text) _formatter.Format(logEvent, _text);
        }
    }
}

/// <summary>No personal data in any log, the database's included (issue #14).</summary>
public sealed class PersonalDataLogTests(FileLogHost host) : IClassFixture<FileLogHost>
{
    [Fact]
    public async Task A_duplicate_id_registration_leaves_the_id_number_in_neither_the_database_log_nor_the_portal_log()
    {
        var id = NationalIdNumber.Compose("331002", new DateOnly(1986, 3, 14), 271);
        var unit = await host.Data.UnitIdAsync("东山社区");
        var orgdept = host.Client(await host.TokenForAsync("orgdept"));
        object Form(string name) => new
        {
            fullName = name, gender = "Male", nationalId = id, mobile = "13900000071", unitId = unit, category = "Other", politicalStatus = "Masses",
        };
        // Two people register the same ID at the same moment (the unique index decides), then once more.
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => orgdept.PostAsJsonAsync("/api/v1/workers", Form("日志测试" + i))));
        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        (await orgdept.PostAsJsonAsync("/api/v1/workers", Form("日志测试再登记"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The database itself refuses a duplicate (as the index does in a race the check above did not see).
        var other = await host.Data.AddWorkerAsync(unit);
        await using (var db = host.Data.NewContext())
        {
            await Should.ThrowAsync<DbUpdateException>(async () =>
            {
                var row = await db.Workers.SingleAsync(w => w.Id == other.Id);
                row.NationalId = id;
                await db.SaveChangesAsync();
            });
        }
        await Task.Delay(500);

        var clusterLog = await ReadSharedAsync(PostgresCluster.LogFile!);
        clusterLog.ShouldContain("duplicate key value violates unique constraint");
        clusterLog.ShouldNotContain(id);
        clusterLog.ShouldNotContain(id[..17]);

        var portalLog = host.Log;
        portalLog.ShouldContain("/api/v1/workers");
        portalLog.ShouldNotContain(id[..17]);
        portalLog.ShouldNotContain("13900000071");
        portalLog.ShouldNotContain("日志测试");
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
