using System.Diagnostics;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.PolicyProfiles;
using FrontlineCare.Core.Policy.Measures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FrontlineCare.Core.Features.ForcedRest;

/// <summary>What one sweep did; <see cref="Ran"/> is false when another portal instance was sweeping at that moment.</summary>
public sealed record OverloadSweepResult(bool Ran, long Findings, long CasesOpened, long CasesExtended, TimeSpan Elapsed);

/// <summary>
/// B2 over everyone at once: finds every overload in the recent duty of all workers (set-based, one SQL statement
/// per slice of workers) and opens or extends their forced-rest cases, with audit entries, exactly as saving a duty grid does
/// for the people in it. Several portal instances may run it at the same moment: a PostgreSQL advisory lock lets one
/// sweep at a time and the others return at once, and the one-open-case-per-person index stops any duplicate.
/// </summary>
public sealed class OverloadSweep(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<OverloadSweep> logger, PortalMetrics metrics)
{
    /// <summary>The advisory lock key of the sweep ("B2SW").</summary>
    public const long LockKey = 0x4232_5357;
    public const string Actor = "system:B2";

    private const string Sql = "WITH " + B2OverloadSql.FindingsCte + """
        ,
        b2_settled AS (
            SELECT worker_id, max(coalesce(rest_to, (closed_at AT TIME ZONE 'Asia/Shanghai')::date)) AS settled
            FROM forced_rest_cases WHERE status IN ('Rested', 'Waived') GROUP BY worker_id),
        b2_fresh AS (
            SELECT f.* FROM b2_findings f LEFT JOIN b2_settled s ON s.worker_id = f.worker_id
            WHERE s.settled IS NULL OR f.to_day > s.settled),
        b2_first AS (
            SELECT DISTINCT ON (worker_id) worker_id, kind, from_day, value, lim,
                   max(to_day) OVER (PARTITION BY worker_id) AS period_to
            FROM b2_fresh ORDER BY worker_id, from_day, kind_order),
        b2_fresh_max AS (
            SELECT worker_id, kind, from_day, max(value) AS value FROM b2_fresh GROUP BY worker_id, kind, from_day),
        b2_open AS (
            SELECT c.id, c.worker_id, c.period_to AS old_to, c.value AS old_value,
                   greatest(c.period_to, f.period_to) AS new_to,
                   greatest(c.value, coalesce(x.value, c.value)) AS new_value
            FROM forced_rest_cases c
            JOIN b2_first f ON f.worker_id = c.worker_id
            LEFT JOIN b2_fresh_max x ON x.worker_id = c.worker_id AND x.kind = c.kind AND x.from_day = c.period_from
            WHERE c.status IN ('Open', 'RestScheduled')),
        b2_extended AS (
            UPDATE forced_rest_cases c SET period_to = o.new_to, value = o.new_value
            FROM b2_open o
            WHERE c.id = o.id AND (o.new_to > o.old_to OR o.new_value > o.old_value)
            RETURNING c.id, c.worker_id, o.old_to, o.new_to, o.old_value, o.new_value),
        b2_opened AS (
            INSERT INTO forced_rest_cases (id, worker_id, kind, period_from, period_to, value, "limit", status, opened_at)
            SELECT gen_random_uuid(), f.worker_id, f.kind, f.from_day, f.period_to, f.value, f.lim, 'Open', @now
            FROM b2_first f
            WHERE NOT EXISTS (SELECT 1 FROM forced_rest_cases c
                              WHERE c.worker_id = f.worker_id AND c.status IN ('Open', 'RestScheduled'))
            ON CONFLICT DO NOTHING
            RETURNING id, worker_id, kind, period_from, period_to, value, "limit"),
        b2_audit AS (
            INSERT INTO audit_entries (at, user_name, entity, entity_key, worker_id, action, changes)
            SELECT @now, @actor, 'ForcedRestCase', id::text, worker_id, 'Insert', jsonb_build_object(
                       'Id', jsonb_build_object('Old', NULL, 'New', id::text),
                       'WorkerId', jsonb_build_object('Old', NULL, 'New', worker_id::text),
                       'Kind', jsonb_build_object('Old', NULL, 'New', kind),
                       'PeriodFrom', jsonb_build_object('Old', NULL, 'New', to_char(period_from, 'YYYY-MM-DD')),
                       'PeriodTo', jsonb_build_object('Old', NULL, 'New', to_char(period_to, 'YYYY-MM-DD')),
                       'Value', jsonb_build_object('Old', NULL, 'New', value::text),
                       'Limit', jsonb_build_object('Old', NULL, 'New', "limit"::text),
                       'Status', jsonb_build_object('Old', NULL, 'New', 'Open'))
            FROM b2_opened
            UNION ALL
            SELECT @now, @actor, 'ForcedRestCase', id::text, worker_id, 'Update', jsonb_build_object(
                       'PeriodTo', jsonb_build_object('Old', to_char(old_to, 'YYYY-MM-DD'), 'New', to_char(new_to, 'YYYY-MM-DD')),
                       'Value', jsonb_build_object('Old', old_value::text, 'New', new_value::text))
            FROM b2_extended
            RETURNING 1)
        SELECT (SELECT count(*) FROM b2_findings), (SELECT count(*) FROM b2_opened),
               (SELECT count(*) FROM b2_extended), (SELECT count(*) FROM b2_audit)
        """;

