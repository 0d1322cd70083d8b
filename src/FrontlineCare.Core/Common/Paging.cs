namespace FrontlineCare.Core.Common;

/// <summary>A page of rows. <see cref="TotalCount"/> is null when the caller did not ask for it (cursor pages).</summary>
public sealed record PagedResult<T>(
    IReadOnlyList<T> Items,
    int? TotalCount,
    bool TotalIsCapped,
    string? NextCursor,
    string? PreviousCursor);
