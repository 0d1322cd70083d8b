using System.Net;
using FrontlineCare.Core.Data;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>Data-protection keys live in the database, under a fixed application name (issue #14).</summary>
public sealed class DataProtectionKeyTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_a_second_instance_on_the_same_database()
    {
        var cookies = new CookieContainer();
        FormSignIn.SignedIn(await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, cookies: cookies), "orgdept", DemoData.Password)).ShouldBeTrue();
        var auth = cookies.GetAllCookies().Single(c => c.Name == "frontlinecare.auth");

        // A second server: another content root (so another default key location and application discriminator),
        // the same database.
        var root = Directory.CreateTempSubdirectory("frontlinecare-second-instance-").FullName;
        await using var second = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseContentRoot(root);
            web.UseSetting("ConnectionStrings:Default", host.Data.ConnectionString);
            web.UseSetting("Seed:DemoData", "false");
            web.UseSetting("Scheduling:Enabled", "false");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workers?pageSize=1");
        request.Headers.Add("Cookie", $"{auth.Name}={auth.Value}");
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = host.Data.NewContext();
        (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
    }
}
