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
        // One validator for create and update: blank text is validated, never read as "unchanged" (TextRules).
        RuleFor(x => x.FullName).RequiredText(WorkerConfiguration.NameMaxLength);

        RuleFor(x => x.Gender).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.Category).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.PoliticalStatus).NotNull().WithMessage(_ => Messages.Required);
        RuleFor(x => x.UnitId).NotNull().WithMessage(_ => Messages.Required);
        // A new worker without a staff category is "other"; an update must say which (omitting it would change it).
        RuleFor(x => x.StaffCategory).NotNull().When(x => !x.IsNew).WithMessage(_ => Messages.Required);

        // Null on update means "unchanged" (callers who see the number masked cannot send it back); any text sent,
        // blank included, is a new number and must be a valid one.
        RuleFor(x => x.NationalId)
            .Must((form, v) => v is null ? !form.IsNew : !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Messages.Required)
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

        RuleFor(x => x.Position).OptionalText(PositionMaxLength);
        RuleFor(x => x.ProfessionalTitle).OptionalText(PositionMaxLength);
        RuleFor(x => x.ServiceStartDate)
            .Must(d => d is null || d >= EarliestServiceStart).WithMessage(_ => Messages.ServiceStartInvalid);
        RuleFor(x => x.SpouseId).Must((form, spouse) => spouse is null || spouse != form.Id).WithMessage(_ => Messages.SpouseSelf);
    }
}
