using System.Globalization;

namespace FrontlineCare.Core.Tests.Support;

/// <summary>Switches the UI culture (the language of messages) until disposed.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    private UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static UiCulture Use(string name) => new(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
