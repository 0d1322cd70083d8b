using FrontlineCare.Core.Common;
using FrontlineCare.Core.Features.Workers;
using FrontlineCare.Core.Resources;
using FrontlineCare.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontlineCare.Core.Tests.Features.Workers;

public sealed class WorkerServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private WorkerService Service => fixture.Get<WorkerService>();

    private async Task<int> WorkerCountAsync()
    {
        await using var db = fixture.NewContext();
        return await db.Workers.CountAsync();
    }

    [Fact]
    public async Task A_new_worker_is_saved_with_trimmed_name_and_upper_case_x()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"));
        var id = TestData.NationalIdEndingInX();
        form.NationalId = id.ToLowerInvariant();
        form.Gender = NationalIdNumberIsMale(id) ? Gender.Male : Gender.Female;
        var name = form.FullName;
        form.FullName = "  " + name + " ";

        var result = await Service.CreateAsync(form);

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        var saved = await fixture.ReloadWorkerAsync(result.Value);
        saved.FullName.ShouldBe(name);
        saved.NationalId.ShouldBe(id);
        saved.UnitId.ShouldBe(form.UnitId!.Value);
    }

    private static bool NationalIdNumberIsMale(string id) => Core.Policy.NationalIdNumber.IsMale(id);

    [Fact]
    public async Task Registering_a_national_id_twice_is_refused_on_the_national_id_field_and_saves_nothing()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var existing = await fixture.AddWorkerAsync("白云社区");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"));
        form.NationalId = existing.NationalId;
        var before = await WorkerCountAsync();

        var result = await Service.CreateAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(WorkerForm.NationalId));
        // Within the caller's jurisdiction the answer says who holds the number.
        error.Message.ShouldBe(string.Format(Messages.NationalIdDuplicateHere, existing.FullName, "白云社区"));
        (await WorkerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_number_registered_outside_the_callers_jurisdiction_is_still_a_duplicate()
    {
        var existing = await fixture.AddWorkerAsync("白云社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"));
        form.NationalId = existing.NationalId;
        var before = await WorkerCountAsync();

        var result = await Service.CreateAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(WorkerForm.NationalId));
        (await WorkerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_duplicate_typed_with_a_lowercase_x_is_recognised()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = TestData.NationalIdEndingInX();
        var first = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"), NationalIdNumberIsMale(id) ? Gender.Male : Gender.Female);
        first.NationalId = id;
        (await Service.CreateAsync(first)).IsOk.ShouldBeTrue();
        var second = TestData.WorkerForm(first.UnitId!.Value, first.Gender!.Value);
        second.NationalId = id.ToLowerInvariant();
        var before = await WorkerCountAsync();

        var result = await Service.CreateAsync(second);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(WorkerForm.NationalId));
        (await WorkerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Saving_over_someone_elses_edit_is_a_conflict_and_their_edit_is_kept()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var worker = await fixture.AddWorkerAsync("东山社区");
        var mine = (await Service.GetFormAsync(worker.Id)).Value!;
        var theirs = (await Service.GetFormAsync(worker.Id)).Value!;

        theirs.FullName = "先改者";
        (await Service.UpdateAsync(theirs)).IsOk.ShouldBeTrue();
        mine.FullName = "后改者";
        var result = await Service.UpdateAsync(mine);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Message.ShouldBe(Messages.ConcurrencyConflict);
        (await fixture.ReloadWorkerAsync(worker.Id)).FullName.ShouldBe("先改者");
    }

    [Fact]
    public async Task After_reloading_the_form_the_second_editor_can_save()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var worker = await fixture.AddWorkerAsync("东山社区");
        var first = (await Service.GetFormAsync(worker.Id)).Value!;
        first.Position = "社区主任";
        (await Service.UpdateAsync(first)).IsOk.ShouldBeTrue();

        var reloaded = (await Service.GetFormAsync(worker.Id)).Value!;
        reloaded.Version.ShouldNotBe(first.Version);
        reloaded.Position = "社区书记";
        (await Service.UpdateAsync(reloaded)).IsOk.ShouldBeTrue();

        (await fixture.ReloadWorkerAsync(worker.Id)).Position.ShouldBe("社区书记");
    }

    [Fact]
    public async Task The_unit_committee_sees_national_ids_masked_in_the_list_and_the_detail_but_mobiles_in_full()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var listed = (await Service.ListAsync(new WorkerQuery { Search = worker.FullName })).Value!.Items.ShouldHaveSingleItem();
        var detail = (await Service.GetAsync(worker.Id)).Value!;

        listed.NationalId.ShouldBe(Masking.NationalId(worker.NationalId));
        listed.NationalId.ShouldMatch(@"^\d{4}\*{10}[\dX]{4}$");
        detail.NationalId.ShouldBe(Masking.NationalId(worker.NationalId));
        detail.NationalIdMasked.ShouldBeTrue();
        listed.Mobile.ShouldBe(worker.Mobile);
        detail.Mobile.ShouldBe(worker.Mobile);
    }

    [Fact]
    public async Task The_organisation_department_sees_national_ids_in_full()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var listed = (await Service.ListAsync(new WorkerQuery { Search = worker.FullName })).Value!.Items.ShouldHaveSingleItem();
        var detail = (await Service.GetAsync(worker.Id)).Value!;

        listed.NationalId.ShouldBe(worker.NationalId);
        detail.NationalId.ShouldBe(worker.NationalId);
        detail.NationalIdMasked.ShouldBeFalse();
        detail.Mobile.ShouldBe(worker.Mobile);
    }

    [Fact]
    public async Task A_supervisor_sees_both_national_id_and_mobile_masked()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.Supervisor, "椒江区");

        var listed = (await Service.ListAsync(new WorkerQuery { Search = worker.FullName })).Value!.Items.ShouldHaveSingleItem();
        var detail = (await Service.GetAsync(worker.Id)).Value!;

        listed.NationalId.ShouldBe(Masking.NationalId(worker.NationalId));
        listed.Mobile.ShouldBe(Masking.Mobile(worker.Mobile));
        detail.Mobile.ShouldBe(Masking.Mobile(worker.Mobile));
        detail.CanEdit.ShouldBeFalse();
    }

    [Fact]
    public async Task The_exported_rows_are_masked_like_the_list()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var exported = (await Service.ExportAsync(new WorkerQuery { Search = worker.FullName }).CollectAsync()).ShouldHaveSingleItem();

        exported.NationalId.ShouldBe(Masking.NationalId(worker.NationalId));
    }

    [Fact]
    public async Task The_unit_committee_edits_a_worker_without_seeing_the_number_and_the_number_is_kept()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        form.NationalId.ShouldBeNull();
        form.Position = "网格长";
        var result = await Service.UpdateAsync(form);

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        var saved = await fixture.ReloadWorkerAsync(worker.Id);
        saved.NationalId.ShouldBe(worker.NationalId);
        saved.Position.ShouldBe("网格长");
    }

    [Fact]
    public async Task The_organisation_departments_edit_form_carries_the_full_number()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var form = (await Service.GetFormAsync(worker.Id)).Value!;

        form.NationalId.ShouldBe(worker.NationalId);
        form.Mobile.ShouldBe(worker.Mobile);
        form.Version.ShouldBe(worker.Version);
    }

    [Fact]
    public async Task Correcting_a_national_id_saves_the_new_number()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        var corrected = TestData.NationalId(worker.Gender);
        form.NationalId = corrected;

        (await Service.UpdateAsync(form)).IsOk.ShouldBeTrue();

        (await fixture.ReloadWorkerAsync(worker.Id)).NationalId.ShouldBe(corrected);
    }

    [Fact]
    public async Task Naming_a_spouse_links_both_people()
    {
        var husband = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var wife = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var form = (await Service.GetFormAsync(husband.Id)).Value!;
        form.SpouseId = wife.Id;
        (await Service.UpdateAsync(form)).IsOk.ShouldBeTrue();

        (await fixture.ReloadWorkerAsync(husband.Id)).SpouseId.ShouldBe(wife.Id);
        (await fixture.ReloadWorkerAsync(wife.Id)).SpouseId.ShouldBe(husband.Id);
        (await Service.GetAsync(wife.Id)).Value!.SpouseName.ShouldBe(husband.FullName);
    }

    [Fact]
    public async Task A_new_worker_registered_with_a_spouse_links_both_people()
    {
        var wife = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"), Gender.Male);
        form.SpouseId = wife.Id;

        var result = await Service.CreateAsync(form);

        result.Status.ShouldBe(ResultStatus.Ok, string.Join("; ", result.Errors));
        (await fixture.ReloadWorkerAsync(result.Value)).SpouseId.ShouldBe(wife.Id);
        (await fixture.ReloadWorkerAsync(wife.Id)).SpouseId.ShouldBe(result.Value);
    }

    [Fact]
    public async Task Changing_the_spouse_releases_the_former_one()
    {
        var worker = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var former = await fixture.AddWorkerAsync("东山社区", Gender.Female);
        var next = await fixture.AddWorkerAsync("西街社区", Gender.Female);
        await fixture.MarryAsync(worker.Id, former.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        form.SpouseId = next.Id;
        (await Service.UpdateAsync(form)).IsOk.ShouldBeTrue();

        (await fixture.ReloadWorkerAsync(worker.Id)).SpouseId.ShouldBe(next.Id);
        (await fixture.ReloadWorkerAsync(next.Id)).SpouseId.ShouldBe(worker.Id);
        (await fixture.ReloadWorkerAsync(former.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task Clearing_the_spouse_releases_both_people()
    {
        var worker = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var spouse = await fixture.AddWorkerAsync("东山社区", Gender.Female);
        await fixture.MarryAsync(worker.Id, spouse.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var form = (await Service.GetFormAsync(spouse.Id)).Value!;
        form.SpouseId = null;
        (await Service.UpdateAsync(form)).IsOk.ShouldBeTrue();

        (await fixture.ReloadWorkerAsync(worker.Id)).SpouseId.ShouldBeNull();
        (await fixture.ReloadWorkerAsync(spouse.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task Someone_already_married_to_another_cannot_be_named_as_spouse()
    {
        var worker = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var married = await fixture.AddWorkerAsync("东山社区", Gender.Female);
        var partner = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        await fixture.MarryAsync(married.Id, partner.Id);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        form.SpouseId = married.Id;
        var result = await Service.UpdateAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(WorkerForm.SpouseId));
        error.Message.ShouldBe(Messages.SpouseTaken);
        (await fixture.ReloadWorkerAsync(married.Id)).SpouseId.ShouldBe(partner.Id);
        (await fixture.ReloadWorkerAsync(worker.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task A_spouse_outside_the_callers_jurisdiction_cannot_be_named()
    {
        var worker = await fixture.AddWorkerAsync("东山社区", Gender.Male);
        var outside = await fixture.AddWorkerAsync("白云社区", Gender.Female);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var form = (await Service.GetFormAsync(worker.Id)).Value!;
        form.SpouseId = outside.Id;
        var result = await Service.UpdateAsync(form);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(WorkerForm.SpouseId));
        (await fixture.ReloadWorkerAsync(outside.Id)).SpouseId.ShouldBeNull();
    }

    [Fact]
    public async Task Searching_by_a_name_fragment_finds_the_worker()
    {
        var worker = await fixture.AddWorkerAsync("东山社区", name: "欧阳" + TestData.Name("娜"));
        var other = await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var fragment = worker.FullName[2..^1];
        var found = (await Service.ListAsync(new WorkerQuery { Search = fragment })).Value!;

        found.Items.Select(i => i.Id).ShouldBe([worker.Id]);
        found.TotalCount.ShouldBe(1);
        found.Items.ShouldNotContain(i => i.Id == other.Id);
    }

    [Fact]
    public async Task Wildcards_in_a_name_search_are_taken_literally()
    {
        await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        (await Service.ListAsync(new WorkerQuery { Search = "%" })).Value!.Items.ShouldBeEmpty();
        (await Service.ListAsync(new WorkerQuery { Search = "_" })).Value!.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.UnitCommittee, "海门街道")]
    [InlineData(Roles.OrgDepartment, "椒江区")]
    [InlineData(Roles.Supervisor, "椒江区")]
    public async Task Searching_by_the_full_eighteen_digit_number_finds_exactly_that_worker(string role, string home)
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        await fixture.AddWorkerAsync("东山社区");
        await fixture.UseAsync(role, home);

        var found = (await Service.ListAsync(new WorkerQuery { Search = worker.NationalId })).Value!;

        found.Items.ShouldHaveSingleItem().Id.ShouldBe(worker.Id);
    }

    [Fact]
    public async Task Searching_by_a_number_typed_with_a_lowercase_x_finds_the_worker()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var id = TestData.NationalIdEndingInX();
        var form = TestData.WorkerForm(await fixture.UnitIdAsync("东山社区"), NationalIdNumberIsMale(id) ? Gender.Male : Gender.Female);
        form.NationalId = id;
        var created = (await Service.CreateAsync(form)).Value;

        var found = (await Service.ListAsync(new WorkerQuery { Search = id.ToLowerInvariant() })).Value!;

        found.Items.ShouldHaveSingleItem().Id.ShouldBe(created);
    }

    [Fact]
    public async Task Only_the_organisation_department_finds_workers_by_the_first_digits_of_the_number()
    {
        var worker = await fixture.AddWorkerAsync("东山社区");
        var prefix = worker.NationalId[..14]; // region and birth date: unique to this test's worker

        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        (await Service.ListAsync(new WorkerQuery { Search = prefix })).Value!.Items.ShouldHaveSingleItem().Id.ShouldBe(worker.Id);

        // A masked viewer could otherwise reconstruct a number digit by digit.
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");
        (await Service.ListAsync(new WorkerQuery { Search = prefix })).Value!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_deployed_now_filter_separates_workers_at_a_post_today_from_the_others()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        var atPost = await fixture.AddWorkerAsync(unit.Id);
        var openEnded = await fixture.AddWorkerAsync(unit.Id);
        var endsToday = await fixture.AddWorkerAsync(unit.Id);
        var finished = await fixture.AddWorkerAsync(unit.Id);
        var future = await fixture.AddWorkerAsync(unit.Id);
        var never = await fixture.AddWorkerAsync(unit.Id);
        await fixture.AddDeploymentAsync(atPost.Id, Today.AddDays(-3), Today.AddDays(3));
        await fixture.AddDeploymentAsync(openEnded.Id, Today.AddDays(-30), null);
        await fixture.AddDeploymentAsync(endsToday.Id, Today.AddDays(-10), Today);
        await fixture.AddDeploymentAsync(finished.Id, Today.AddDays(-30), Today.AddDays(-1));
        await fixture.AddDeploymentAsync(future.Id, Today.AddDays(1), null);
        await fixture.UseAsync(Roles.UnitCommittee, "海门街道");

        var deployed = (await Service.ListAsync(new WorkerQuery { UnitId = unit.Id, DeployedNow = true })).Value!;
        var notDeployed = (await Service.ListAsync(new WorkerQuery { UnitId = unit.Id, DeployedNow = false })).Value!;

        deployed.Items.Select(i => i.Id).ShouldBe([atPost.Id, openEnded.Id, endsToday.Id], ignoreOrder: true);
        deployed.Items.ShouldAllBe(i => i.DeployedNow);
        notDeployed.Items.Select(i => i.Id).ShouldBe([finished.Id, future.Id, never.Id], ignoreOrder: true);
        notDeployed.Items.ShouldAllBe(i => !i.DeployedNow);
    }

    public static TheoryData<WorkerSort, bool> Orders => new()
    {
        { WorkerSort.Name, false },
        { WorkerSort.Name, true },
        { WorkerSort.UpdatedAt, false },
        { WorkerSort.UpdatedAt, true },
    };

    /// <summary>A unit of 23 workers, some sharing a name (and all an UpdatedAt), so the id must break ties.</summary>
    private async Task<Guid> UnitOfTwentyThreeAsync()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        string[] names = ["张伟", "王芳", "李娜", "张伟", "刘洋", "陈静", "王芳", "张伟", "杨帆", "赵磊", "黄敏", "周杰"];
        for (var i = 0; i < 23; i++) await fixture.AddWorkerAsync(unit.Id, name: names[i % names.Length]);
        return unit.Id;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Paging_on_with_the_next_cursor_gives_the_same_rows_as_one_big_page(WorkerSort sort, bool descending)
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var query = new WorkerQuery { UnitId = unitId, Sort = sort, Descending = descending };

        var all = (await Service.ListAsync(query with { PageSize = 200 })).Value!;
        var walked = new List<Guid>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await Service.ListAsync(query with { PageSize = 5, After = after })).Value!;
            // The total comes with the first page; cursor pages do not pay for a count again.
            page.TotalCount.ShouldBe(after is null ? 23 : null);
            page.Items.Count.ShouldBeLessThanOrEqualTo(5);
            walked.AddRange(page.Items.Select(i => i.Id));
            after = page.NextCursor;
            pages.ShouldBeLessThan(10, "the cursor does not advance");
            pages++;
        }
        while (after is not null);

        all.Items.Count.ShouldBe(23);
        all.NextCursor.ShouldBeNull();
        pages.ShouldBe(5);
        walked.ShouldBe(all.Items.Select(i => i.Id).ToList());
        walked.Distinct().Count().ShouldBe(23);
    }

    [Fact]
    public async Task A_unit_added_while_a_user_pages_through_the_list_shows_its_workers_at_once()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var service = Service; // one service = one Blazor circuit
        var street = await fixture.UnitIdAsync("海门街道");
        (await service.ListAsync(new WorkerQuery { UnitId = street, PageSize = 200 })).IsOk.ShouldBeTrue();

        var unit = await fixture.AddUnitAsync("海门街道");
        var worker = await fixture.AddWorkerAsync(unit.Id, name: "新来的人");

        var page = (await service.ListAsync(new WorkerQuery { UnitId = street, PageSize = 200, Search = "新来的人" })).Value!;
        page.Items.Select(i => i.Id).ShouldContain(worker.Id);
    }

    [Fact]
    public async Task A_cursor_page_counts_the_total_when_asked()
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var first = (await Service.ListAsync(new WorkerQuery { UnitId = unitId, PageSize = 5 })).Value!;
        var next = (await Service.ListAsync(new WorkerQuery { UnitId = unitId, PageSize = 5, After = first.NextCursor, IncludeTotal = true })).Value!;
        next.TotalCount.ShouldBe(23);
    }

    [Fact]
    public async Task A_one_or_two_character_search_matches_the_start_of_names_and_a_longer_one_anywhere()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        await fixture.AddWorkerAsync(unit.Id, name: "欧阳晓明");
        await fixture.AddWorkerAsync(unit.Id, name: "晓明");
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var scope = new WorkerQuery { UnitId = unit.Id, PageSize = 50 };

        var names = async (string term) => (await Service.ListAsync(scope with { Search = term })).Value!.Items.Select(i => i.FullName).ToList();

        (await names("欧阳")).ShouldBe(["欧阳晓明"]);
        (await names("晓明")).ShouldBe(["晓明"]);
        (await names("阳晓明")).ShouldBe(["欧阳晓明"]);
    }

    [Fact]
    public async Task A_surname_search_finds_exactly_that_surname_and_not_others_read_the_same_way()
    {
        var unit = await fixture.AddUnitAsync("海门街道");
        // 魏, 卫, 韦 and 尉 are all read "wei": neighbours in pinyin order, but other surnames.
        foreach (var name in new[] { "魏", "魏欣", "魏欣怡", "卫东", "韦小宝", "尉迟恭", "王魏" })
            await fixture.AddWorkerAsync(unit.Id, name: name);
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var scope = new WorkerQuery { UnitId = unit.Id, PageSize = 50 };

        var found = (await Service.ListAsync(scope with { Search = "魏" })).Value!;

        found.Items.Select(i => i.FullName).ShouldBe(["魏", "魏欣", "魏欣怡"]);
        found.TotalCount.ShouldBe(3);
        (await Service.ListAsync(scope with { Search = "魏欣" })).Value!.Items.Select(i => i.FullName).ShouldBe(["魏欣", "魏欣怡"]);
    }

    [Fact]
    public async Task The_list_is_in_name_order()
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var names = (await Service.ListAsync(new WorkerQuery { UnitId = unitId, PageSize = 200 })).Value!.Items.Select(i => i.FullName).ToList();

        // Pinyin order: chen, huang, li, liu, wang, yang, zhang, zhao, zhou.
        names.Distinct().ShouldBe(["陈静", "黄敏", "李娜", "刘洋", "王芳", "杨帆", "张伟", "赵磊", "周杰"]);
    }

    [Fact]
    public async Task Paging_back_with_the_previous_cursor_returns_the_page_before()
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var query = new WorkerQuery { UnitId = unitId, PageSize = 5 };

        var first = (await Service.ListAsync(query)).Value!;
        var second = (await Service.ListAsync(query with { After = first.NextCursor })).Value!;
        var backToFirst = (await Service.ListAsync(query with { Before = second.PreviousCursor })).Value!;

        first.PreviousCursor.ShouldBeNull();
        second.PreviousCursor.ShouldNotBeNull();
        backToFirst.Items.Select(i => i.Id).ShouldBe(first.Items.Select(i => i.Id));
        backToFirst.PreviousCursor.ShouldBeNull();
        backToFirst.NextCursor.ShouldNotBeNull();
    }

    [Fact]
    public async Task Jumping_to_a_page_number_gives_the_rows_of_that_page()
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var query = new WorkerQuery { UnitId = unitId };

        var all = (await Service.ListAsync(query with { PageSize = 200 })).Value!.Items.Select(i => i.Id).ToList();
        var third = (await Service.ListAsync(query with { PageSize = 5, Page = 2 })).Value!;

        third.Items.Select(i => i.Id).ShouldBe(all.Skip(10).Take(5));
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("eyJUZXh0IjoxfQ")] // {"Text":1}
    public async Task A_tampered_cursor_starts_from_the_first_page(string cursor)
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var query = new WorkerQuery { UnitId = unitId, PageSize = 5 };

        var first = (await Service.ListAsync(query)).Value!;
        var tampered = await Service.ListAsync(query with { After = cursor });

        tampered.Status.ShouldBe(ResultStatus.Ok);
        tampered.Value!.Items.Select(i => i.Id).ShouldBe(first.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(WorkerSort.Name, WorkerSort.UpdatedAt)]
    [InlineData(WorkerSort.UpdatedAt, WorkerSort.Name)]
    public async Task A_cursor_from_another_sort_order_starts_from_the_first_page(WorkerSort takenFrom, WorkerSort usedWith)
    {
        var unitId = await UnitOfTwentyThreeAsync();
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");
        var cursor = (await Service.ListAsync(new WorkerQuery { UnitId = unitId, PageSize = 5, Sort = takenFrom })).Value!.NextCursor;
        var query = new WorkerQuery { UnitId = unitId, PageSize = 5, Sort = usedWith };
        var first = (await Service.ListAsync(query)).Value!;

        var result = await Service.ListAsync(query with { After = cursor });

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value!.Items.Select(i => i.Id).ShouldBe(first.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task The_page_size_is_capped()
    {
        await fixture.UseAsync(Roles.OrgDepartment, "椒江区");

        var page = (await Service.ListAsync(new WorkerQuery { PageSize = 100_000 })).Value!;

        page.Items.Count.ShouldBeLessThanOrEqualTo(WorkerService.MaxPageSize);
    }
}
