namespace FrontlineCare.Core.Common;

public static class Clock
{
    /// <summary>China Standard Time: calendar days ("today", deployments ending this week) are Beijing days.</summary>
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime).DateTime);
}
