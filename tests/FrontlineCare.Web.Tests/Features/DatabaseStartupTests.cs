using FrontlineCare.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace FrontlineCare.Web.Tests.Features;

public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Without_a_connection_string_or_postgresql_binaries_the_portal_says_both_ways_out_and_starts_nothing()
    {
        var root = Path.Combine(Path.GetTempPath(), "fc-no-pg-" + Guid.NewGuid().ToString("N"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "",
            ["LocalDatabase:Directory"] = root,
            ["LocalDatabase:BinDirectory"] = "/nonexistent/postgresql/bin",
        }).Build();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var (connectionString, local) = await DatabaseStartup.ResolveAsync(config, root);
            connectionString.ShouldBeNull();
            local.ShouldBeNull();
        }
        finally
        {
            Console.SetError(original);
        }
        error.ToString().ShouldContain("ConnectionStrings__Default");
        error.ToString().ShouldContain("apt-get install postgresql");
        Directory.Exists(root).ShouldBeFalse();
    }

    [Fact]
    public async Task A_configured_connection_string_is_used_as_it_is_and_nothing_is_started()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Host=db.example;Database=frontlinecare",
            ["LocalDatabase:BinDirectory"] = "/nonexistent/postgresql/bin",
        }).Build();
        var (connectionString, local) = await DatabaseStartup.ResolveAsync(config, Path.GetTempPath());
        connectionString.ShouldBe("Host=db.example;Database=frontlinecare");
        local.ShouldBeNull();
    }
}
