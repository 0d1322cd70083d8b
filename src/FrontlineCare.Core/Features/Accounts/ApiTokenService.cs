using System.Security.Cryptography;
using System.Text;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Accounts;

public sealed record ApiTokenItem(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Personal API tokens (H2): created and revoked by their owner, stored only as a SHA-256 hash.</summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser user, TimeProvider clock)
{
    public const string TokenPrefix = "fc_";

    public async Task<IReadOnlyList<ApiTokenItem>> ListMineAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenItem(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    /// <summary>Creates a token and returns its plain text: the only time anyone sees it.</summary>
    public async Task<Result<string>> CreateAsync(string name, CancellationToken ct = default)
    {
        if (user.UserId is not { } owner) return Result<string>.From(Result.Forbidden(Messages.ReadOnlyRole));
        if (string.IsNullOrWhiteSpace(name)) return Result<string>.From(Result.Invalid("Name", Messages.TokenNameRequired));
        if (name.Trim().Length > 50) return Result<string>.From(Result.Invalid("Name", string.Format(Messages.TooLong, 50)));
        var token = TokenPrefix + Base64UrlToken(32);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = owner,
            Name = name.Trim(),
            Prefix = token[..10],
            Hash = Hash(token),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(token);
    }

    public async Task<Result> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return Result.NotFound();
        if (token.UserId != user.UserId) return Jurisdiction.Hidden();
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>The owner of a valid, unrevoked token, or null. Runs before any user is known (authentication).</summary>
    public static async Task<Guid?> ValidateAsync(AppDbContext db, string token, TimeProvider clock, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = Hash(token);
        var found = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (found is null) return null;
        var now = clock.GetUtcNow();
        // Last use is shown to the owner; a minute's precision is enough and saves a write per request.
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return found.UserId;
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken(int bytes) => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
