namespace FrontlineCare.Core.Common;

public sealed record PagedResult<T>(
    IReadOnlyList<T> Items,
    int TotalCount,
    bool TotalIsCapped,
    string? NextCursor,
    string? PreviousCursor);
