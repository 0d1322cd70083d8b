using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontlineCare.Core.Policy;
using FrontlineCare.Web.Tests.Support;

namespace FrontlineCare.Web.Tests.Api;

public sealed class WorkersApiTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_call_without_a_token_gets_401_not_a_login_page()
    {
        var response = await host.Client().GetAsync("/api/v1/workers");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_made_up_token_gets_401()
    {
        var response = await host.Client("fc_not-a-real-token").GetAsync("/api/v1/workers");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_works_until_its_owner_revokes_it()
    {
        var client = host.Client(await host.TokenForAsync("supervisor"));
        (await client.GetAsync("/api/v1/workers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await host.RevokeAllAsync("supervisor");

        (await client.GetAsync("/api/v1/workers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_supervisor_reads_through_the_api_but_cannot_write()
    {
        var client = host.Client(await host.TokenForAsync("supervisor"));
        var unit = await host.Data.UnitIdAsync("东山社区");
        var response = await client.PostAsJsonAsync("/api/v1/workers", new
        {
            fullName = "审核人不能登记",
            gender = "Male",
            nationalId = NationalIdNumber.Compose("331002", new DateOnly(1985, 1, 9), 135),
            mobile = "13900000003",
            unitId = unit,
            category = "Other",
            politicalStatus = "Masses",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_unit_committee_lists_only_its_own_units_workers_with_masked_ids()
    {
        var client = host.Client(await host.TokenForAsync("committee"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/workers?pageSize=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        var haimen = new[] { "海门街道", "东山社区", "西街社区", "海门社区" };
        items.ShouldAllBe(i => haimen.Contains(i.GetProperty("unitName").GetString()));
        items.ShouldAllBe(i => i.GetProperty("nationalId").GetString()!.Contains("**********"));
    }

    [Fact]
    public async Task Reading_a_worker_of_another_unit_answers_404_problem_details_without_the_data()
    {
        await using var db = host.Data.NewContext();
        var baiyun = await host.Data.UnitIdAsync("白云社区");
        var outsider = db.Workers.First(w => w.UnitId == baiyun);
        var client = host.Client(await host.TokenForAsync("committee"));

        var response = await client.GetAsync($"/api/v1/workers/{outsider.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(outsider.FullName);
        body.ShouldNotContain(outsider.NationalId);
    }

    [Fact]
    public async Task Creating_a_worker_with_bad_fields_answers_400_with_field_errors_and_saves_nothing()
    {
        var client = host.Client(await host.TokenForAsync("orgdept"));
        await using var db = host.Data.NewContext();
        var before = db.Workers.Count();
        var unit = await host.Data.UnitIdAsync("东山社区");

        var response = await client.PostAsJsonAsync("/api/v1/workers", new
        {
            fullName = new string('名', 10_000),
            gender = "Male",
            nationalId = "330102199001011230",
            mobile = "12345",
            unitId = unit,
            category = "Volunteer",
            politicalStatus = "Masses",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("fullName", out _).ShouldBeTrue();
        errors.TryGetProperty("nationalId", out _).ShouldBeTrue();
        errors.TryGetProperty("mobile", out _).ShouldBeTrue();
        problem.ToString().ShouldNotContain("   at ");
        db.Workers.Count().ShouldBe(before);
    }

    [Fact]
    public async Task OrgDepartment_creates_a_worker_and_deploys_them_through_the_api()
    {
        var client = host.Client(await host.TokenForAsync("orgdept"));
        var unit = await host.Data.UnitIdAsync("西街社区");
        var id = NationalIdNumber.Compose("331002", new DateOnly(1991, 3, 14), 457);

        var created = await client.PostAsJsonAsync("/api/v1/workers", new
        {
            fullName = "接口测试",
            gender = "Male",
            nationalId = id,
            mobile = "13912345678",
            unitId = unit,
            category = "PartyCadre",
            politicalStatus = "PartyMember",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var workerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var deployed = await client.PostAsJsonAsync("/api/v1/deployments", new
        {
            workerId,
            postKind = "Checkpoint",
            place = "椒江客运码头卡口",
            startDate = "2026-11-01",
            riskClass = "II",
        });
        deployed.StatusCode.ShouldBe(HttpStatusCode.Created);

        var overlapping = await client.PostAsJsonAsync("/api/v1/deployments", new
        {
            workerId,
            postKind = "Grid",
            place = "东山社区第3网格",
            startDate = "2026-11-10",
            endDate = "2026-11-12",
            riskClass = "II",
        });
        overlapping.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await overlapping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("startDate", out _).ShouldBeTrue();

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workers/{workerId}/deployments");
        list.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_openapi_document_and_health_checks_answer()
    {
        var client = host.Client();
        (await client.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_require_sign_in_and_carry_security_headers()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var response = await client.GetAsync("/workers");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
        var login = await client.GetAsync("/account/login");
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        login.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
        (await login.Content.ReadAsStringAsync()).ShouldContain("一线关爱");
    }
}
