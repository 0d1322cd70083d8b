using System.Net;
using System.Net.Http.Json;
using System.Text;
using FrontlineCare.Core.Features.Checklist;
using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.Nominations;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Features.Subsidies;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>
/// The jurisdiction matrix at the HTTP edge: every endpoint of the host (read from <see cref="EndpointDataSource"/>, so a
/// new one is covered or fails <see cref="Every_endpoint_of_the_host_is_in_the_matrix"/>), called by each demo account
/// by token and by cookie, on a record of 东山社区 (海门街道), 白云社区 (白云街道) and 府山街道 (绍兴市), and on made-up ids.
/// Outside the caller's jurisdiction the answer is the answer for a missing record (same status), a record inside it is
/// found, nothing answers 5xx, and no body — JSON, page or spreadsheet — holds an outside person's name or ID number.
/// </summary>
public sealed class EndpointMatrixTests(PortalHost host) : IClassFixture<PortalHost>
{
    private static readonly string[] Places = ["东山社区", "白云社区", "府山街道"];

    /// <summary>The demo accounts and the places of their jurisdiction (Admin: none — accounts only).</summary>
    private static readonly Dictionary<string, string[]> Jurisdictions = new()
    {
        ["orgdept"] = ["东山社区", "白云社区"],
        ["committee"] = ["东山社区"],
        ["committee2"] = ["白云社区"],
        ["supervisor"] = ["东山社区", "白云社区"],
        ["admin"] = [],
    };

