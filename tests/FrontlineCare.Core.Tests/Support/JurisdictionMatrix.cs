using FrontlineCare.Core.Common;
using static FrontlineCare.Core.Tests.Support.Outcome;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// The jurisdiction matrix shared by every service's tests. Each row: the caller's role, their home unit, the unit
/// of the record (东山社区 is in 海门街道, 白云社区 in 白云街道, both in 椒江区; 府山街道 is in 绍兴市), and the outcome.
/// </summary>
public static class JurisdictionMatrix
{
    /// <summary>Reading: everyone reads their own jurisdiction and nothing outside it (outside answers like missing).</summary>
    public static TheoryData<string, string, string, string> Reads => new()
    {
        { Roles.OrgDepartment, "椒江区", "东山社区", Ok },
        { Roles.OrgDepartment, "椒江区", "白云社区", Ok },
        { Roles.OrgDepartment, "椒江区", "府山街道", NotFound },
        { Roles.UnitCommittee, "海门街道", "东山社区", Ok },
        { Roles.UnitCommittee, "海门街道", "海门街道", Ok },
        { Roles.UnitCommittee, "海门街道", "白云社区", NotFound },
        { Roles.UnitCommittee, "海门街道", "府山街道", NotFound },
        { Roles.Supervisor, "椒江区", "东山社区", Ok },
        { Roles.Supervisor, "椒江区", "白云社区", Ok },
        { Roles.Supervisor, "椒江区", "府山街道", NotFound },
        // Admin manages accounts and has no personnel jurisdiction: every record is not found, every list empty.
        { Roles.Admin, "浙江省", "东山社区", NotFound },
        { Roles.Admin, "浙江省", "府山街道", NotFound },
    };

    /// <summary>Changing an existing record: editing roles within their jurisdiction only; reviewers never.</summary>
    public static TheoryData<string, string, string, string> Edits => new()
    {
        { Roles.OrgDepartment, "椒江区", "东山社区", Ok },
        { Roles.OrgDepartment, "椒江区", "白云社区", Ok },
        { Roles.OrgDepartment, "椒江区", "府山街道", NotFound },
        { Roles.UnitCommittee, "海门街道", "东山社区", Ok },
        { Roles.UnitCommittee, "海门街道", "白云社区", NotFound },
        { Roles.UnitCommittee, "海门街道", "府山街道", NotFound },
        { Roles.Supervisor, "椒江区", "东山社区", ReadOnlyRole },
        { Roles.Supervisor, "椒江区", "府山街道", ReadOnlyRole },
        { Roles.Admin, "浙江省", "东山社区", ReadOnlyRole },
        { Roles.Admin, "浙江省", "府山街道", ReadOnlyRole },
    };
}
