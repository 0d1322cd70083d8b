using FluentValidation;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Data.Configurations;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Resources;

namespace FrontlineCare.Core.Features.Workers;

/// <summary>Field rules of a worker, shared by the dialog (as the user types) and the service (before saving).
/// Checks that need the database (duplicate ID, jurisdiction) stay in the service.</summary>
public sealed class WorkerFormValidator : AbstractValidator<WorkerForm>
{
    public const int PositionMaxLength = 100;
    public static readonly DateOnly EarliestServiceStart = new(1950, 1, 1);

    public WorkerFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
            .MaximumLength(WorkerConfiguration.NameMaxLength).WithMessage(_ => string.Format(Messages.TooLong, WorkerConfiguration.NameMaxLength));

        RuleFor(x => x.Gender).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.Category).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.PoliticalStatus).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.UnitId).NotNull().WithMessage(_ => Messages.Required);

        RuleFor(x => x.NationalId)
            .Must(v => !string.IsNullOrWhiteSpace(v)).When(x => x.IsNew).WithMessage(_ => Messages.Required)
            .Custom((value, ctx) =>
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                var today = clock.Today();
                var problem = NationalIdNumber.Check(value, today);
                if (problem != NationalIdProblem.None)
                {
                    ctx.AddFailure(problem switch
                    {
                        NationalIdProblem.BirthDate => Messages.NationalIdBirthDate,
                        NationalIdProblem.CheckDigit => Messages.NationalIdCheckDigit,
                        _ => Messages.NationalIdFormat,
                    });
                }
            });

        RuleFor(x => x.Gender)
            .Must((form, gender) => gender == (NationalIdNumber.IsMale(NationalIdNumber.Normalize(form.NationalId)) ? Workers.Gender.Male : Workers.Gender.Female))
            .When(x => x.Gender is not null && NationalIdNumber.Check(x.NationalId, DateOnly.MaxValue) == NationalIdProblem.None)
            .WithMessage(_ => Messages.GenderMismatch);

        RuleFor(x => x.Mobile)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
            .Matches("^1[3-9][0-9]{9}$").When(x => !string.IsNullOrWhiteSpace(x.Mobile), ApplyConditionTo.CurrentValidator).WithMessage(_ => Messages.MobileFormat);

        RuleFor(x => x.Position).MaximumLength(PositionMaxLength).WithMessage(_ => string.Format(Messages.TooLong, PositionMaxLength));
        RuleFor(x => x.ProfessionalTitle).MaximumLength(PositionMaxLength).WithMessage(_ => string.Format(Messages.TooLong, PositionMaxLength));
        RuleFor(x => x.ServiceStartDate)
            .Must(d => d is null || d >= EarliestServiceStart).WithMessage(_ => Messages.ServiceStartInvalid);
        RuleFor(x => x.SpouseId).Must((form, spouse) => spouse is null || spouse != form.Id).WithMessage(_ => Messages.SpouseSelf);
    }
}
