using System.Collections;
using System.Globalization;
using System.Resources;

namespace FrontlineCare.Web.Tests.Features;

/// <summary>Every text exists in Chinese (the neutral resources) and in English, and the two differ where they should.</summary>
public sealed class ResourceParityTests
{
    public static TheoryData<string> Resources => new() { "UiText", "Messages", "MudText" };

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_has_a_chinese_and_an_english_text(string name)
    {
        var manager = name switch
        {
            "UiText" => Web.Resources.UiText.ResourceManager,
            "MudText" => Infrastructure.MudTextLocalizer.Resources,
            _ => Core.Resources.Messages.ResourceManager,
        };
        var zh = Keys(manager, CultureInfo.InvariantCulture);
        var en = Keys(manager, new CultureInfo("en-US"), tryParents: false);
        zh.Keys.Except(en.Keys).ShouldBeEmpty($"{name}: keys missing in en-US");
        en.Keys.Except(zh.Keys).ShouldBeEmpty($"{name}: keys missing in the neutral (zh-CN) resources");
        zh.Values.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v));
        en.Values.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v));
        // The English file is a translation, not a copy: most Chinese texts contain CJK characters, no English one does.
        en.Values.ShouldAllBe(v => !v.Any(c => c >= '\u4e00' && c <= '\u9fff') || v.Contains("简体中文"));
    }

    [Fact]
    public void Chinese_is_the_default_and_english_is_served_on_request()
    {
        Web.Resources.UiText.ResourceManager.GetString("NavWorkers", new CultureInfo("zh-CN")).ShouldBe("一线人员");
        Web.Resources.UiText.ResourceManager.GetString("NavWorkers", new CultureInfo("en-US")).ShouldBe("Frontline workers");
        Core.Resources.Messages.ResourceManager.GetString("NationalIdCheckDigit", new CultureInfo("zh-CN")).ShouldBe("身份证号校验位不正确，请核对");
    }

    [Fact]
    public void MudBlazors_own_texts_speak_chinese_by_default_and_english_on_request()
    {
        var localizer = new Infrastructure.MudTextLocalizer();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            localizer["MudTablePager_NextPage"].Value.ShouldBe("下一页");
            localizer["MudDataGridPager_InfoFormat", 1, 10, 57].Value.ShouldBe("第 1–10 条，共 57 条");
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            localizer["MudTablePager_NextPage"].Value.ShouldBe("Next page");
            localizer["NoSuchMudKey"].ResourceNotFound.ShouldBeTrue("an unknown key falls back to MudBlazor's built-in text");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Keys(ResourceManager manager, CultureInfo culture, bool tryParents = true)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: tryParents)
                  ?? throw new InvalidOperationException($"no resources for {culture.Name}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
