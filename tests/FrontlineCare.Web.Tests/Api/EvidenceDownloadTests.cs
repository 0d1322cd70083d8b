using System.Net;
using FrontlineCare.Core.Features.Files;
using FrontlineCare.Core.Features.Protection;
using FrontlineCare.Core.Policy.Measures;
using FrontlineCare.Core.Tests.Support;
using FrontlineCare.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Web.Tests.Api;

/// <summary>An uploaded file is cleaned of invisible characters in its name and is only ever downloaded as an attachment (issue #14).</summary>
public sealed class EvidenceDownloadTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task A_file_claiming_pdf_with_a_bidi_override_in_its_name_is_stored_clean_and_sent_as_an_octet_stream_attachment()
    {
        // "申请‮fdp.exe" would show as "申请exe.pdf": the override is dropped, so the name reads as it is.
        var worker = await host.Data.AddWorkerAsync(await host.Data.UnitIdAsync("东山社区"), name: "下载甲");
        await using (var db = host.Data.NewContext())
        {
            var account = await db.Users.SingleAsync(u => u.UserName == "orgdept");
            host.Data.User.Become(Core.Common.Roles.OrgDepartment, account.HomeUnitId, "orgdept");
            host.Data.User.UserId = account.Id;
        }
        var cases = host.Data.Get<ToleranceService>();
        var opened = await cases.SaveAsync(new ToleranceCaseForm
        {
            WorkerId = worker.Id, Start = ToleranceStart.Application, OpenedOn = new DateOnly(2026, 11, 1),
            Facts = "未经集体研究即临时封闭小区出入口。", Action = "临时封闭小区", Mistake = "未按程序报批", Impact = "无重大损失", Handlers = [],
        });
        opened.IsOk.ShouldBeTrue(opened.Message);
        var content = "%PDF-1.4 <html><script>alert(1)</script></html>"u8.ToArray();
        (await cases.AttachAsync(opened.Value, [new UploadedFile("申请\u202Efdp.exe\u200F.pdf", content)])).IsOk.ShouldBeTrue();
        var file = (await cases.GetAsync(opened.Value)).Value!.Files.ShouldHaveSingleItem();
        file.FileName.ShouldBe("申请fdp.exe.pdf");

        var response = await host.Client(await host.TokenForAsync("orgdept")).GetAsync($"/tolerance/{opened.Value}/files/{file.FileId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(content);
    }

    [Theory]
    [InlineData("a\u202Eb.pdf")]
    [InlineData("a\u200Eb.pdf")]
    [InlineData("a\u200Fb.pdf")]
    [InlineData("a\u2066b\u2067\u2068\u2069.pdf")]
    [InlineData("a\u0007b\u0085.pdf")]
    [InlineData("a\u202Ab\u202B\u202C\u202D.pdf")]
    [InlineData("a\u200Bb\uFEFF\u2028.pdf")]
    public void Control_and_bidirectional_characters_are_taken_out_of_a_file_name(string name) =>
        EvidenceFiles.CleanName(name).ShouldBe("ab.pdf");
}
