namespace FrontlineCare.Core.Common;

/// <summary>Who is calling. Services read it; the web host fills it from the cookie or API token.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? UserName { get; }
    /// <summary>The root of the caller's jurisdiction (the account's home unit).</summary>
    Guid? HomeUnitId { get; }
    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    /// <summary>OrgDepartment and UnitCommittee edit workers and deployments; Supervisor and Admin only read.</summary>
    public static bool CanEditPersonnel(this ICurrentUser user) =>
        user.IsInRole(Roles.OrgDepartment) || user.IsInRole(Roles.UnitCommittee);

    /// <summary>
    /// The roles that work with people (OrgDepartment, UnitCommittee, Supervisor) have their home unit's subtree as
    /// personnel jurisdiction; Admin (accounts only) and any role not listed here have none.
    /// </summary>
    public static bool HasPersonnelJurisdiction(this ICurrentUser user) =>
        user.IsInRole(Roles.OrgDepartment) || user.IsInRole(Roles.UnitCommittee) || user.IsInRole(Roles.Supervisor);

    /// <summary>Only the organisation department manages the unit tree.</summary>
    public static bool CanManageUnits(this ICurrentUser user) => user.IsInRole(Roles.OrgDepartment);

    /// <summary>Full national IDs and mobile numbers are for OrgDepartment only; everyone else sees them masked.</summary>
    public static bool SeesPersonalData(this ICurrentUser user) => user.IsInRole(Roles.OrgDepartment);

    /// <summary>Those who call their people (OrgDepartment, the unit committee) see mobile numbers; reviewers see them masked.</summary>
    public static bool SeesFullMobile(this ICurrentUser user) =>
        user.IsInRole(Roles.OrgDepartment) || user.IsInRole(Roles.UnitCommittee);
}