    /// <summary>
    /// Sweeps all workers, split by id into one slice per core, each slice on its own connection and transaction
    /// (the window functions of one statement run on one core). The advisory lock is held on a further connection
    /// for the whole run.
    /// </summary>
    /// <remarks>Runs whole again after a transient failure (<see cref="Data.Retrying"/>).</remarks>
    public async Task<OverloadSweepResult> RunAsync(CancellationToken ct = default)
    {
        using var activity = PortalMetrics.Activities.StartActivity("B2 overload sweep");
        var result = await dbFactory.RetryingAsync(() => RunOnceAsync(ct), ct);
        if (result.Ran) metrics.SweepFinished(result.Elapsed, result.Findings, result.CasesOpened, result.CasesExtended);
        else metrics.SweepSkipped();
        activity?.SetTag(PortalMetrics.OutcomeTag, result.Ran ? "swept" : "skipped");
        return result;
    }

    private async Task<OverloadSweepResult> RunOnceAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var lockDb = await dbFactory.CreateDbContextAsync(ct);
        await using var lockTx = await lockDb.Database.BeginTransactionAsync(ct);
        if (!await lockDb.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct))
        {
            logger.LogInformation("B2 sweep skipped: another instance is sweeping");
            return new OverloadSweepResult(false, 0, 0, 0, watch.Elapsed);
        }
        var today = clock.Today();
        var profiles = await PolicyProfileService.AllAsync(lockDb, today, ct);
        var from = today.AddDays(-profiles.Values.Max(p => B2Overload.LookBackDays(p.B2)));

        // Slices of about equal size, cut at worker ids (uuid order, the order of the covering index).
        var slices = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var workers = await lockDb.Workers.CountAsync(ct);
        var bounds = new List<Guid> { Guid.Empty };
        for (var i = 1; i < slices && workers > 0; i++)
            bounds.Add(await lockDb.Workers.OrderBy(w => w.Id).Skip(workers * i / slices).Select(w => w.Id).FirstAsync(ct));
        bounds.Add(LastPossibleId);
        var ranges = bounds.Zip(bounds.Skip(1)).Where(r => r.First != r.Second).ToList();
        var results = await Task.WhenAll(ranges.Select(r => SweepSliceAsync(r.First, r.Second, from, today, profiles.Values.ToList(), ct)));
        await lockTx.CommitAsync(ct);

        var result = new OverloadSweepResult(true, results.Sum(r => r.Findings), results.Sum(r => r.CasesOpened), results.Sum(r => r.CasesExtended), watch.Elapsed);
        logger.LogInformation("B2 sweep from {From} in {Slices} slices: {Findings} findings, {Opened} cases opened, {Extended} extended in {Elapsed} ms",
            from, ranges.Count, result.Findings, result.CasesOpened, result.CasesExtended, (long)result.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>Above every id a version 4 or 7 uuid can have: the exclusive end of the last slice.</summary>
    private static readonly Guid LastPossibleId = Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff");

    /// <summary>The sweep of the workers with ids in [<paramref name="first"/>, <paramref name="until"/>).</summary>
    private async Task<OverloadSweepResult> SweepSliceAsync(
        Guid first, Guid until, DateOnly from, DateOnly today, IReadOnlyList<Policy.PolicyParameters> limits, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var sweep = new NpgsqlCommand(Sql, connection, (NpgsqlTransaction)tx.GetDbTransaction()) { CommandTimeout = 900 };
        sweep.Parameters.AddWithValue("first_worker", first);
        sweep.Parameters.AddWithValue("until_worker", until);
        sweep.Parameters.AddWithValue("from", from);
        sweep.Parameters.AddWithValue("to", today);
        sweep.Parameters.AddWithValue("now", clock.GetUtcNow());
        sweep.Parameters.AddWithValue("actor", Actor);
        sweep.Parameters.AddWithValue("profiles", limits.Select(p => p.Profile.ToString()).ToArray());
        sweep.Parameters.AddWithValue("max_days", limits.Select(p => p.B2.MaxConsecutiveDutyDays.Value).ToArray());
        sweep.Parameters.AddWithValue("max_shift", limits.Select(p => p.B2.MaxShiftHours.Value).ToArray());
        sweep.Parameters.AddWithValue("max_week", limits.Select(p => p.B2.MaxHoursIn7Days.Value).ToArray());
        sweep.Parameters.AddWithValue("max_high", limits.Select(p => p.B2.MaxHighRiskPostDays.Value).ToArray());
        var runDays = limits.Min(p => p.B2.MaxConsecutiveDutyDays.Value);
        var riskDays = limits.Min(p => p.B2.MaxHighRiskPostDays.Value);
        sweep.Parameters.AddWithValue("run_days", runDays);
        sweep.Parameters.AddWithValue("risk_days", riskDays);
        sweep.Parameters.AddWithValue("run_frame", TimeSpan.FromDays(runDays));
        sweep.Parameters.AddWithValue("risk_frame", TimeSpan.FromDays(riskDays));
        OverloadSweepResult result;
        await using (var reader = await sweep.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            result = new OverloadSweepResult(true, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), TimeSpan.Zero);
        }
        await tx.CommitAsync(ct);
        return result;
    }
}
