namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// Orders a page's reads when the user moves faster than the server answers (another day, unit, week or person
/// while the last one is still loading): only the read started last may show its answer. A page reads into locals
/// and assigns what it shows, key and data together, only when <see cref="RunAsync{T}"/> says the answer is current,
/// so it never shows one key's data under another key, nor lets a slow answer overwrite a newer one.
/// </summary>
public sealed class LatestRead
{
    private int _started;

    /// <summary>Runs the read; <c>Current</c> is false when a later read began meanwhile, and its answer must be dropped.</summary>
    public async Task<(bool Current, T Value)> RunAsync<T>(Func<Task<T>> read)
    {
        var ticket = ++_started;
        var value = await read();
        return (ticket == _started, value);
    }
}
