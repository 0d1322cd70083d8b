using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Common;

public static class SaveExtensions
{
    /// <summary>
    /// Saves, turning a lost race into a result the user can act on: a stale version (someone saved first) is a
    /// Conflict asking to reload; with <paramref name="duplicateMessage"/>, a unique-index violation is a Conflict
    /// with that message.
    /// </summary>
    public static async Task<Result> SaveOrConflictAsync(this DbContext db, CancellationToken ct, string? duplicateMessage = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (Data.Interceptors.UnsafeTextException ex)
        {
            return Result.Invalid(ex.Fields.Select(f => new FieldError(f, Messages.ControlCharacters)).ToList());
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(Messages.ConcurrencyConflict);
        }
        catch (DbUpdateException ex) when (duplicateMessage is not null && ex.IsUniqueViolation())
        {
            return Result.Conflict(duplicateMessage);
        }
    }
}
