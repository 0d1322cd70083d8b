using FrontlineCare.Web.Infrastructure;
using Shouldly;

namespace FrontlineCare.Web.Tests.Features;

/// <summary>A page that moves faster than the server answers shows the last thing asked for, never an older answer.</summary>
public sealed class LatestReadTests
{
    [Fact]
    public async Task An_answer_overtaken_by_a_later_read_is_dropped_even_when_it_arrives_last()
    {
        var reads = new LatestRead();
        var lastWeek = new TaskCompletionSource<string>();
        var twoWeeksAgo = new TaskCompletionSource<string>();

        var first = reads.RunAsync(() => lastWeek.Task);
        var second = reads.RunAsync(() => twoWeeksAgo.Task);
        twoWeeksAgo.SetResult("two weeks ago");
        lastWeek.SetResult("last week"); // the slower, older answer comes in after the newer one

        (await second).ShouldBe((true, "two weeks ago"));
        (await first).ShouldBe((false, "last week"));
    }

    [Fact]
    public async Task A_read_left_alone_is_current()
    {
        var reads = new LatestRead();
        (await reads.RunAsync(() => Task.FromResult(1))).ShouldBe((true, 1));
        (await reads.RunAsync(() => Task.FromResult(2))).ShouldBe((true, 2));
    }
}
