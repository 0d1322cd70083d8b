using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Audit;
using FrontlineCare.Core.Features.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FrontlineCare.Core.Data.Interceptors;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per inserted, updated or deleted domain record, in the same
/// SaveChanges (so the same transaction) as the change itself, and stamps CreatedAt/UpdatedAt.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Audit(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Audit(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Audit(DbContext context)
    {
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && AuditTrail.EntityName(e.Metadata.ClrType) is not null)
            .ToList();

        foreach (var entry in entries)
        {
            Stamp(entry, now);
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            context.Add(new AuditEntry
            {
                At = now,
                UserId = currentUser.UserId,
                UserName = currentUser.UserName,
                Entity = AuditTrail.EntityName(entry.Metadata.ClrType)!,
                EntityKey = Key(entry),
                WorkerId = WorkerOf(entry),
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Insert,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
                Changes = changes,
            });
        }
    }

    private static void Stamp(EntityEntry entry, DateTimeOffset now)
    {
        var updated = entry.Metadata.FindProperty("UpdatedAt");
        if (updated is not null && entry.State is EntityState.Added or EntityState.Modified)
            entry.Property("UpdatedAt").CurrentValue = now;
        var created = entry.Metadata.FindProperty("CreatedAt");
        if (created is not null && entry.State == EntityState.Added)
            entry.Property("CreatedAt").CurrentValue = now;
    }

    /// <summary>The worker a record belongs to: the worker itself, or the value of its WorkerId (before a delete too).</summary>
    private static Guid? WorkerOf(EntityEntry entry)
    {
        if (entry.Entity is FrontlineWorker worker) return worker.Id;
        if (entry.Metadata.FindProperty("WorkerId") is null) return null;
        var property = entry.Property("WorkerId");
        return (entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue) as Guid?;
    }

    private static string Key(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => AuditTrail.Format(entry.Property(p.Name).CurrentValue)));

    private static Dictionary<string, AuditChange> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, AuditChange>();
        // Value objects mapped as complex properties (a report's figures) are audited field by field: "Figures.CasesOpen".
        var properties = entry.Properties.Select(p => (Name: p.Metadata.Name, Property: p))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", Property: p))));
        foreach (var (name, property) in properties)
        {
            if (!AuditTrail.Records(property.Metadata)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    if (property.CurrentValue is not null)
                        changes[name] = new AuditChange(null, AuditTrail.Format(property.CurrentValue));
                    break;
                case EntityState.Deleted:
                    changes[name] = new AuditChange(AuditTrail.Format(property.OriginalValue), null);
                    break;
                case EntityState.Modified when property.IsModified:
                    var (old, @new) = (AuditTrail.Format(property.OriginalValue), AuditTrail.Format(property.CurrentValue));
                    if (old != @new) changes[name] = new AuditChange(old, @new);
                    break;
            }
        }
        return changes;
    }
}
