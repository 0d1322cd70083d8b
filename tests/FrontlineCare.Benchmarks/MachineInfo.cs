using System.Reflection;
using System.Runtime.InteropServices;

namespace FrontlineCare.Benchmarks;

/// <summary>Facts about the machine printed with every run, since the figures only mean something next to them.</summary>
internal static class MachineInfo
{
    /// <summary>The 1-, 5- and 15-minute load averages and the runnable/total tasks: other work on the machine skews the figures.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() + $" (on {Environment.ProcessorCount} cores)" : "n/a";

    public static string Version(Type type) =>
        type.Assembly.GetCustomAttributes(typeof(AssemblyInformationalVersionAttribute), false)
            .OfType<AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString() ?? "?";

    public static string CpuModel() => ReadField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();

    public static double MemTotalGiB()
    {
        var kb = ReadField("/proc/meminfo", "MemTotal", ':')?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, out var value) ? value / 1024.0 / 1024.0 : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
    }

    public static string OsName() => ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;

    private static string? ReadField(string file, string key, char separator)
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(separator, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
