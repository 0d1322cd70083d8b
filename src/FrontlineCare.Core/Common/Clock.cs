namespace FrontlineCare.Core.Common;

public static class Clock
{
    /// <summary>China Standard Time: calendar days ("today", deployments ending this week) are Beijing days.</summary>
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A wall-clock time a user entered (no zone) read as Beijing time.</summary>
    public static DateTimeOffset Beijing(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime).DateTime);
}