    /// <summary>The records one place holds; <see cref="Missing"/> is the same shape with ids nobody has.</summary>
    private sealed record Records(string Place, Guid UnitId, Guid WorkerId, string WorkerName, string NationalId, uint WorkerVersion, Guid DeploymentId,
        uint DeploymentVersion, string DutyPlace, Guid NominationId, Guid NominationFileId, Guid ToleranceId, Guid ToleranceFileId, Guid StatementId,
        Guid StatementFileId, Guid SheetId)
    {
        public static Records Missing() => new("无此地", Guid.NewGuid(), Guid.NewGuid(), "无此人", "000000000000000000", 0, Guid.NewGuid(), 0,
            "无此岗" + Guid.NewGuid().ToString("N")[..6], Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
    }

    private delegate HttpRequestMessage Request(Records r);

    private static readonly DateOnly Today = DateOnly.FromDateTime(AppFixture.Now.UtcDateTime);

    /// <summary>Each endpoint (method and route pattern) and the request that addresses a place's record through it.</summary>
    private static readonly Dictionary<string, Request> Endpoints = new()
    {
        ["GET /api/v1/workers"] = r => Get($"/api/v1/workers?search={Uri.EscapeDataString(r.WorkerName)}&unitId={r.UnitId}"),
        ["GET /api/v1/workers/{id:guid}"] = r => Get($"/api/v1/workers/{r.WorkerId}"),
        ["PUT /api/v1/workers/{id:guid}"] = r => Json(HttpMethod.Put, $"/api/v1/workers/{r.WorkerId}", new
        {
            version = r.WorkerVersion, fullName = r.WorkerName, gender = "Male", mobile = "13900000001", unitId = r.UnitId, category = "CommunityCadre", politicalStatus = "PartyMember",
        }),
        ["POST /api/v1/workers"] = r => Json(HttpMethod.Post, "/api/v1/workers", new
        {
            fullName = "矩阵新人", gender = "Male", nationalId = TestData.NationalId(Core.Features.Workers.Gender.Male), mobile = "13900000002", unitId = r.UnitId,
            category = "Other", politicalStatus = "Masses",
        }),
        ["GET /api/v1/workers/{id:guid}/deployments"] = r => Get($"/api/v1/workers/{r.WorkerId}/deployments"),
        ["GET /api/v1/deployments/{id:guid}"] = r => Get($"/api/v1/deployments/{r.DeploymentId}"),
        ["PUT /api/v1/deployments/{id:guid}"] = r => Json(HttpMethod.Put, $"/api/v1/deployments/{r.DeploymentId}", new
        {
            workerId = r.WorkerId, version = r.DeploymentVersion, postKind = "Checkpoint", place = r.DutyPlace, startDate = Today.AddDays(-30), riskClass = "II",
        }),
        ["POST /api/v1/deployments"] = r => Json(HttpMethod.Post, "/api/v1/deployments", new
        {
            workerId = r.WorkerId, postKind = "Checkpoint", place = r.DutyPlace, startDate = Today.AddDays(200), endDate = Today.AddDays(201), riskClass = "II",
        }),
        ["GET /api/v1/health-reports"] = r => Get($"/api/v1/health-reports?day={Today:yyyy-MM-dd}&unitId={r.UnitId}"),
        ["POST /api/v1/health-reports"] = r => Json(HttpMethod.Post, "/api/v1/health-reports", new
        {
            workerId = r.WorkerId, day = Today, morningTemperature = 36.5m, eveningTemperature = 36.6m, symptoms = "None", testResult = "NotTested",
        }),
        ["GET /workers/export"] = r => Get($"/workers/export?unitId={r.UnitId}&search={Uri.EscapeDataString(r.WorkerName)}"),
        ["GET /difficulties/export"] = r => Get($"/difficulties/export?unitId={r.UnitId}"),
        ["GET /duty/template"] = r => Get($"/duty/template?place={Uri.EscapeDataString(r.DutyPlace)}&week={Today:yyyy-MM-dd}"),
        ["GET /subsidies/{id:guid}/export"] = r => Get($"/subsidies/{r.SheetId}/export"),
        ["GET /nominations/{id:guid}/files/{fileId:guid}"] = r => Get($"/nominations/{r.NominationId}/files/{r.NominationFileId}"),
        ["GET /nominations/{id:guid}/photo"] = r => Get($"/nominations/{r.NominationId}/photo"),
        ["GET /tolerance/{id:guid}/files/{fileId:guid}"] = r => Get($"/tolerance/{r.ToleranceId}/files/{r.ToleranceFileId}"),
        ["GET /checklist/files/{statementId:guid}/{fileId:guid}"] = r => Get($"/checklist/files/{r.StatementId}/{r.StatementFileId}"),
        // No record addressed: the whole jurisdiction's sheet; it must still hold no outside person.
        ["GET /checklist/export"] = _ => Get("/checklist/export"),
        ["GET /talent/export"] = _ => Get("/talent/export?list=TalentPool"),
    };

    /// <summary>Endpoints that address no personnel record (sign-out, language, the framework's own).</summary>
    private static readonly string[] NotPersonnel = ["POST /account/logout", "GET /culture"];

    private static bool IsFramework(string pattern) =>
        pattern.StartsWith("/_", StringComparison.Ordinal) || pattern.StartsWith("/health", StringComparison.Ordinal)
        || pattern.StartsWith("/openapi", StringComparison.Ordinal) || pattern.StartsWith("/scalar", StringComparison.Ordinal)
        || pattern.Contains("{**", StringComparison.Ordinal) || pattern.Contains('.', StringComparison.Ordinal);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    /// <summary>The host's endpoints as "METHOD /pattern", and the page routes apart.</summary>
    private (List<string> Api, List<string> Pages) HostEndpoints()
    {
        var api = new List<string>();
        var pages = new List<string>();
        foreach (var e in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            if (e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null) { pages.Add(pattern); continue; }
            if (IsFramework(pattern)) continue;
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            api.AddRange(methods.Select(m => $"{m} {pattern}"));
        }
        return (api.Distinct().ToList(), pages.Distinct().ToList());
    }

    [Fact]
    public void Every_endpoint_of_the_host_is_in_the_matrix()
    {
        var (api, pages) = HostEndpoints();
        api.Where(e => !Endpoints.ContainsKey(e) && !NotPersonnel.Contains(e)).ShouldBeEmpty("a new endpoint needs its row in EndpointMatrixTests.Endpoints");
        api.ShouldContain("GET /api/v1/workers/{id:guid}");
        pages.ShouldContain("/workers/{Id}");
    }

    public static TheoryData<string, bool> Callers()
    {
        var data = new TheoryData<string, bool>();
        foreach (var account in Jurisdictions.Keys)
        {
            data.Add(account, true);
            data.Add(account, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Outside_the_jurisdiction_every_endpoint_answers_like_missing_and_names_no_one(string account, bool byToken)
    {
        var records = new Dictionary<string, Records>();
        foreach (var place in Places) records[place] = await ArrangeAsync(place);
        using var client = byToken ? host.Client(await host.TokenForAsync(account)) : await host.CookieClientAsync(account);
        var inside = Jurisdictions[account];
        var outsiders = records.Values.Where(r => !inside.Contains(r.Place)).ToList();
        var failures = new List<string>();
        var (api, pages) = HostEndpoints();
        var checkedCalls = 0;

        foreach (var endpoint in api.Where(Endpoints.ContainsKey))
        {
            var missing = await SendAsync(client, Endpoints[endpoint](Records.Missing()));
            foreach (var place in Places)
            {
                var r = records[place];
                var answer = await SendAsync(client, Endpoints[endpoint](r));
                var at = $"{account} by {(byToken ? "token" : "cookie")}: {endpoint} on {place} → {answer.Status}";
                checkedCalls++;
                if (answer.Status >= 500) failures.Add($"{at} (5xx)");
                if (endpoint == "GET /api/v1/workers/{id:guid}" && answer.Status != (inside.Contains(place) ? 200 : 404))
                    failures.Add($"{at}: a worker reads 200 inside the jurisdiction and 404 outside it");
                if (inside.Contains(place))
                {
                    if (answer.Status == 404 && missing.Status == 404)
                        failures.Add($"{at}: a record inside the jurisdiction was not found");
                }
                else if (answer.Status != missing.Status)
                    failures.Add($"{at}, but a missing record answers {missing.Status}: existence leaks");
                foreach (var o in outsiders)
                    if (answer.Body.Contains(o.WorkerName, StringComparison.Ordinal) || answer.Body.Contains(o.NationalId, StringComparison.Ordinal))
                        failures.Add($"{at}: the body names {o.WorkerName} of {o.Place}, outside the jurisdiction");
            }
        }

        // Pages (prerendered for the cookie): a page about an outside person says "not found" and never names them.
        if (!byToken)
            foreach (var page in pages)
                foreach (var place in Places)
                {
                    var r = records[place];
                    var url = page.Replace("{Id}", r.WorkerId.ToString()).Replace("{WorkerId:guid}", r.WorkerId.ToString())
                        .Replace("{Id:guid}", page.StartsWith("/nominations", StringComparison.Ordinal) ? r.NominationId.ToString()
                            : page.StartsWith("/subsidies", StringComparison.Ordinal) ? r.SheetId.ToString()
                            : page.StartsWith("/tolerance", StringComparison.Ordinal) ? r.ToleranceId.ToString() : Guid.NewGuid().ToString());
                    if (url.Contains('{')) continue;
                    var answer = await SendAsync(client, Get(url));
                    var at = $"{account} by cookie: page {url} ({place}) → {answer.Status}";
                    if (answer.Status >= 500) failures.Add($"{at} (5xx)");
                    foreach (var o in outsiders)
                        if (answer.Body.Contains(o.WorkerName, StringComparison.Ordinal) || answer.Body.Contains(o.NationalId, StringComparison.Ordinal))
                            failures.Add($"{at}: the page names {o.WorkerName} of {o.Place}, outside the jurisdiction");
                    if (!page.Contains('{')) break; // a page without a record is the same for every place
                }

        checkedCalls.ShouldBe(Endpoints.Count * Places.Length, "every endpoint of the table was called on every place");
        failures.ShouldBeEmpty();
    }

    private sealed record Answer(int Status, string Body);

    private static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        string body;
        if (type.Contains("spreadsheetml", StringComparison.Ordinal) && bytes.Length > 0)
        {
            // A spreadsheet is a zip: read its cells, so a name in it is seen.
            using var xlsx = new MemoryStream(bytes);
            var text = new StringBuilder();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(xlsx))
                foreach (var cell in row.Values) text.Append(cell).Append('\t');
            body = text.ToString();
        }
        else body = Encoding.UTF8.GetString(bytes);
        return new Answer((int)response.StatusCode, body);
    }

    /// <summary>A new community under the place with a person, their deployment, a nomination with a file and a photo, an
    /// error-tolerance case with a file, a checklist statement with a file, and a subsidy sheet — straight in the database.</summary>
    private async Task<Records> ArrangeAsync(string place)
    {
        var data = host.Data;
        var unit = await data.AddUnitAsync(place);
        var worker = await data.AddWorkerAsync(unit.Id, name: TestData.Name("矩阵"));
        var dutyPlace = "矩阵卡口" + unit.Id.ToString("N")[..8];
        var deployment = await data.AddDeploymentAsync(worker.Id, Today.AddDays(-30), null, dutyPlace);
        var now = data.Clock.GetUtcNow();
        await using var db = data.NewContext();
        StoredFile File(string name, string type, byte[] content) => new()
        {
            Id = Guid.CreateVersion7(), FileName = name, ContentType = type, Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content, UploadedAt = now,
        };
        var nominationFile = File("事迹.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4 " + worker.FullName));
        var photo = File("照片.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var toleranceFile = File("申请.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4 申请"));
        var statementFile = File("台账.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4 台账"));
        db.StoredFiles.AddRange(nominationFile, photo, toleranceFile, statementFile);
        var nomination = new Nomination
        {
            Id = Guid.CreateVersion7(), Year = 2026, Kind = AwardKind.Commendation, NomineeKind = NomineeKind.Individual, WorkerId = worker.Id, UnitId = unit.Id,
            Deeds = "坚守卡口", Facts = NomineeFacts.None, Status = NominationStatus.Approved, NominatingUnitId = unit.ParentId!.Value, SubmittedBy = "matrix",
            SubmittedAt = now, Submissions = 1, Story = "事迹", PhotoFileId = photo.Id, PublishedAt = now,
        };
        db.Nominations.Add(nomination);
        db.NominationAttachments.Add(new NominationAttachment { NominationId = nomination.Id, FileId = nominationFile.Id });
        var tolerance = new ToleranceCase
        {
            Id = Guid.CreateVersion7(), WorkerId = worker.Id, OpenedOn = Today.AddDays(-5), Facts = "事实", Action = "措施", Mistake = "失误", Impact = "影响",
            CreatedAt = now, UpdatedAt = now,
        };
        db.ToleranceCases.Add(tolerance);
        db.ToleranceCaseFiles.Add(new ToleranceCaseFile { CaseId = tolerance.Id, FileId = toleranceFile.Id });
        var profile = await host.Services.CreateScope().ServiceProvider.GetRequiredService<Core.Features.Units.UnitService>().EffectiveProfileAsync(db, unit, CancellationToken.None);
        var statement = new MeasureStatement { Id = Guid.CreateVersion7(), UnitId = unit.Id, Profile = profile, ItemNumber = 1, Statement = "已落实", UpdatedAt = now };
        db.MeasureStatements.Add(statement);
        db.MeasureStatementAttachments.Add(new MeasureStatementAttachment { StatementId = statement.Id, FileId = statementFile.Id });
        var sheet = new SubsidySheet { Id = Guid.CreateVersion7(), UnitId = unit.Id, Month = new DateOnly(2026, 10, 1), Status = SubsidySheetStatus.Draft, GeneratedAt = now };
        db.SubsidySheets.Add(sheet);
        await db.SaveChangesAsync();
        var versions = await db.Workers.AsNoTracking().Where(w => w.Id == worker.Id).Select(w => w.Version).SingleAsync();
        return new Records(place, unit.Id, worker.Id, worker.FullName, worker.NationalId, versions, deployment.Id, deployment.Version, dutyPlace,
            nomination.Id, nominationFile.Id, tolerance.Id, toleranceFile.Id, statement.Id, statementFile.Id, sheet.Id);
    }
}
