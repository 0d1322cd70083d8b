using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontlineCare.Core.Data;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>The portal with low limits, so a handful of requests shows what thousands would.</summary>
public sealed class LowLimitsHost : PortalHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        Limit(web, "SignInPerClient", 10, 60);
        Limit(web, "SignInPerUser", 8, 300);
        Limit(web, "SignInFailuresPerClientAndUser", 5, 900);
        Limit(web, "ApiPerToken", 10, 60);
        Limit(web, "ApiUnauthenticatedPerClient", 5, 60);
        Limit(web, "FilesPerUser", 3, 60);
        Limit(web, "UploadsPerUser", 2, 60);
    }

    private static void Limit(IWebHostBuilder web, string name, int permits, int seconds)
    {
        web.UseSetting($"RateLimits:{name}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        web.UseSetting($"RateLimits:{name}:WindowSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Rate limits and lockout (issue #14). Each test poses as its own client behind the proxy on this machine
/// (X-Forwarded-For from loopback, which is trusted by default), so the per-client counters do not mix.
/// </summary>
public sealed class RateLimitTests(LowLimitsHost host) : IClassFixture<LowLimitsHost>
{
    private const string Wrong = "Wrong-password-1";

    [Fact]
    public void Files_sent_through_the_pages_are_limited_per_account_with_the_time_to_wait()
    {
        // Uploads arrive over the circuit, where the HTTP limiter does not look: the pages ask this throttle per file.
        var throttle = host.Services.GetRequiredService<Infrastructure.UploadThrottle>();
        static Infrastructure.CurrentUser As(Guid id) => new()
        {
            Principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString())], "test")),
        };
        var (one, other) = (As(Guid.NewGuid()), As(Guid.NewGuid()));

        throttle.Enter(one).ShouldBeNull();
        throttle.Enter(one).ShouldBeNull();
        var refused = throttle.Enter(one);

        refused.ShouldNotBeNull();
        refused.ShouldMatch(@"\d+");
        throttle.Enter(other).ShouldBeNull("another account has its own allowance");
    }

    [Fact]
    public async Task A_burst_of_sign_ins_from_one_client_is_refused_with_429_and_retry_after()
    {
        var client = FormSignIn.Client(host.BaseUrl, "203.0.113.10");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 150; i++)
        {
            var response = await FormSignIn.PostAsync(client, $"nobody{i}", Wrong);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(10);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(140);
        refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await FormSignIn.ErrorAsync(refused)).ShouldStartWith("登录尝试过于频繁");

        // Another client is not affected.
        var other = await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, "203.0.113.11"), "orgdept", DemoData.Password);
        FormSignIn.SignedIn(other).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stranger_who_knows_a_user_name_cannot_lock_its_owner_out()
    {
        var stranger = FormSignIn.Client(host.BaseUrl, "203.0.113.20");
        for (var i = 0; i < 5; i++)
            (await FormSignIn.ErrorAsync(await FormSignIn.PostAsync(stranger, "supervisor", Wrong + i))).ShouldBe("用户名或密码错误");
        // The stranger's address is now told "locked", even with the right password …
        var locked = await FormSignIn.PostAsync(stranger, "supervisor", DemoData.Password);
        FormSignIn.SignedIn(locked).ShouldBeFalse();
        (await FormSignIn.ErrorAsync(locked))!.ShouldContain("账号已锁定");

        // … but the owner, from their own address, signs in at once, and the account is not locked in the database.
        var owner = await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, "198.51.100.20"), "supervisor", DemoData.Password);
        FormSignIn.SignedIn(owner).ShouldBeTrue();
        await using var db = host.Data.NewContext();
        var account = await db.Users.SingleAsync(u => u.UserName == "supervisor");
        account.LockoutEnd.ShouldBeNull();
        account.AccessFailedCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_exactly_the_answers_of_a_wrong_password()
    {
        var real = FormSignIn.Client(host.BaseUrl, "203.0.113.30");
        var unknown = FormSignIn.Client(host.BaseUrl, "203.0.113.31");
        for (var i = 0; i < 6; i++)
        {
            var a = await FormSignIn.PostAsync(real, "committee", Wrong);
            var b = await FormSignIn.PostAsync(unknown, "no-such-user", Wrong);
            b.StatusCode.ShouldBe(a.StatusCode);
            (await FormSignIn.ErrorAsync(b)).ShouldBe(await FormSignIn.ErrorAsync(a));
            (await FormSignIn.ErrorAsync(a)).ShouldBe(i < 5 ? "用户名或密码错误" : "登录失败次数过多，账号已锁定，请 15 分钟后再试或联系管理员");
        }

        // An account an administrator locked answers a wrong password like an unknown name; "locked" only to the right one.
        await using (var db = host.Data.NewContext())
        {
            var account = await db.Users.SingleAsync(u => u.UserName == "committee2");
            account.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
        }
        var client = FormSignIn.Client(host.BaseUrl, "203.0.113.32");
        (await FormSignIn.ErrorAsync(await FormSignIn.PostAsync(client, "committee2", Wrong))).ShouldBe("用户名或密码错误");
        (await FormSignIn.ErrorAsync(await FormSignIn.PostAsync(client, "committee2", DemoData.Password)))!.ShouldContain("账号已锁定");
    }

    [Fact]
    public async Task Guesses_at_one_user_name_from_many_addresses_are_limited_but_not_from_the_owners_own_browser()
    {
        // The owner signed in from this browser before: it carries the device cookie.
        var cookies = new CookieContainer();
        var ownBrowser = FormSignIn.Client(host.BaseUrl, "198.51.100.40", cookies);
        FormSignIn.SignedIn(await FormSignIn.PostAsync(ownBrowser, "admin", DemoData.Password)).ShouldBeTrue();

        for (var i = 0; i < 7; i++)
            (await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, $"203.0.113.{100 + i}"), "admin", Wrong)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, "203.0.113.120"), "admin", DemoData.Password);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        elsewhere.Headers.RetryAfter.ShouldNotBeNull();

        // The owner's own browser is not held back (a fresh client with only its cookies: signed out, device remembered).
        var device = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
            if (cookie.Name == "frontlinecare.device") device.Add(cookie);
        FormSignIn.SignedIn(await FormSignIn.PostAsync(FormSignIn.Client(host.BaseUrl, "198.51.100.40", device), "admin", DemoData.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_tokens_get_429_problem_details_after_a_few_guesses_and_a_good_token_is_limited_on_its_own()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 30; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workers");
            request.Headers.Add("X-Forwarded-For", "203.0.113.50");
            request.Headers.Authorization = new("Bearer", $"fc_guess{i:D4}xxxxxxxxxxxxxxxxxxxxxxxx");
            var response = await host.Client().SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        refused!.Headers.RetryAfter.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(429);

        // A valid token has its own allowance (10 a minute here), from whatever address.
        var token = host.Client(await host.TokenForAsync("orgdept"));
        var good = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) good.Add((await token.GetAsync("/api/v1/workers?pageSize=1")).StatusCode);
        good.Take(10).ShouldAllBe(s => s == HttpStatusCode.OK);
        good.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Exports_are_limited_per_user()
    {
        var token = host.Client(await host.TokenForAsync("committee"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await token.GetAsync("/workers/export")).StatusCode);
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }
}
