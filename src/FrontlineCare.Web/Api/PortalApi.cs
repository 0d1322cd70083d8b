using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Health;
using FrontlineCare.Core.Features.Workers;

namespace FrontlineCare.Web.Api;

/// <summary>
/// /api/v1 (H2): the same services, validators and jurisdiction rules as the pages, for DingTalk/WeChat bots and
/// mobile apps. Callers authenticate with a personal API token.
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("v1").RequireAuthorization();

        var workers = api.MapGroup("/workers").WithTags("Workers");
        workers.MapGet("/", async ([AsParameters] WorkerListRequest request, WorkerService service, CancellationToken ct) =>
            ApiResults.From(await service.ListAsync(request.ToQuery(), ct)))
            .WithName("ListWorkers").WithSummary("Workers of the caller's jurisdiction, keyset-paged: pass nextCursor as 'after'. totalCount (capped at 10,000) comes with the first page only, unless includeTotal=true.");
        workers.MapGet("/{id:guid}", async (Guid id, WorkerService service, CancellationToken ct) =>
            ApiResults.From(await service.GetAsync(id, ct)))
            .WithName("GetWorker");
        workers.MapPost("/", async (WorkerForm form, WorkerService service, CancellationToken ct) =>
            {
                var result = await service.CreateAsync(form, ct);
                return result.IsOk ? Results.Created($"/api/v1/workers/{result.Value}", new { id = result.Value }) : ApiResults.Problem(result);
            })
            .WithName("CreateWorker");
        workers.MapPut("/{id:guid}", async (Guid id, WorkerForm form, WorkerService service, CancellationToken ct) =>
            {
                form.Id = id;
                var result = await service.UpdateAsync(form, ct);
                return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
            })
            .WithName("UpdateWorker").WithSummary("Send the version you read; a stale version answers 409.");
        workers.MapGet("/{id:guid}/deployments", async (Guid id, DeploymentService service, CancellationToken ct) =>
            ApiResults.From(await service.ListForWorkerAsync(id, ct)))
            .WithName("ListWorkerDeployments");

        var deployments = api.MapGroup("/deployments").WithTags("Deployments");
        deployments.MapGet("/{id:guid}", async (Guid id, DeploymentService service, CancellationToken ct) =>
            ApiResults.From(await service.GetFormAsync(id, ct)))
            .WithName("GetDeployment");
        deployments.MapPost("/", async (DeploymentForm form, DeploymentService service, CancellationToken ct) =>
            {
                form.Id = null;
                var result = await service.SaveAsync(form, ct);
                return result.IsOk ? Results.Created($"/api/v1/deployments/{result.Value}", new { id = result.Value }) : ApiResults.Problem(result);
            })
            .WithName("CreateDeployment").WithSummary("409 with type needs-confirmation when the spouse is deployed too (A6): resend with confirmSpouseDeployed=true.");
        deployments.MapPut("/{id:guid}", async (Guid id, DeploymentForm form, DeploymentService service, CancellationToken ct) =>
            {
                form.Id = id;
                var result = await service.SaveAsync(form, ct);
                return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
            })
            .WithName("UpdateDeployment");

        var health = api.MapGroup("/health-reports").WithTags("Health");
        health.MapGet("/", async (DateOnly day, Guid? unitId, bool? problemsOnly, HealthReportService service, CancellationToken ct) =>
            ApiResults.From(await service.DayAsync(day, unitId, problemsOnly ?? false, ct)))
            .WithName("GetHealthDay").WithSummary("The day's sheet (C3): who was on duty, who reported, missing and abnormal reports first.");
        health.MapPost("/", async (HealthReportForm form, HealthReportService service, CancellationToken ct) =>
            {
                var result = await service.SaveAsync(form, ct);
                return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
            })
            .WithName("FileHealthReport").WithSummary("Files a person's daily health report; to correct one, send the version you read (409 otherwise).");
        return app;
    }

    public sealed record WorkerListRequest(
        Guid? UnitId, WorkerCategory? Category, PoliticalStatus? PoliticalStatus, bool? DeployedNow, string? Search,
        WorkerSort? Sort, bool? Descending, int? PageSize, string? After, string? Before, bool? IncludeTotal)
    {
        public WorkerQuery ToQuery() => new()
        {
            UnitId = UnitId,
            Category = Category,
            PoliticalStatus = PoliticalStatus,
            DeployedNow = DeployedNow,
            Search = Search,
            Sort = Sort ?? WorkerSort.Name,
            Descending = Descending ?? false,
            PageSize = PageSize ?? 20,
            After = After,
            Before = Before,
            IncludeTotal = IncludeTotal,
        };
    }
}
