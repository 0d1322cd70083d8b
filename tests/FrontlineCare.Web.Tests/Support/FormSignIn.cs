using System.Net;
using System.Text.RegularExpressions;

namespace FrontlineCare.Web.Tests.Support;

/// <summary>Signs in over plain HTTP as the browser's form does: the page's hidden fields (antiforgery, handler) and the two inputs.</summary>
public static partial class FormSignIn
{
    /// <summary>A client with its own cookies that does not follow redirects; <paramref name="forwardedFor"/> poses as a client behind the proxy.</summary>
    public static HttpClient Client(string baseUrl, string? forwardedFor = null, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", Form(page, userName, password));
    }

    /// <summary>
    /// The same with the cookies carried by hand (the client must not keep cookies): a cookie marked Secure over plain
    /// HTTP, as behind a proxy, would not be sent back by a cookie container.
    /// </summary>
    public static async Task<HttpResponseMessage> PostBehindProxyAsync(HttpClient client, string userName, string password)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        get.Headers.Add("X-Forwarded-Proto", "https");
        var page = await client.SendAsync(get);
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = Form(await page.Content.ReadAsStringAsync(), userName, password) };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }

    private static FormUrlEncodedContent Form(string page, string userName, string password) => new(Fields(page, userName, password));

    /// <summary>The fields the sign-in form posts: its hidden fields (antiforgery, handler) and the two inputs.</summary>
    public static List<KeyValuePair<string, string>> Fields(string page, string userName, string password)
    {
        var fields = Hidden().Matches(page).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        fields.Add(new(InputName(page, "username"), userName));
        fields.Add(new(InputName(page, "password"), password));
        return fields;
    }

    /// <summary>The message the sign-in page shows, or null.</summary>
    public static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        var match = Error().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static bool SignedIn(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("frontlinecare.auth", StringComparison.Ordinal));

    private static string InputName(string page, string id)
    {
        var tag = Regex.Match(page, $"<input[^>]*id=\"{id}\"[^>]*>").Value;
        return WebUtility.HtmlDecode(Regex.Match(tag, "name=\"([^\"]+)\"").Groups[1].Value);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex Error();
}
