using FluentValidation;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Features.Units;

public sealed class UnitForm
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public Guid? ParentId { get; set; }
    public string Name { get; set; } = "";
    public UnitKind? Kind { get; set; }
    public PolicyProfileCode? ProfileOverride { get; set; }
}

/// <summary>One unit of the tree as a user sees it; <see cref="Profile"/> is the profile in force (own or inherited).</summary>
public sealed record UnitNode(
    Guid Id, Guid? ParentId, string Name, UnitKind Kind, int Depth, uint Version,
    PolicyProfileCode? ProfileOverride, PolicyProfileCode Profile);

public sealed class UnitFormValidator : AbstractValidator<UnitForm>
{
    public const int NameMaxLength = 100;

    public UnitFormValidator()
    {
        RuleFor(x => x.Name)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
            .MaximumLength(NameMaxLength).WithMessage(_ => string.Format(Messages.TooLong, NameMaxLength));
        RuleFor(x => x.Kind).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.ParentId).NotNull().When(x => x.Id is null).WithMessage(_ => Messages.ParentRequired);
    }
}
