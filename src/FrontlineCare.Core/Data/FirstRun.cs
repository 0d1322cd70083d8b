using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Accounts;
using FrontlineCare.Core.Features.Units;
using FrontlineCare.Core.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Data;

/// <summary>
/// The first start of a real installation: an empty database gets its root unit and one Admin account, from
/// configuration. Everything else is then done in the portal. Does nothing once any unit exists.
/// </summary>
public static class FirstRun
{
    public static async Task<bool> EnsureRootAndAdminAsync(
        AppDbContext db, UserManager<AppUser> users, TimeProvider clock,
        string rootName, PolicyProfileCode profile, string adminUserName, string adminPassword, CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(ct)) return false;
        if (!PasswordPolicy.IsStrong(adminPassword))
            throw new InvalidOperationException("Bootstrap:AdminPassword is too weak: at least 10 characters with upper-case, lower-case letters and digits.");
        var id = Guid.CreateVersion7();
        db.Units.Add(new Unit { Id = id, Name = rootName, Kind = UnitKind.Region, ProfileOverride = profile, Path = new LTree(Unit.Label(id)) });
        await db.SaveChangesAsync(ct);
        var admin = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = adminUserName,
            DisplayName = adminUserName,
            HomeUnitId = id,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(admin, adminPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        return true;
    }
}
