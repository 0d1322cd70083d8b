namespace FrontlineCare.Core.Common;

/// <summary>The four roles of the portal (glossary: OrgDepartment, UnitCommittee, Supervisor; plus Admin).</summary>
public static class Roles
{
    public const string OrgDepartment = nameof(OrgDepartment);
    public const string UnitCommittee = nameof(UnitCommittee);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [OrgDepartment, UnitCommittee, Supervisor, Admin];
}
