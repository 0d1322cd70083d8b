using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Duty;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Policy;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;

namespace FrontlineCare.Core.Tests.Features.Leave;

/// <summary>Holiday calendars: who keeps them, what is refused, and that a change re-checks leave already earned.</summary>
public sealed class HolidayCalendarTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 18);

    private HolidayCalendarService Calendar => fixture.Get<HolidayCalendarService>();

    private static HolidayDayForm Day(DateOnly day, CalendarDayKind kind = CalendarDayKind.Holiday, PolicyProfileCode? profile = PolicyProfileCode.ZJ) =>
        new() { Profile = profile, Day = day, Kind = kind, Name = "防疫调休", Source = "区委办通知" };

    private async Task<Guid> WorkerOnDutyAsync(DateOnly day)
    {
        var place = "节假日测试" + Guid.NewGuid().ToString("N")[..6];
        var worker = await fixture.AddWorkerAsync("东山社区");
        var deployment = await fixture.AddDeploymentAsync(worker.Id, day.AddDays(-10), null, place);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var hours = new decimal?[7];
        hours[day.DayNumber - DutyService.WeekStartOf(day).DayNumber] = 8;
        (await fixture.Get<DutyService>().SaveWeekAsync(new DutyWeekForm(new DutyWeekKey(place, DutyService.WeekStartOf(day)), [new DutyRowForm(deployment.Id, hours)]))).IsOk.ShouldBeTrue();
        return worker.Id;
    }

    private async Task<decimal> BalanceAsync(Guid workerId) => (await fixture.Get<LeaveService>().SummaryAsync(workerId)).Value!.Balance;

    [Fact]
    public async Task A_holiday_added_after_duty_was_logged_earns_its_leave_and_removing_it_takes_it_back()
    {
        var workerId = await WorkerOnDutyAsync(Wednesday);
        (await BalanceAsync(workerId)).ShouldBe(0);

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Calendar.AddAsync(Day(Wednesday))).IsOk.ShouldBeTrue();
        (await BalanceAsync(workerId)).ShouldBe(1);
        var added = (await Calendar.YearAsync(2026, PolicyProfileCode.ZJ)).Single(d => d.Day == Wednesday);
        (await Calendar.YearAsync(2026, PolicyProfileCode.SX)).ShouldNotContain(d => d.Day == Wednesday, "a ZJ day is not an SX day");

        (await Calendar.RemoveAsync(added.Id)).IsOk.ShouldBeTrue();
        (await BalanceAsync(workerId)).ShouldBe(0);
    }

    [Fact]
    public async Task Removing_a_holiday_whose_leave_was_spent_is_refused()
    {
        var friday = Wednesday.AddDays(2);
        var workerId = await WorkerOnDutyAsync(friday);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Calendar.AddAsync(Day(friday))).IsOk.ShouldBeTrue();
        (await fixture.Get<LeaveService>().PostByHandAsync(new LeaveEntryForm { WorkerId = workerId, Kind = LeaveEntryKind.PaidInLieu, Days = 1, Reason = "补助" })).IsOk.ShouldBeTrue();
        var day = (await Calendar.YearAsync(2026, PolicyProfileCode.ZJ)).Single(d => d.Day == friday);

        var removed = await Calendar.RemoveAsync(day.Id);

        removed.Message.ShouldBe(string.Format(Messages.HolidayChangeSpent, 1));
        (await Calendar.YearAsync(2026, PolicyProfileCode.ZJ)).ShouldContain(d => d.Id == day.Id);
    }

    [Fact]
    public async Task Bad_days_are_refused_on_their_fields()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Calendar.AddAsync(Day(Wednesday, CalendarDayKind.Workday))).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError("Day", Messages.HolidayWorkdayNotWeekend));
        (await Calendar.AddAsync(new HolidayDayForm { Profile = PolicyProfileCode.ZJ })).Errors.Select(e => e.Field).ShouldBe(["Day", "Kind", "Name", "Source"]);
        (await Calendar.AddAsync(Day(new DateOnly(2026, 12, 24)))).IsOk.ShouldBeTrue();
        (await Calendar.AddAsync(Day(new DateOnly(2026, 12, 24)))).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Day", Messages.HolidayDayTaken));
    }

    [Fact]
    public async Task Admin_keeps_the_national_calendar_and_an_organisation_department_only_its_own_profiles_days()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Calendar.AddAsync(Day(new DateOnly(2027, 1, 1), profile: null))).Message.ShouldBe(Messages.HolidayNationalAdminOnly);
        (await Calendar.AddAsync(Day(new DateOnly(2027, 1, 1), profile: PolicyProfileCode.SX))).Message.ShouldBe(Messages.NotFound);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Calendar.AddAsync(Day(new DateOnly(2027, 1, 1)))).Status.ShouldBe(ResultStatus.Forbidden);

        await fixture.UseAsync(Roles.Admin, "浙江省");
        (await Calendar.AddAsync(Day(new DateOnly(2027, 1, 1), profile: null))).IsOk.ShouldBeTrue();
        (await Calendar.YearAsync(2027, PolicyProfileCode.GZ)).ShouldContain(d => d.Day == new DateOnly(2027, 1, 1), "national days apply to every profile");
        (await Calendar.YearAsync(2026, PolicyProfileCode.GZ)).Count(d => d.Profile == null).ShouldBe(39, "the seeded 2026 national calendar: 33 holidays and 6 working weekend days");
    }
}
