using FrontlineCare.Core.Policy;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Features.Units;

public enum UnitKind
{
    Region,
    City,
    County,
    Township,
    Community,
    Hospital,
    University,
    Department,
    Other,
}

/// <summary>
/// An organisation in the tree (glossary: Unit). <see cref="Path"/> is a materialised ltree path of unit
/// ids from the root, so a jurisdiction (a unit and everything below it) is one indexed <c>&lt;@</c> query.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; set; }
    public Guid? ParentId { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public LTree Path { get; set; }
    /// <summary>Null means "inherit the profile of the nearest ancestor".</summary>
    public PolicyProfileCode? ProfileOverride { get; set; }
    public uint Version { get; set; }

    public static string Label(Guid id) => id.ToString("N");
}
