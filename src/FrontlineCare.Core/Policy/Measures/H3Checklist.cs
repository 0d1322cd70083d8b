namespace FrontlineCare.Core.Policy.Measures;

/// <summary>One measure of a profile's seed document, in its order (ZJ's eight, SX's twelve …), and the portal measures it covers.</summary>
public sealed record H3ChecklistItem(PolicyProfileCode Profile, int Number, IReadOnlyList<string> Codes)
{
    /// <summary>The seed's own name for it, e.g. "ZJ4" (its title is the UI resource "H3Item" + this).</summary>
    public string Code => $"{Profile}{Number}";
}

/// <summary>
/// H3: the measures each profile's seed document lists, for the unit's implementation checklist. The items follow the
/// seeds (seeds/000–004); the codes map each to the portal's measures as `shared/domain/measures.md` does (SX's twelve
/// unnumbered paragraphs in document order). A measure with no code (QN6, out of scope) still takes a statement.
/// </summary>
public static class H3Checklist
{
    private static readonly Dictionary<PolicyProfileCode, H3ChecklistItem[]> Catalog = new()
    {
        [PolicyProfileCode.ZJ] =
        [
            new(PolicyProfileCode.ZJ, 1, ["A1", "A2"]),
            new(PolicyProfileCode.ZJ, 2, ["F1", "F2", "F3", "F4"]),
            new(PolicyProfileCode.ZJ, 3, ["F5", "F6", "F7"]),
            new(PolicyProfileCode.ZJ, 4, ["C1", "C2", "C5", "D3", "E2", "G1"]),
            new(PolicyProfileCode.ZJ, 5, ["B1", "B2", "B3"]),
            new(PolicyProfileCode.ZJ, 6, ["D1", "D4"]),
            new(PolicyProfileCode.ZJ, 7, ["F7", "F8"]),
            new(PolicyProfileCode.ZJ, 8, ["H1"]),
        ],
        [PolicyProfileCode.SX] =
        [
            new(PolicyProfileCode.SX, 1, ["E1"]),
            new(PolicyProfileCode.SX, 2, ["C1", "C2"]),
            new(PolicyProfileCode.SX, 3, ["B1", "B2", "B3"]),
            new(PolicyProfileCode.SX, 4, ["F1", "F2", "F3"]),
            new(PolicyProfileCode.SX, 5, ["F5"]),
            new(PolicyProfileCode.SX, 6, ["C5", "D1", "D2", "D3", "D4"]),
            new(PolicyProfileCode.SX, 7, ["A6", "E3"]),
            new(PolicyProfileCode.SX, 8, ["A3"]),
            new(PolicyProfileCode.SX, 9, ["E2", "E5"]),
            new(PolicyProfileCode.SX, 10, ["G1", "G2"]),
            new(PolicyProfileCode.SX, 11, ["F7", "F8"]),
            new(PolicyProfileCode.SX, 12, ["H1", "H2"]),
        ],
        [PolicyProfileCode.GZ] =
        [
            new(PolicyProfileCode.GZ, 1, ["A1", "A7", "C5"]),
            new(PolicyProfileCode.GZ, 2, ["A2"]),
            new(PolicyProfileCode.GZ, 3, ["B1", "B2", "B3", "B4"]),
            new(PolicyProfileCode.GZ, 4, ["C3"]),
            new(PolicyProfileCode.GZ, 5, ["C1", "C2"]),
            new(PolicyProfileCode.GZ, 6, ["E3"]),
            new(PolicyProfileCode.GZ, 7, ["D3", "E1", "E2", "F9"]),
            new(PolicyProfileCode.GZ, 8, ["F1"]),
            new(PolicyProfileCode.GZ, 9, ["H1"]),
            new(PolicyProfileCode.GZ, 10, ["F8"]),
        ],
        [PolicyProfileCode.HN] =
        [
            new(PolicyProfileCode.HN, 1, ["E1", "E2", "E5"]),
            new(PolicyProfileCode.HN, 2, ["A1", "A4"]),
            new(PolicyProfileCode.HN, 3, ["B2", "C1", "C2", "C4", "C5", "C6"]),
            new(PolicyProfileCode.HN, 4, ["D1", "D2", "D3", "D5"]),
            new(PolicyProfileCode.HN, 5, ["A6", "E3", "E4"]),
            new(PolicyProfileCode.HN, 6, ["F7", "F8"]),
            new(PolicyProfileCode.HN, 7, ["F6", "F7"]),
            new(PolicyProfileCode.HN, 8, ["F1", "F3"]),
            new(PolicyProfileCode.HN, 9, ["G1", "G2", "G3"]),
        ],
        [PolicyProfileCode.QN] =
        [
            new(PolicyProfileCode.QN, 1, ["H4"]),
            new(PolicyProfileCode.QN, 2, ["A5"]),
            new(PolicyProfileCode.QN, 3, ["F3", "F4"]),
            new(PolicyProfileCode.QN, 4, ["A2", "A3", "F1"]),
            new(PolicyProfileCode.QN, 5, ["F5", "F10"]),
            new(PolicyProfileCode.QN, 6, []),
            new(PolicyProfileCode.QN, 7, ["B1", "C5", "E2", "G1", "G2"]),
            new(PolicyProfileCode.QN, 8, ["F7", "F8"]),
            new(PolicyProfileCode.QN, 9, ["H4"]),
        ],
    };

    public static IReadOnlyList<H3ChecklistItem> Items(PolicyProfileCode profile) => Catalog[profile];
}
