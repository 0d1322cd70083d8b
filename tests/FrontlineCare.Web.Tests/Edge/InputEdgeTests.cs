using System.Net;
using System.Text;
using System.Text.Json;
using FrontlineCare.Web.Tests.Support;

namespace FrontlineCare.Web.Tests.Edge;

/// <summary>Issue #14: no input makes a 500, and every 400 names its field, in the caller's language.</summary>
public sealed class InputEdgeTests(PortalHost host) : IClassFixture<PortalHost>
{
    private async Task<HttpClient> OrgDeptAsync() => host.Client(await host.TokenForAsync("orgdept"));

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors");
    }

    private static StringContent Json(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType) } };

    [Theory]
    [InlineData("/api/v1/workers?search=a%00b")]
    [InlineData("/workers/export?Search=a%00b")]
    public async Task A_nul_in_the_search_is_a_field_error_not_a_500(string url)
    {
        var errors = await ErrorsOf(await (await OrgDeptAsync()).GetAsync(url));
        errors.GetProperty("search")[0].GetString()!.ShouldContain("控制字符");
    }

    [Fact]
    public async Task A_nul_in_a_body_field_is_a_field_error_and_nothing_is_stored()
    {
        var unit = await host.Data.UnitIdAsync("东山社区");
        var json = JsonSerializer.Serialize(new
        {
            fullName = "张\u0000三", gender = "Male", nationalId = Core.Policy.NationalIdNumber.Compose("331002", new DateOnly(1985, 1, 9), 135),
            mobile = "13900000003", unitId = unit, category = "Other", politicalStatus = "Masses",
        });
        var errors = await ErrorsOf(await (await OrgDeptAsync()).PostAsync("/api/v1/workers?culture=en-US", Json(json)));
        errors.GetProperty("fullName")[0].GetString()!.ShouldContain("control characters");
        await using var db = host.Data.NewContext();
        db.Workers.Count(w => w.FullName.StartsWith("张")  && w.FullName.Contains("三") && w.FullName.Length == 3).ShouldBe(0);
    }

    [Fact]
    public async Task A_bogus_charset_answers_415_problem_details()
    {
        var response = await (await OrgDeptAsync()).PostAsync("/api/v1/deployments", Json("{}", "application/json; charset=bogus"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("{\"category\":\"Nope\"}", "category")]
    [InlineData("{\"unitId\":12}", "unitId")]
    [InlineData("{\"version\":-1}", "version")]
    [InlineData("{\"fullName\":", "fullName")]
    [InlineData("not json", "$")]
    [InlineData("{\"fullName\":null,\"mobile\":\"13900000000\"}", "fullName")]
    [InlineData("{\"version\":null}", "version")]
    public async Task A_wrong_json_value_names_its_json_path(string json, string field)
    {
        var errors = await ErrorsOf(await (await OrgDeptAsync()).PostAsync("/api/v1/workers", Json(json)));
        errors.TryGetProperty(field, out var messages).ShouldBeTrue(errors.ToString());
        messages[0].GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/api/v1/workers?unitId=notaguid", "unitId")]
    [InlineData("/api/v1/workers?category=Nope", "category")]
    [InlineData("/api/v1/workers?pageSize=lots", "pageSize")]
    [InlineData("/api/v1/health-reports?day=yesterday", "day")]
    [InlineData("/api/v1/health-reports", "day")]
    [InlineData("/talent/export?list=Nope", "list")]
    [InlineData("/duty/template?place=x&week=notaday", "week")]
    [InlineData("/difficulties/export?unitId=1", "unitId")]
    public async Task A_malformed_query_value_names_its_parameter(string url, string field)
    {
        var errors = await ErrorsOf(await (await OrgDeptAsync()).GetAsync(url));
        errors.TryGetProperty(field, out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task A_query_value_longer_than_any_column_is_refused()
    {
        var errors = await ErrorsOf(await (await OrgDeptAsync()).GetAsync("/api/v1/workers?search=" + new string('张', 600)));
        errors.TryGetProperty("search", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/%5Cevil.com")]
    [InlineData("//evil.com")]
    [InlineData("https://evil.com/")]
    public async Task The_culture_switch_redirects_only_inside_the_portal(string target)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var errors = await ErrorsOf(await client.GetAsync("/culture?culture=en-US&redirectUri=" + Uri.EscapeDataString(Uri.UnescapeDataString(target))));
        errors.TryGetProperty("redirectUri", out _).ShouldBeTrue();

        var ok = await client.GetAsync("/culture?culture=en-US&redirectUri=%2Fworkers");
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldBe("/workers");
    }
}
