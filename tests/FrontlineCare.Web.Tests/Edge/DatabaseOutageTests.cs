using System.Net;
using System.Net.Http.Json;
using FrontlineCare.Web.Tests.Support;
using Npgsql;

namespace FrontlineCare.Web.Tests.Edge;

/// <summary>Issue #14: a database the portal cannot reach is answered with 503 and Retry-After, never a 500, and the portal recovers.</summary>
public sealed class DatabaseOutageTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_unreachable_database_answers_503_with_retry_after_and_the_portal_recovers()
    {
        var token = await host.TokenForAsync("orgdept");
        var client = host.Client(token);
        var worker = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/workers?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var database = new NpgsqlConnectionStringBuilder(host.Data.ConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        try
        {
            var write = await client.PostAsJsonAsync("/api/v1/deployments", new { workerId = worker, postKind = "Hospital", place = "停机测试", startDate = "2026-11-01", riskClass = "II" });
            write.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await write.Content.ReadAsStringAsync());
            write.Headers.RetryAfter.ShouldNotBeNull();
            write.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

            using var page = new HttpRequestMessage(HttpMethod.Get, "/workers");
            page.Headers.Accept.ParseAdd("text/html");
            var answer = await client.SendAsync(page);
            answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            answer.Headers.RetryAfter.ShouldNotBeNull();
            answer.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            (await answer.Content.ReadAsStringAsync()).ShouldContain("暂时无法访问数据库");
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }

        (await client.GetAsync("/api/v1/workers?pageSize=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Nothing was half-written (on a connection of its own: the test's pooled ones were terminated too).
        await using var check = new NpgsqlConnection(host.Data.ConnectionString + ";Pooling=false");
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM deployments WHERE place = '停机测试'", check);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }

    private async Task AdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(host.Data.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
