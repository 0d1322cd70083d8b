using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace FrontlineCare.Core.Data;

/// <summary>For <c>dotnet ef migrations add</c> only: builds the model without a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var dataSource = new NpgsqlDataSourceBuilder("Host=localhost;Database=frontlinecare_design").Build();
        var options = ServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<AppDbContext>(), dataSource);
        return new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
    }
}
