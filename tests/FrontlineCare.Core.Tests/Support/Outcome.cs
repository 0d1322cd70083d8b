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
    /// <summary>
    /// Not found: the record is outside the caller's jurisdiction, answered exactly like one that does not exist
    /// (docs/architecture.md → Jurisdiction).
    /// </summary>
    public const string NotFound = nameof(NotFound);
    /// <summary>Forbidden for the role, whatever the record (the message names the rule of the feature).</summary>
    public const string Refused = nameof(Refused);
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
            case NotFound:
                result.Status.ShouldBe(ResultStatus.NotFound, $"{result.Message} {string.Join("; ", result.Errors)}");
                result.Message.ShouldBe(Messages.NotFound);
                break;
            case Refused:
                result.Status.ShouldBe(ResultStatus.Forbidden, $"{result.Message} {string.Join("; ", result.Errors)}");
                result.Message.ShouldNotBeNullOrEmpty();
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
