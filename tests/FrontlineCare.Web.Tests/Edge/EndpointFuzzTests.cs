using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FrontlineCare.Web.Tests.Edge;

/// <summary>
/// Issue #14's fuzz: generated bodies (valid shapes with mutated values: wrong types, unknown enum names, huge texts,
/// control characters, nulls, extra fields, broken JSON, bogus charsets) and query strings, to every endpoint of the
/// host (enumerated from its EndpointDataSource, so a new endpoint is covered without touching this test), as an
/// organisation department and as a unit committee. No answer is a 5xx, every 4xx is problem details, every 400 names
/// its fields, and the main tables change only by the 2xx creates. Sized by time: FUZZ_SECONDS (default 20).
/// </summary>
public sealed class EndpointFuzzTests(PortalHost host, ITestOutputHelper output) : IClassFixture<PortalHost>
{
    private static int Budget => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), out var s) && s > 0 ? s : 20;

    private sealed record Target(string Method, string Pattern, bool Page);

    private static readonly string[] QueryKeys =
        ["search", "unitId", "category", "politicalStatus", "deployedNow", "sort", "descending", "pageSize", "after", "before",
         "includeTotal", "day", "problemsOnly", "list", "place", "week", "culture", "redirectUri", "returnUrl", "id", "Search"];

    private static readonly string[] Nasty =
        ["\u0000", "a\u0000b", "\u0001\u001f", "\ud800", "\udc00x", "\u007f", "\u202e", "' OR 1=1 --", "%00", "<script>", "Nope", "-1",
         "99999999999999999999", "1e999", "", " ", "null", "true", "00000000-0000-0000-0000-000000000000", "2020-02-30", "/\\evil.com", "张三"];

    [Fact]
    public async Task No_generated_request_gets_a_5xx_every_4xx_is_problem_details_and_only_2xx_creates_add_rows()
    {
        var targets = Targets();
        targets.Count.ShouldBeGreaterThan(20);
        var tokens = new[] { await host.TokenForAsync("orgdept"), await host.TokenForAsync("committee") };
        var clients = tokens.Select(t => host.Client(t)).ToArray();
        foreach (var c in clients) c.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var ids = await IdsAsync();
        var before = await CountsAsync();
        var created = new Dictionary<string, int> { ["workers"] = 0, ["deployments"] = 0 };
        var statuses = new Dictionary<int, int>();
        var sent = 0;

        var gen = Gen.Select(Gen.Int[0, targets.Count - 1], Gen.Int[0, 1], Gen.Int[0, 9], Gen.Int[0, QueryKeys.Length - 1],
            Gen.OneOf<string>(Gen.OneOf(Nasty), Gen.String, Gen.Char.Array[0, 30].Select(a => new string(a)), Gen.Const(new string('长', 5000))),
            Gen.Int[0, ids.Length - 1], Gen.Int[0, 40]);
        var watch = Stopwatch.StartNew();
        await gen.SampleAsync(async (t, user, mutation, queryKey, value, idIndex, fieldSeed) =>
        {
            var target = targets[t];
            var url = Fill(target.Pattern, ids[idIndex]) + (mutation < 7 ? $"?{Uri.EscapeDataString(QueryKeys[queryKey])}={Uri.EscapeDataString(Safe(value))}" : "");
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
            if (target.Method is "POST" or "PUT")
            {
                var body = Body(target.Pattern, ids, mutation, fieldSeed, value);
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
                    mutation == 9 ? "application/json; charset=bogus" : mutation == 8 && fieldSeed % 3 == 0 ? "text/plain" : "application/json");
            }
            using var response = await clients[user].SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            lock (statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                sent++;
                if (status == 201 && target.Method == "POST" && target.Pattern.StartsWith("/api/v1/workers")) created["workers"]++;
                if (status == 201 && target.Method == "POST" && target.Pattern.StartsWith("/api/v1/deployments")) created["deployments"]++;
            }
            var what = $"{target.Method} {url} → {status}: {text[..Math.Min(text.Length, 400)]}";
            (status < 500).ShouldBeTrue(what);
            if (status is >= 400 and < 500)
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", what);
                if (status == 400) JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue(what);
            }
        }, iter: long.MaxValue, time: Budget, threads: 2, print: x => $"{targets[x.Item1]} user {x.Item2} mutation {x.Item3} value {JsonSerializer.Serialize(x.Item5)}");

        var after = await CountsAsync();
        output.WriteLine($"{sent} requests to {targets.Count} endpoints in {watch.Elapsed.TotalSeconds:0} s: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        sent.ShouldBeGreaterThan(0);
        (after.Workers - before.Workers).ShouldBe(created["workers"]);
        (after.Deployments - before.Deployments).ShouldBe(created["deployments"]);
        (after.Units - before.Units).ShouldBe(0);
    }

    /// <summary>Every route of the host that a caller can send input to: the minimal APIs (all methods) and the pages (GET).</summary>
    private List<Target> Targets()
    {
        var targets = new List<Target>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/_") || pattern.Contains('.') || pattern.StartsWith("/health/") || pattern.StartsWith("/openapi") || pattern.StartsWith("/scalar")) continue;
            var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => !page || m == "GET")) targets.Add(new Target(method, pattern, page));
        }
        return targets.Distinct().ToList();
    }

    /// <summary>A query value as a URL can carry it (Uri.EscapeDataString refuses half a surrogate pair).</summary>
    private static string Safe(string value) => new string(value.Where(c => !char.IsSurrogate(c)).ToArray());

    private static string Fill(string pattern, Guid id) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([^}:?]+)[^}]*\}", m => m.Groups[1].Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? id.ToString() : "x");

    /// <summary>A valid body of the endpoint's shape, then (mutations 0–8) one field changed, an extra field, or broken JSON.</summary>
    private static string Body(string pattern, Guid[] ids, int mutation, int fieldSeed, string value)
    {
        var body = pattern switch
        {
            var p when p.StartsWith("/api/v1/workers") => new JsonObject
            {
                ["fullName"] = "模糊测试", ["gender"] = "Male", ["nationalId"] = Core.Policy.NationalIdNumber.Compose("331002", new DateOnly(1988, 3, 4), 100 + fieldSeed % 400),
                ["mobile"] = "13900000009", ["unitId"] = ids[1].ToString(), ["category"] = "Other", ["politicalStatus"] = "Masses", ["version"] = 0,
            },
            var p when p.StartsWith("/api/v1/deployments") => new JsonObject
            {
                ["workerId"] = ids[0].ToString(), ["postKind"] = "Hospital", ["place"] = "模糊医院", ["startDate"] = "2026-11-01", ["riskClass"] = "II", ["note"] = "n",
            },
            _ => new JsonObject
            {
                ["workerId"] = ids[0].ToString(), ["day"] = "2026-11-22", ["morningTemperature"] = 36.5, ["testResult"] = "NotTested", ["note"] = "n",
            },
        };
        var fields = body.Select(f => f.Key).ToList();
        var field = fields[fieldSeed % fields.Count];
        switch (mutation)
        {
            case 0: body[field] = value; break;
            case 1: body[field] = fieldSeed; break;
            case 2: body[field] = null; break;
            case 3: body[field] = new JsonArray(value); break;
            case 4: body[field] = new JsonObject { ["x"] = value }; break;
            case 5: body["extra" + fieldSeed] = value; break;
            case 6: body[field] = value + "\u0000"; break;
            case 7: return body.ToJsonString()[..Math.Max(1, fieldSeed % Math.Max(2, body.ToJsonString().Length))];
        }
        return body.ToJsonString();
    }

    private async Task<Guid[]> IdsAsync()
    {
        await using var db = host.Data.NewContext();
        var haimen = await host.Data.UnitIdAsync("东山社区");
        var own = await db.Workers.Where(w => w.UnitId == haimen).Select(w => w.Id).FirstAsync();
        var outside = await db.Workers.Where(w => w.UnitId != haimen).Select(w => w.Id).FirstAsync();
        var deployment = await db.Deployments.Select(d => d.Id).FirstAsync();
        return [own, haimen, outside, deployment, Guid.NewGuid()];
    }

    private async Task<(int Workers, int Deployments, int Units)> CountsAsync()
    {
        await using var db = host.Data.NewContext();
        return (await db.Workers.CountAsync(), await db.Deployments.CountAsync(), await db.Units.CountAsync());
    }
}
