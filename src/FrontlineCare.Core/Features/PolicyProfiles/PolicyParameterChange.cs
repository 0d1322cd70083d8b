using FrontlineCare.Core.Policy;

namespace FrontlineCare.Core.Features.PolicyProfiles;

/// <summary>
/// A recorded change to one parameter of one policy profile: the new value is in force from its day on (until a
/// later change), so findings about past days keep using the value that was in force then. Never edited or
/// deleted; a mistake is corrected by a newer change.
/// </summary>
public sealed class PolicyParameterChange
{
    public Guid Id { get; set; }
    public PolicyProfileCode Profile { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>The document, article or decision the value comes from, as the user wrote it.</summary>
    public required string Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
