using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>C3 by API: a DingTalk/WeChat bot or mobile app files reports and reads the day's missing and abnormal ones.</summary>
public sealed class HealthApiTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_bot_files_a_report_sees_it_flagged_and_gets_field_errors_for_a_bad_one()
    {
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "接口日报");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-3), null);
        var committee = host.Client(await host.TokenForAsync("committee"));

        var bad = await committee.PostAsJsonAsync("/api/v1/health-reports", new { workerId = worker.Id, day = today, morningTemperature = 3.7m });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("morningTemperature", out _).ShouldBeTrue();

        var filed = await committee.PostAsJsonAsync("/api/v1/health-reports",
            new { workerId = worker.Id, day = today, morningTemperature = 36.4m, symptoms = "SoreThroat", testResult = "Negative", testDate = today.AddDays(-1) });
        filed.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var sheet = await committee.GetFromJsonAsync<JsonElement>($"/api/v1/health-reports?day={today:yyyy-MM-dd}&problemsOnly=true");
        var row = sheet.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("workerId").GetGuid() == worker.Id);
        row.GetProperty("abnormal").GetBoolean().ShouldBeTrue();
        row.GetProperty("report").GetProperty("findings").GetString().ShouldBe("Symptoms");

        var supervisor = host.Client(await host.TokenForAsync("supervisor"));
        (await supervisor.GetAsync($"/api/v1/health-reports?day={today:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
