using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Home;
using FrontlineCare.Core.Features.Leave;
using FrontlineCare.Core.Tests.Support;

namespace FrontlineCare.Core.Tests.Features.Home;

/// <summary>The dashboard's to-do tiles count only the caller's jurisdiction.</summary>
public sealed class HomeServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Pending_leave_and_overdue_reports_are_counted_within_the_jurisdiction()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await using (var db = fixture.NewContext())
        {
            db.LeaveRequests.Add(new LeaveRequest
            {
                Id = Guid.CreateVersion7(), WorkerId = worker.Id, Kind = LeaveKind.Rest, From = new DateOnly(2026, 11, 30), To = new DateOnly(2026, 11, 30),
                Days = 1, Reason = "轮休", Status = LeaveRequestStatus.Pending,
            });
            await db.SaveChangesAsync();
        }

        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var haimen = await fixture.Get<HomeService>().SummaryAsync();
        await fixture.UseAsync(Roles.UnitCommittee, "白云街道");
        var baiyun = await fixture.Get<HomeService>().SummaryAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var county = await fixture.Get<HomeService>().SummaryAsync();

        (haimen.PendingLeaveRequests, baiyun.PendingLeaveRequests, county.PendingLeaveRequests).ShouldBe((1, 0, 1));
        // Demo: 海门街道 reported (accepted) three and four weeks ago, 白云街道 never; last week's are not due yet.
        (haimen.OverdueReports, baiyun.OverdueReports, county.OverdueReports).ShouldBe((3, 5, 8));
    }
}
