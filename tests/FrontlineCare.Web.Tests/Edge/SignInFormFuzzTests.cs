using System.Net;
using CsCheck;
using FrontlineCare.Core.Data;
using FrontlineCare.Web.Tests.Support;
using Xunit.Abstractions;

namespace FrontlineCare.Web.Tests.Edge;

/// <summary>
/// The page form the portal takes by plain POST — the sign-in form (every other page posts through its circuit) — fed
/// generated user names, passwords, return addresses, "remember me" values, and missing or forged hidden fields, from
/// generated client addresses. No answer is a 5xx; a wrong sign-in is answered on the page; nobody is signed in
/// without the right password; and a successful sign-in never redirects off the site. Sized by time: FUZZ_SECONDS / 2.
/// </summary>
public sealed class SignInFormFuzzTests(PortalHost host, ITestOutputHelper output) : IClassFixture<PortalHost>
{
    private static int Budget => Math.Max(5, (int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), out var s) && s > 0 ? s : 20) / 2);

    private static readonly string[] Nasty =
        ["\u0000", "a\u0000b", "\u0001\u001f", "\u007f", "\u202e", "' OR 1=1 --", "%00", "<script>alert(1)</script>", "", " ", "orgdept ", "ORGDEPT",
         "//evil.com", "/\\evil.com", "https://evil.com/", "/%2F%2Fevil.com", "javascript:alert(1)", "/workers", "张三", new string('长', 5000)];

    [Fact]
    public async Task No_generated_sign_in_gets_a_5xx_signs_in_without_the_password_or_redirects_off_the_site()
    {
        var statuses = new Dictionary<int, int>();
        var sent = 0;
        var text = Gen.OneOf<string>(Gen.OneOf(Nasty), Gen.String, Gen.Char.Array[0, 40].Select(a => new string(a)));
        var gen = Gen.Select(Gen.Int[0, 5], text, text, text, Gen.Int[0, 255], Gen.Int[0, 255]);

        await gen.SampleAsync(async (mutation, userName, password, returnUrl, a, b) =>
        {
            var client = FormSignIn.Client(host.BaseUrl, forwardedFor: $"198.51.{a}.{b}");
            var page = await client.GetStringAsync("/account/login");
            // Mutation 0 signs in for real (with a generated return address); the others must all fail.
            var rightPassword = mutation == 0;
            var fields = FormSignIn.Fields(page, rightPassword ? "committee" : Clean(userName), rightPassword ? DemoData.Password : Clean(password));
            switch (mutation)
            {
                case 1: fields.RemoveAll(f => f.Key.Contains("RequestVerificationToken")); break;
                case 2: fields = fields.Select(f => f.Key.Contains("RequestVerificationToken") ? new KeyValuePair<string, string>(f.Key, "forged") : f).ToList(); break;
                case 3: fields.Add(new("Input.RememberMe", Clean(userName))); break;
                case 4: fields = fields.Select(f => f.Key == "_handler" ? new KeyValuePair<string, string>(f.Key, Clean(userName)) : f).ToList(); break;
            }
            var url = "/account/login" + (mutation is 0 or 5 ? "?ReturnUrl=" + Uri.EscapeDataString(Clean(returnUrl)) : "");
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
            var status = (int)response.StatusCode;
            lock (statuses) { statuses[status] = statuses.GetValueOrDefault(status) + 1; sent++; }
            var what = $"mutation {mutation} user {userName.Length} chars, return {returnUrl} → {status}";

            (status < 500).ShouldBeTrue(what);
            if (FormSignIn.SignedIn(response))
            {
                rightPassword.ShouldBeTrue(what);
                // As a browser resolves it: the page's address is the base of a relative one.
                var location = new Uri(new Uri(host.BaseUrl), response.Headers.Location!.OriginalString.Replace('\\', '/'));
                location.Authority.ShouldBe(new Uri(host.BaseUrl).Authority, $"{what}: redirected to {response.Headers.Location}");
            }
            // What a browser can send (the checkbox and the handler as the page wrote them) is answered with a reason.
            else if (status == 200 && !rightPassword && mutation is not (3 or 4))
            {
                (await FormSignIn.ErrorAsync(response)).ShouldNotBeNullOrWhiteSpace(what + ": a refused sign-in says why on the page");
            }
        }, iter: long.MaxValue, time: Budget, threads: 2, print: x => $"mutation {x.Item1} user {x.Item2} password {x.Item3} return {x.Item4}");

        output.WriteLine($"{sent} sign-in posts in {Budget} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        sent.ShouldBeGreaterThan(0);
        statuses.Keys.ShouldContain(200, "some wrong sign-ins were answered on the page");
    }

    /// <summary>A value a form can carry (FormUrlEncodedContent refuses half a surrogate pair).</summary>
    private static string Clean(string value) => new(value.Where(c => !char.IsSurrogate(c)).ToArray());
}
