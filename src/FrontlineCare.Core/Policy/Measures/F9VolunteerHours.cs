namespace FrontlineCare.Core.Policy.Measures;

/// <summary>F9: the hours that earn each star of volunteer recognition (1★ … 5★), a profile's parameters.</summary>
public sealed record F9StarRules(
    PolicyParameter<int> Star1Hours,
    PolicyParameter<int> Star2Hours,
    PolicyParameter<int> Star3Hours,
    PolicyParameter<int> Star4Hours,
    PolicyParameter<int> Star5Hours)
{
    public IReadOnlyList<int> Thresholds => [Star1Hours.Value, Star2Hours.Value, Star3Hours.Value, Star4Hours.Value, Star5Hours.Value];
}

/// <summary>
/// F9 / A2: volunteer service time. A record's hours are the time actually served, from start to end, counted in
/// tenths of an hour and rounded down (travel is not recorded); a person's stars follow their total hours.
/// </summary>
public static class F9VolunteerHours
{
    /// <summary>At most this long in one record: a longer stretch is recorded as several.</summary>
    public const int MaxHoursPerRecord = 24;

    public static decimal Hours(DateTimeOffset start, DateTimeOffset end) =>
        end <= start ? 0 : Math.Floor((decimal)(end - start).TotalMinutes / 6m) / 10m;

    /// <summary>The stars (0–5) a total earns: the number of thresholds it reaches, thresholds taken in ascending order.</summary>
    public static int Stars(decimal totalHours, F9StarRules rules) => rules.Thresholds.Order().Count(t => totalHours >= t);

    /// <summary>Hours still needed for the next star, or null at five stars.</summary>
    public static decimal? ToNextStar(decimal totalHours, F9StarRules rules) =>
        rules.Thresholds.Order().Where(t => totalHours < t).Select(t => (decimal?)(t - totalHours)).FirstOrDefault();
}
