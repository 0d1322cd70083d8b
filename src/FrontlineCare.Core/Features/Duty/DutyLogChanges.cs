using FrontlineCare.Core.Data;
using FrontlineCare.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FrontlineCare.Core.Features.Duty;

/// <summary>
/// The cells a grid save changes, written set-based: one statement each for the updated, deleted and added logs and
/// one for their audit entries (one entry per changed log, as the audit interceptor writes them), instead of a
/// tracked entity and an INSERT per cell. Updates and deletes carry the version the grid read, so a log someone else
/// changed in between is detected, not overwritten.
/// </summary>
internal sealed class DutyLogChanges
{
    private readonly List<DutyLog> added = [];
    private readonly List<(DutyLog Log, decimal OldHours)> updated = [];
    private readonly List<DutyLog> removed = [];

    public bool IsEmpty => added.Count + updated.Count + removed.Count == 0;

    public void Add(DutyLog log) => added.Add(log);

    public void Update(DutyLog log, decimal hours)
    {
        updated.Add((log, log.Hours));
        log.Hours = hours;
    }

    public void Remove(DutyLog log) => removed.Add(log);

    /// <summary>
    /// Writes the changes inside the context's current transaction. Returns false when a log was changed or deleted
    /// by someone else since it was read; the caller then rolls back. A cell added by someone else in between fails
    /// the unique index (<see cref="PostgresErrorCodes.UniqueViolation"/>).
    /// </summary>
    public async Task<bool> SaveAsync(AppDbContext db, Guid? userId, string? userName, DateTimeOffset now, CancellationToken ct)
    {
        if (IsEmpty) return true;
        var type = db.Model.FindEntityType(typeof(DutyLog))!;
        var audit = new AuditTrail.Batch(AuditTrail.EntityName(typeof(DutyLog))!);
        foreach (var log in added)
            audit.Add(log.Id.ToString(), log.WorkerId, AuditAction.Insert, AuditTrail.Snapshot(type, log, AuditAction.Insert));
        foreach (var (log, old) in updated)
            audit.Add(log.Id.ToString(), log.WorkerId, AuditAction.Update,
                new() { [nameof(DutyLog.Hours)] = new AuditChange(AuditTrail.Format(old), AuditTrail.Format(log.Hours)) });
        foreach (var log in removed)
            audit.Add(log.Id.ToString(), log.WorkerId, AuditAction.Delete, AuditTrail.Snapshot(type, log, AuditAction.Delete));

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        batch.BatchCommands.Add(Command("""
            UPDATE duty_logs l SET hours = u.hours, updated_at = $1
            FROM unnest($2::uuid[], $3::numeric[], $4::xid[]) AS u(id, hours, version)
            WHERE l.id = u.id AND l.xmin = u.version
            """, now, updated.Select(u => u.Log.Id).ToArray(), updated.Select(u => u.Log.Hours).ToArray(), Versions(updated.Select(u => u.Log))));
        batch.BatchCommands.Add(Command("""
            DELETE FROM duty_logs l USING unnest($1::uuid[], $2::xid[]) AS d(id, version)
            WHERE l.id = d.id AND l.xmin = d.version
            """, removed.Select(l => l.Id).ToArray(), Versions(removed)));
        batch.BatchCommands.Add(Command("""
            INSERT INTO duty_logs (id, deployment_id, worker_id, day, hours, high_risk, created_at, updated_at)
            SELECT id, deployment_id, worker_id, day, hours, high_risk, $1, $1
            FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::numeric[], $7::boolean[])
                 AS a(id, deployment_id, worker_id, day, hours, high_risk)
            """, now, added.Select(l => l.Id).ToArray(), added.Select(l => l.DeploymentId).ToArray(), added.Select(l => l.WorkerId).ToArray(),
            added.Select(l => l.Day).ToArray(), added.Select(l => l.Hours).ToArray(), added.Select(l => l.HighRisk).ToArray()));
        batch.BatchCommands.Add(audit.Command(now, userId, userName));
        await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands[0].RecordsAffected == updated.Count && batch.BatchCommands[1].RecordsAffected == removed.Count;
    }

    private static NpgsqlParameter Versions(IEnumerable<DutyLog> logs) =>
        new() { Value = logs.Select(l => l.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Xid };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }
}
