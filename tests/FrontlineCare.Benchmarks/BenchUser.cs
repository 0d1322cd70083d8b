using FrontlineCare.Core.Common;

namespace FrontlineCare.Benchmarks;

/// <summary>The caller of the measured queries: by default the organisation department at the root of the tree.</summary>
internal sealed class BenchUser(Guid homeUnitId, string role = Roles.OrgDepartment) : ICurrentUser
{
    public bool IsAuthenticated => true;
    public Guid? UserId { get; } = Guid.CreateVersion7();
    public string? UserName => "benchmark";
    public Guid? HomeUnitId { get; } = homeUnitId;
    public bool IsInRole(string role1) => role1 == role;
}
