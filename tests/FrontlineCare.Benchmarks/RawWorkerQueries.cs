using FrontlineCare.Core.Features.Workers;
using Npgsql;
using NpgsqlTypes;

namespace FrontlineCare.Benchmarks;

/// <summary>
/// The peer: the portal's list page for the root jurisdiction written by hand against Npgsql — the same
/// columns, the join to units for the unit name, the "deployed now" EXISTS, ORDER BY full_name, id with a
/// row-value keyset comparison and LIMIT page size + 1 — read into the same <see cref="WorkerListItem"/> records.
/// Same connection string (pool, no auto-prepare) as the portal, so the difference is EF Core and the service.
/// Like EF Core's SQL, the LIMIT sits in a derived table and the join and EXISTS wrap it: written flat
/// (JOIN … ORDER BY … LIMIT), PostgreSQL plans the EXISTS as a hashed subplan over every current deployment,
/// which costs a scan of the deployments table on every page.
/// </summary>
internal sealed class RawWorkerQueries(NpgsqlDataSource dataSource, DateOnly today)
{
    private static readonly string FirstPageSql = PageSql(null);
    private static readonly string AfterSql = PageSql("(w.full_name, w.id) > (@name, @id)");

    public static string Sql(bool keyset) => keyset ? AfterSql : FirstPageSql;

    /// <summary>The page query; <paramref name="where"/> filters the workers (alias <c>w</c>).</summary>
    private static string PageSql(string? where) => $"""
        SELECT page.id, page.full_name, page.gender, page.national_id, page.mobile, page.unit_id, u.name, page.category,
               page.political_status, page.position,
               EXISTS (SELECT 1 FROM deployments AS d
                       WHERE d.worker_id = page.id AND d.start_date <= @today AND (d.end_date IS NULL OR d.end_date >= @today)),
               page.updated_at
        FROM (
            SELECT w.id, w.full_name, w.gender, w.national_id, w.mobile, w.unit_id, w.category, w.political_status, w.position, w.updated_at
            FROM workers AS w{(where is null ? "" : "\n    WHERE " + where)}
            ORDER BY w.full_name, w.id
            LIMIT @limit
        ) AS page
        JOIN units AS u ON u.id = page.unit_id
        ORDER BY page.full_name, page.id
        """;

    /// <summary>
    /// A filter's first page and its capped total — like for like with the service, which counts (up to
    /// <see cref="WorkerService.CountCap"/>) on the first request of a filter so the grid can show "1–20 of N".
    /// </summary>
    public async Task<List<WorkerListItem>> FirstPageAsync(int pageSize, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(FirstPageSql);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("today", NpgsqlDbType.Date) { TypedValue = today });
        cmd.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = pageSize + 1 });
        var rows = await ReadPageAsync(cmd, pageSize, ct);
        await using var count = dataSource.CreateCommand("SELECT count(*)::int FROM (SELECT 1 FROM workers AS w LIMIT @cap) AS t");
        count.Parameters.Add(new NpgsqlParameter<int>("cap", NpgsqlDbType.Integer) { TypedValue = WorkerService.CountCap + 1 });
        _ = await count.ExecuteScalarAsync(ct);
        return rows;
    }

    public async Task<List<WorkerListItem>> AfterAsync(string fullName, Guid id, int pageSize, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(AfterSql);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("today", NpgsqlDbType.Date) { TypedValue = today });
        cmd.Parameters.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Varchar) { TypedValue = fullName });
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = pageSize + 1 });
        return await ReadPageAsync(cmd, pageSize, ct);
    }

    private static async Task<List<WorkerListItem>> ReadPageAsync(NpgsqlCommand cmd, int pageSize, CancellationToken ct)
    {
        var rows = new List<WorkerListItem>(pageSize + 1);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new WorkerListItem(
                reader.GetGuid(0),
                reader.GetString(1),
                Enum.Parse<Gender>(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetGuid(5),
                reader.GetString(6),
                Enum.Parse<WorkerCategory>(reader.GetString(7)),
                Enum.Parse<PoliticalStatus>(reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetBoolean(10),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }
        // Like the service: the extra row only says there is a next page.
        if (rows.Count > pageSize) rows.RemoveAt(rows.Count - 1);
        return rows;
    }
}
