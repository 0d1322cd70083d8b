using FrontlineCare.Core.Common;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>
/// The expected outcome of a call in the jurisdiction matrices, by name, so a row of a theory reads like a
/// line of the access table.
/// </summary>
public static class Outcome
{
    public const string Ok = nameof(Ok);
    /// <summary>Forbidden: the record is outside the caller's jurisdiction.</summary>
    public const string NotInJurisdiction = nameof(NotInJurisdiction);
    /// <summary>Forbidden: the caller's role only reads.</summary>
    public const string ReadOnlyRole = nameof(ReadOnlyRole);
    /// <summary>Invalid on a unit field: the chosen unit is outside the caller's jurisdiction.</summary>
    public const string UnitOutsideJurisdiction = nameof(UnitOutsideJurisdiction);

    public static void ShouldHaveOutcome(this Result result, string expected, string unitField = "UnitId")
    {
        switch (expected)
        {
            case Ok:
                result.Status.ShouldBe(ResultStatus.Ok, $"{result.Message} {string.Join("; ", result.Errors)}");
                break;
            case NotInJurisdiction:
                result.Status.ShouldBe(ResultStatus.Forbidden);
                result.Message.ShouldBe(Messages.NotInJurisdiction);
                break;
            case ReadOnlyRole:
                result.Status.ShouldBe(ResultStatus.Forbidden);
                result.Message.ShouldBe(Messages.ReadOnlyRole);
                break;
            case UnitOutsideJurisdiction:
                result.Status.ShouldBe(ResultStatus.Invalid);
                var error = result.Errors.ShouldHaveSingleItem();
                error.Field.ShouldBe(unitField);
                error.Message.ShouldBe(Messages.UnitOutsideJurisdiction);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expected), expected, "unknown outcome");
        }
    }
}
