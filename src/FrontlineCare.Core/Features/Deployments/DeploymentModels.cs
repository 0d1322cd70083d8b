using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Features.Deployments;

public sealed class DeploymentForm
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public Guid WorkerId { get; set; }
    public PostKind? PostKind { get; set; }
    public string? Place { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public RiskClass? RiskClass { get; set; }
    public string? Note { get; set; }
    /// <summary>The user has seen the A6 warning that the spouse is deployed too, and deploys anyway.</summary>
    public bool ConfirmSpouseDeployed { get; set; }
}

public sealed record DeploymentItem(
    Guid Id,
    uint Version,
    Guid WorkerId,
    PostKind PostKind,
    string Place,
    DateOnly StartDate,
    DateOnly? EndDate,
    RiskClass RiskClass,
    string? Note,
    bool SpouseWarningConfirmed)
{
    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);
}

public sealed class DeploymentFormValidator : AbstractValidator<DeploymentForm>
{
    public const int PlaceMaxLength = 200;
    public const int NoteMaxLength = 1000;

    public DeploymentFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.PostKind).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.RiskClass).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.Place).RequiredText(PlaceMaxLength);
        RuleFor(x => x.StartDate).NotNull().WithMessage(_ => Messages.Required)
            .Must(d => d <= clock.Today().AddYears(1))
            .When(x => x.StartDate is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => Messages.StartTooFarAhead);
        RuleFor(x => x.EndDate)
            .Must((form, end) => end >= form.StartDate)
            .When(x => x.EndDate is not null && x.StartDate is not null)
            .WithMessage(_ => Messages.EndBeforeStart);
        RuleFor(x => x.Note).OptionalText(NoteMaxLength);
    }
}
