using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FrontlineCare.Web.Infrastructure;

/// <summary>
/// MudBlazor's own texts (pager, date picker, close buttons, "Loading…", the file upload, the converters' errors …) in
/// the user's language: Chinese from <c>Resources/MudText.resx</c>, English from its en-US pair. MudBlazor asks this
/// localizer first and uses its built-in English only for a key the resources lack.
/// </summary>
public sealed class MudTextLocalizer : MudLocalizer
{
    public static readonly ResourceManager Resources = new("FrontlineCare.Web.Resources.MudText", typeof(MudTextLocalizer).Assembly);

    public override LocalizedString this[string key]
    {
        get
        {
            var text = Resources.GetString(key, CultureInfo.CurrentUICulture);
            return new LocalizedString(key, text ?? key, resourceNotFound: text is null);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = Resources.GetString(key, CultureInfo.CurrentUICulture);
            return text is null
                ? new LocalizedString(key, key, resourceNotFound: true)
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text, arguments));
        }
    }
}
