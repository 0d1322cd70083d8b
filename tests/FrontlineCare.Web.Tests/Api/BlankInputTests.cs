using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Deployments;
using FrontlineCare.Core.Features.Health;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>
/// No write destroys what is stored (issue #14): every updatable field of every API resource is sent as null, empty,
/// a space and other whitespace, by a caller who sees personal data in full and one who sees it masked. A refused
/// request leaves the stored row exactly as it was; an accepted one made a change that is legal — an optional field
/// cleared on purpose, and audited — or none at all ("unchanged" only where the resource says so).
/// </summary>
public sealed class BlankInputTests(PortalHost host) : IClassFixture<PortalHost>
{
    private static readonly JsonNode?[] Blanks = [null, "", " ", "\t \n"];

    public static TheoryData<string> Callers => new() { "orgdept", "committee" };

    /// <summary>Fields a null or empty value may clear (the stored value becomes null).</summary>
    private static readonly HashSet<string> WorkerClearable = ["position", "professionalTitle", "serviceStartDate", "spouseId"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Blank_values_for_a_worker_change_nothing_stored_unless_the_change_is_legal(string caller)
    {
        var client = host.Client(await host.TokenForAsync(caller));
        var worker = await host.Data.AddWorkerAsync("东山社区");
        foreach (var field in typeof(WorkerForm).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                     .Where(f => f is not ("id" or "version" or "isNew")))
        {
            foreach (var blank in Blanks)
            {
                await RestoreWorkerAsync(worker.Id);
                var before = await WorkerRowAsync(worker.Id);
                var body = WorkerBody(before);
                body[field] = blank?.DeepClone();

                var response = await client.PutAsJsonAsync($"/api/v1/workers/{worker.Id}", body);
                var after = await WorkerRowAsync(worker.Id);
                var what = $"{caller}: {field} = {Show(blank)} → {(int)response.StatusCode}";

                if (response.IsSuccessStatusCode)
                {
                    // Legal: null keeps the national ID (callers who see it masked cannot send it back); null or empty
                    // clears an optional field, and the trail says so.
                    var cleared = WorkerClearable.Contains(field) && blank is null || (blank?.GetValue<string>() == "" && field is "position" or "professionalTitle");
                    var kept = field == "nationalId" && blank is null;
                    (cleared || kept).ShouldBeTrue(what);
                    Changed(before, after).ShouldBe(kept || field == "spouseId" ? [] : [Pascal(field)], what);
                    if (cleared && field != "spouseId") (await AuditedClearAsync(worker.Id, Pascal(field))).ShouldBeTrue(what);
                }
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, what);
                    await ShouldNameFieldAsync(response, field, what);
                    Changed(before, after).ShouldBeEmpty(what);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Blank_values_for_a_deployment_change_nothing_stored_unless_the_change_is_legal(string caller)
    {
        var client = host.Client(await host.TokenForAsync(caller));
        var worker = await host.Data.AddWorkerAsync("东山社区");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var deployment = await host.Data.AddDeploymentAsync(worker.Id, start, start.AddDays(20), "椒江区集中隔离点");
        foreach (var field in new[] { "workerId", "postKind", "place", "startDate", "endDate", "riskClass", "note", "confirmSpouseDeployed" })
        {
            foreach (var blank in Blanks)
            {
                await using (var db = host.Data.NewContext())
                    await db.Deployments.Where(d => d.Id == deployment.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.Note, "备注").SetProperty(d => d.EndDate, start.AddDays(20)).SetProperty(d => d.Place, "椒江区集中隔离点"));
                var before = await DeploymentRowAsync(deployment.Id);
                var body = new JsonObject
                {
                    ["version"] = before.Version, ["workerId"] = before.WorkerId, ["postKind"] = before.PostKind.ToString(), ["place"] = before.Place,
                    ["startDate"] = before.StartDate.ToString("yyyy-MM-dd"), ["endDate"] = before.EndDate?.ToString("yyyy-MM-dd"),
                    ["riskClass"] = before.RiskClass.ToString(), ["note"] = before.Note, ["confirmSpouseDeployed"] = false,
                };
                body[field] = blank?.DeepClone();

                var response = await client.PutAsJsonAsync($"/api/v1/deployments/{deployment.Id}", body);
                var after = await DeploymentRowAsync(deployment.Id);
                var what = $"{caller}: {field} = {Show(blank)} → {(int)response.StatusCode}";
                string[] changed = [.. DeploymentChanges(before, after)];

                if (response.IsSuccessStatusCode)
                {
                    // Legal: the end date cleared (open-ended), the note cleared, or a false flag left out.
                    var legal = (field == "endDate" && blank is null) || (field == "note" && (blank is null || blank.GetValue<string>() == ""))
                                || (field == "confirmSpouseDeployed" && blank is null);
                    legal.ShouldBeTrue(what);
                    changed.ShouldBe(field == "confirmSpouseDeployed" ? [] : [Pascal(field)], what);
                }
                else
                {
                    ((int)response.StatusCode).ShouldBeInRange(400, 499, what);
                    if (response.StatusCode == HttpStatusCode.BadRequest) await ShouldNameFieldAsync(response, field, what);
                    changed.ShouldBeEmpty(what);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Blank_values_for_a_health_report_correction_change_nothing_stored_unless_the_change_is_legal(string caller)
    {
        var client = host.Client(await host.TokenForAsync(caller));
        var worker = await host.Data.AddWorkerAsync("东山社区");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await host.Data.AddDeploymentAsync(worker.Id, today.AddDays(-10), null);
        var first = await client.PostAsJsonAsync("/api/v1/health-reports", new
        {
            workerId = worker.Id, day = today, morningTemperature = 36.5m, eveningTemperature = 37.8m,
            symptoms = "DryCough", testResult = "Positive", testDate = today, note = "发热门诊",
        });
        first.StatusCode.ShouldBe(HttpStatusCode.NoContent, await first.Content.ReadAsStringAsync());

        foreach (var field in new[] { "day", "morningTemperature", "eveningTemperature", "symptoms", "testResult", "testDate", "note", "workerId" })
        {
            foreach (var blank in Blanks)
            {
                await using (var db = host.Data.NewContext())
                    await db.DailyHealthReports.Where(r => r.WorkerId == worker.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.MorningTemperature, 36.5m).SetProperty(r => r.EveningTemperature, 37.8m).SetProperty(r => r.Note, "发热门诊"));
                var before = await HealthRowAsync(worker.Id);
                var body = new JsonObject
                {
                    ["version"] = before.Version, ["workerId"] = worker.Id, ["day"] = today.ToString("yyyy-MM-dd"),
                    ["morningTemperature"] = before.MorningTemperature, ["eveningTemperature"] = before.EveningTemperature,
                    ["symptoms"] = before.Symptoms.ToString(), ["testResult"] = before.TestResult.ToString(),
                    ["testDate"] = before.TestDate?.ToString("yyyy-MM-dd"), ["note"] = before.Note,
                };
                body[field] = blank?.DeepClone();

                var response = await client.PostAsJsonAsync("/api/v1/health-reports", body);
                var after = await HealthRowAsync(worker.Id);
                var what = $"{caller}: {field} = {Show(blank)} → {(int)response.StatusCode}";
                string[] changed = [.. HealthChanges(before, after)];

                if (response.IsSuccessStatusCode)
                {
                    // Legal: one of the two readings cleared (the other remains), the note cleared.
                    var legal = (field is "morningTemperature" or "eveningTemperature" && blank is null)
                                || (field == "note" && (blank is null || blank.GetValue<string>() == ""));
                    legal.ShouldBeTrue(what);
                    changed.ShouldContain(Pascal(field), what);
                    changed.Except([Pascal(field), nameof(DailyHealthReport.Findings), nameof(DailyHealthReport.ReportedAt), nameof(DailyHealthReport.Version)])
                        .ShouldBeEmpty(what);
                }
                else
                {
                    ((int)response.StatusCode).ShouldBeInRange(400, 499, what);
                    if (response.StatusCode == HttpStatusCode.BadRequest) await ShouldNameFieldAsync(response, field, what);
                    changed.ShouldBeEmpty(what);
                }
            }
        }
    }

    private static async Task ShouldNameFieldAsync(HttpResponseMessage response, string field, string what)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"{what}: {problem}");
        errors.EnumerateObject().Select(e => e.Name.TrimStart('$', '.')).ShouldContain(n => n.Equals(field, StringComparison.OrdinalIgnoreCase), $"{what}: {problem}");
    }

    private async Task RestoreWorkerAsync(Guid id)
    {
        await using var db = host.Data.NewContext();
        await db.Workers.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Position, "网格员").SetProperty(w => w.ProfessionalTitle, "助理社会工作师")
            .SetProperty(w => w.ServiceStartDate, new DateOnly(2010, 7, 1)).SetProperty(w => w.StaffCategory, StaffCategory.Other));
    }

    private async Task<FrontlineWorker> WorkerRowAsync(Guid id)
    {
        await using var db = host.Data.NewContext();
        return await db.Workers.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private async Task<Deployment> DeploymentRowAsync(Guid id)
    {
        await using var db = host.Data.NewContext();
        return await db.Deployments.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<DailyHealthReport> HealthRowAsync(Guid workerId)
    {
        await using var db = host.Data.NewContext();
        return await db.DailyHealthReports.AsNoTracking().SingleAsync(r => r.WorkerId == workerId);
    }

    private async Task<bool> AuditedClearAsync(Guid workerId, string field)
    {
        await using var db = host.Data.NewContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Worker" && a.WorkerId == workerId).OrderByDescending(a => a.Id).Take(1).ToListAsync();
        return entries.Any(e => e.Changes.TryGetValue(field, out var change) && change.Old is not null && change.New is null);
    }

    /// <summary>The whole record as the API takes it, in full (the stored ID number, not the masked one).</summary>
    private static JsonObject WorkerBody(FrontlineWorker w) => new()
    {
        ["version"] = w.Version, ["fullName"] = w.FullName, ["gender"] = w.Gender.ToString(), ["nationalId"] = w.NationalId,
        ["mobile"] = w.Mobile, ["unitId"] = w.UnitId, ["category"] = w.Category.ToString(), ["politicalStatus"] = w.PoliticalStatus.ToString(),
        ["staffCategory"] = w.StaffCategory.ToString(), ["position"] = w.Position, ["professionalTitle"] = w.ProfessionalTitle,
        ["serviceStartDate"] = w.ServiceStartDate?.ToString("yyyy-MM-dd"), ["spouseId"] = w.SpouseId,
    };

    /// <summary>The stored fields whose value differs (bookkeeping columns aside).</summary>
    private static string[] Changed<T>(T before, T after) => typeof(T).GetProperties()
        .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string))
        .Where(p => p.Name is not ("Version" or "UpdatedAt" or "CreatedAt"))
        .Where(p => !Equals(p.GetValue(before), p.GetValue(after)))
        .Select(p => p.Name).ToArray();

    private static IEnumerable<string> DeploymentChanges(Deployment before, Deployment after) => Changed(before, after);

    private static IEnumerable<string> HealthChanges(DailyHealthReport before, DailyHealthReport after) =>
        Changed(before, after).Concat(before.Version != after.Version ? ["Version"] : []);

    private static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    private static string Show(JsonNode? value) => value is null ? "null" : JsonSerializer.Serialize(value.GetValue<string>());
}
