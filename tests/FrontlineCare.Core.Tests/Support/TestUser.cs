using FrontlineCare.Core.Common;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>A caller whose role and home unit the test sets; changing them mid-test switches identity.</summary>
public sealed class TestUser : ICurrentUser
{
    public bool IsAuthenticated => UserId is not null;
    public Guid? UserId { get; set; } = Guid.NewGuid();
    public string? UserName { get; set; } = "tester";
    public Guid? HomeUnitId { get; set; }
    public string Role { get; set; } = Roles.OrgDepartment;
    public bool IsInRole(string role) => Role == role;

    public void Become(string role, Guid homeUnitId, string? userName = null)
    {
        Role = role;
        HomeUnitId = homeUnitId;
        UserId = Guid.NewGuid();
        UserName = userName ?? role.ToLowerInvariant();
    }
}
