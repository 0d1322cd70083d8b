namespace FrontlineCare.Core.Features.Audit;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    /// <summary>Someone opened a record whose every view is kept (an injury or death case, D5).</summary>
    View,
}

/// <summary>One change to one domain record, written by the audit interceptor in the same transaction.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    /// <summary>The worker the record belongs to (the worker itself, or the worker of a deployment), so a person's
    /// history, deleted records included, is one indexed query.</summary>
    public Guid? WorkerId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>Changed fields: name → [old, new], stored as jsonb.</summary>
    public Dictionary<string, AuditChange> Changes { get; set; } = [];
}

public sealed record AuditChange(string? Old, string? New);
