using FrontlineCare.Core.Features.Duty;

namespace FrontlineCare.Web.Features.Duty;

/// <summary>The duty grid's Excel template for a post and week, with the people of the caller's jurisdiction deployed there.</summary>
public static class DutyTemplate
{
    public static IEndpointRouteBuilder MapDutyTemplate(this IEndpointRouteBuilder app)
    {
        app.MapGet("/duty/template", async (string place, DateOnly week, DutyService duty, CancellationToken ct) =>
        {
            var grid = await duty.GetWeekAsync(new DutyWeekKey(place, DutyService.WeekStartOf(week)), ct);
            var name = $"{place}-{grid.Key.WeekStart:yyyyMMdd}.xlsx";
            return Results.File(DutySheet.Template(grid), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        });
        return app;
    }
}
