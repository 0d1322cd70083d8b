using System.Net;
using System.Net.Http.Json;
using FrontlineCare.Core.Policy;
using FrontlineCare.Web.Tests.Support;
using MiniExcelLibs;

namespace FrontlineCare.Web.Tests.Api;

public sealed class WorkerExportTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task The_export_holds_the_filtered_rows_of_the_jurisdiction_masked_and_formula_safe()
    {
        var orgdept = host.Client(await host.TokenForAsync("orgdept"));
        var unit = await host.Data.UnitIdAsync("海门社区");
        var created = await orgdept.PostAsJsonAsync("/api/v1/workers", new
        {
            fullName = "=HYPERLINK(\"http://x\")",
            gender = "Female",
            nationalId = NationalIdNumber.Compose("331002", new DateOnly(1993, 8, 8), 246),
            mobile = "13700000002",
            unitId = unit,
            category = "Volunteer",
            politicalStatus = "Masses",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var committee = host.Client(await host.TokenForAsync("committee"));
        var response = await committee.GetAsync("/workers/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        await using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = (await xlsx.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        var listed = (await committee.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/workers?pageSize=200")).GetProperty("items").GetArrayLength();
        rows.Count.ShouldBe(listed);
        rows.ShouldAllBe(r => ((string)r["身份证号"]!).Contains("**********"));
        rows.ShouldContain(r => (string)r["姓名"]! == "'=HYPERLINK(\"http://x\")");
        rows.ShouldNotContain(r => ((string)r["单位"]!).StartsWith("白云"));
    }
}
