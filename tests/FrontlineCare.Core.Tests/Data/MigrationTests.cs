using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FrontlineCare.Core.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_the_model_has_no_pending_changes()
    {
        var cs = await PostgresCluster.NewDatabaseAsync();
        await using var db = PostgresCluster.CreateContext(cs);
        // The template was migrated from empty; the clone must report every migration applied.
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run dotnet ef migrations add");
    }

    [Fact]
    public async Task The_overlap_exclusion_constraint_exists()
    {
        var cs = await PostgresCluster.NewDatabaseAsync();
        await using var db = PostgresCluster.CreateContext(cs);
        var count = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_constraint WHERE conname = 'ex_deployments_no_overlap'").SingleAsync();
        count.ShouldBe(1);
    }

    [Fact]
    public async Task The_search_and_paging_indexes_exist_under_their_own_names()
    {
        var cs = await PostgresCluster.NewDatabaseAsync();
        await using var db = PostgresCluster.CreateContext(cs);
        var names = await db.Database.SqlQuery<string>($"SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('workers', 'units')").ToListAsync();
        names.ShouldContain("ix_workers_full_name_id");
        names.ShouldContain("ix_workers_full_name_trgm");
        names.ShouldContain("ix_workers_national_id");
        names.ShouldContain("ix_workers_national_id_prefix");
        names.ShouldContain("ix_workers_unit_id_full_name_id");
        names.ShouldContain("ix_units_path_gist");
        names.ShouldContain("ix_units_path_unique");
    }
}
