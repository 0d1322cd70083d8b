using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data;
using FrontlineCare.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Accounts;

/// <summary>Account administration: only Admin, only for accounts whose home unit is in the admin's jurisdiction.</summary>
public sealed class AccountService(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<AppUser> users,
    IValidator<AccountForm> validator,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<AccountItem>>> ListAsync(CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin)) return Result<IReadOnlyList<AccountItem>>.From(Result.Forbidden(Messages.ReadOnlyRole));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForUnitTreeAsync(db, user, ct);
        var now = clock.GetUtcNow();
        var rows = await (
                from a in db.Users
                join u in jurisdiction.Units(db) on a.HomeUnitId equals u.Id
                let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == a.Id select r.Name).FirstOrDefault()
                orderby a.UserName
                select new AccountItem(a.Id, a.UserName!, a.DisplayName, role ?? "", a.HomeUnitId, u.Name,
                    a.LockoutEnd != null && a.LockoutEnd > now))
            .AsNoTracking().ToListAsync(ct);
        return Result<IReadOnlyList<AccountItem>>.Ok(rows);
    }

    public async Task<Result<Guid>> SaveAsync(AccountForm form, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin)) return Result<Guid>.From(Result.Forbidden(Messages.ReadOnlyRole));
        if (await validator.CheckAsync(form, ct) is { } invalid) return Result<Guid>.From(invalid);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var jurisdiction = await Jurisdiction.ForUnitTreeAsync(db, user, ct);
            if (!await jurisdiction.ContainsUnitAsync(db, form.HomeUnitId!.Value, ct))
                return Result<Guid>.From(Result.Invalid(nameof(AccountForm.HomeUnitId), Messages.UnitOutsideJurisdiction));
        }

        AppUser account;
        if (form.Id is { } id)
        {
            var found = await FindInJurisdictionAsync(id, ct);
            if (!found.IsOk) return Result<Guid>.From(found);
            account = found.Value!;
            account.UserName = form.UserName;
            account.DisplayName = form.DisplayName.Trim();
            account.HomeUnitId = form.HomeUnitId!.Value;
            var updated = await users.UpdateAsync(account);
            if (!updated.Succeeded) return Result<Guid>.From(IdentityErrors(updated));
            var current = await users.GetRolesAsync(account);
            if (!current.SequenceEqual([form.Role!]))
            {
                await users.RemoveFromRolesAsync(account, current);
                await users.AddToRoleAsync(account, form.Role!);
            }
            // Role and home unit are claims in the sign-in cookie: make existing sessions sign in again.
            await users.UpdateSecurityStampAsync(account);
        }
        else
        {
            account = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = form.UserName,
                DisplayName = form.DisplayName.Trim(),
                HomeUnitId = form.HomeUnitId!.Value,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(account, form.Password!);
            if (!created.Succeeded) return Result<Guid>.From(IdentityErrors(created));
            await users.AddToRoleAsync(account, form.Role!);
        }
        return Result<Guid>.Ok(account.Id);
    }

    public async Task<Result> ResetPasswordAsync(Guid id, string newPassword, CancellationToken ct = default)
    {
        if (!PasswordPolicy.IsStrong(newPassword)) return Result.Invalid("Password", Messages.PasswordTooWeak);
        var found = await FindInJurisdictionAsync(id, ct);
        if (!found.IsOk) return found;
        var token = await users.GeneratePasswordResetTokenAsync(found.Value!);
        var reset = await users.ResetPasswordAsync(found.Value!, token, newPassword);
        return reset.Succeeded ? Result.Ok() : IdentityErrors(reset);
    }

    public async Task<Result> SetLockedAsync(Guid id, bool locked, CancellationToken ct = default)
    {
        if (id == user.UserId && locked) return Result.Invalid("", Messages.CannotLockSelf);
        var found = await FindInJurisdictionAsync(id, ct);
        if (!found.IsOk) return found;
        var account = found.Value!;
        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(account);
        await users.UpdateSecurityStampAsync(account);
        return Result.Ok();
    }

    private async Task<Result<AppUser>> FindInJurisdictionAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin)) return Result<AppUser>.From(Result.Forbidden(Messages.ReadOnlyRole));
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return Result<AppUser>.From(Result.NotFound());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jurisdiction = await Jurisdiction.ForUnitTreeAsync(db, user, ct);
        if (!await jurisdiction.ContainsUnitAsync(db, account.HomeUnitId, ct))
            return Result<AppUser>.From(Jurisdiction.Hidden());
        return Result<AppUser>.Ok(account);
    }

    private static Result IdentityErrors(IdentityResult result) => Result.Invalid(result.Errors
        .Select(e => e.Code switch
        {
            "DuplicateUserName" => new FieldError(nameof(AccountForm.UserName), Messages.UserNameTaken),
            var c when c.StartsWith("Password", StringComparison.Ordinal) => new FieldError(nameof(AccountForm.Password), Messages.PasswordTooWeak),
            "InvalidUserName" => new FieldError(nameof(AccountForm.UserName), Messages.UserNameFormat),
            _ => new FieldError("", e.Description),
        })
        .DistinctBy(e => e.Field)
        .ToList());
}
