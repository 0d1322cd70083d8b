namespace FrontlineCare.Core.Policy.Measures;

/// <summary>
/// H4 supervision findings (QN1: 加大督查暗访力度,建立问题清单,实行台账管理,限时整改销号; QN9).
/// <list type="bullet">
/// <item>A finding against a unit has an owner and a deadline — by default <c>H4.deadlineDays</c> after it was found.</item>
/// <item>The unit records its rectification; the organisation department closes the finding (销号), never before a
/// rectification is on record.</item>
/// <item>A finding not closed by its deadline is overdue (red on the unit's dashboard).</item>
/// </list>
/// </summary>
public static class H4Supervision
{
    public static DateOnly DefaultDeadline(DateOnly foundOn, PolicyParameter<int> deadlineDays) => foundOn.AddDays(deadlineDays.Value);

    public static bool Overdue(DateOnly deadline, DateOnly? closedOn, DateOnly today) => closedOn is null && today > deadline;

    public static bool MayClose(int rectifications) => rectifications > 0;
}
