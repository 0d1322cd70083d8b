using FrontlineCare.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FrontlineCare.Core.Data.Interceptors;

/// <summary>
/// The last line behind every form's own check: no text with a control character
/// (<see cref="ValidationExtensions.IndexOfUnsafeCharacter"/>) reaches the database, whichever service wrote it. The
/// save is refused before any statement is sent, so nothing of it is stored; <see cref="SaveExtensions.SaveOrConflictAsync"/>
/// turns the refusal into field errors named after the properties.
/// </summary>
public sealed class UnsafeTextInterceptor : SaveChangesInterceptor
{
    public static readonly UnsafeTextInterceptor Instance = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Check(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Check(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Check(DbContext context)
    {
        var unsafeFields = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .SelectMany(e => e.Properties)
            .Where(p => p.Metadata.ClrType == typeof(string) && (p.EntityEntry.State == EntityState.Added || p.IsModified)
                        && ValidationExtensions.HasUnsafeCharacter(p.CurrentValue as string))
            .Select(p => p.Metadata.Name)
            .Distinct()
            .ToList();
        if (unsafeFields.Count > 0) throw new UnsafeTextException(unsafeFields);
    }
}

/// <summary>A save refused because these properties held a control character (their values are not in the message).</summary>
public sealed class UnsafeTextException(IReadOnlyList<string> fields)
    : InvalidOperationException($"Text with a control character refused in: {string.Join(", ", fields)}")
{
    public IReadOnlyList<string> Fields { get; } = fields;
}
