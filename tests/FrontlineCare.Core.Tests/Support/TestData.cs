using System.Globalization;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// Values no other test (and no demo row) uses: every call gives a new valid national ID, mobile and name.
/// Birth dates start in 1940, before the demo data's 1965–2002, so they never collide with seeded workers.
/// </summary>
public static class TestData
{
    private static int _counter;

    public static int Next() => Interlocked.Increment(ref _counter);

    /// <summary>A valid 18-digit ID of a man (odd 17th digit) or a woman (even), unique in the test run.</summary>
    public static string NationalId(Gender gender = Gender.Male)
    {
        var n = Next();
        var birth = new DateOnly(1940, 1, 1).AddDays(n);
        return NationalIdNumber.Compose("331002", birth, gender == Gender.Male ? 101 : 102);
    }

    /// <summary>A valid ID whose check character is X, unique in the test run.</summary>
    public static string NationalIdEndingInX()
    {
        while (true)
        {
            var id = NationalId();
            if (id[17] == 'X') return id;
        }
    }

    public static string Mobile() => "139" + (Next() % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A name no other worker has, so a name search finds exactly the workers a test made.</summary>
    public static string Name(string prefix = "测试") => $"{prefix}{Next():D6}号";

    public static WorkerForm WorkerForm(Guid unitId, Gender gender = Gender.Male, string? name = null) => new()
    {
        FullName = name ?? Name(),
        Gender = gender,
        NationalId = NationalId(gender),
        Mobile = Mobile(),
        UnitId = unitId,
        Category = WorkerCategory.CommunityCadre,
        PoliticalStatus = PoliticalStatus.PartyMember,
        StaffCategory = StaffCategory.Other,
        Position = "网格员",
    };

    public static DeploymentForm DeploymentForm(Guid workerId, DateOnly start, DateOnly? end, string place = "椒江区集中隔离点一号") => new()
    {
        WorkerId = workerId,
        PostKind = PostKind.QuarantineSite,
        Place = place,
        StartDate = start,
        EndDate = end,
        RiskClass = RiskClass.I,
    };
}
