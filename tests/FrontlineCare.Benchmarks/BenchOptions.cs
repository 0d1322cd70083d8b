using System.Globalization;

namespace FrontlineCare.Benchmarks;

/// <summary>Which benchmark a run measures after seeding: the worker list (G4), duty and the B2 sweep (issue #3),
/// nominations and quotas (issue #4), the subsidy sheet (issue #5), the measures checklist (issue #6), or all of them.</summary>
internal enum BenchScenario
{
    All,
    List,
    Duty,
    Nominations,
    Subsidy,
    Checklist,
}

/// <summary>Command-line options: <c>--workers N --iterations N --warmup N --throughput N --seed N --no-explain --scenario list|duty|nominations|subsidy|checklist|all</c>.</summary>
internal sealed record BenchOptions
{
    public int Workers { get; init; } = 1_000_000;
    /// <summary>Timed calls per latency scenario (after the warm-up).</summary>
    public int Iterations { get; init; } = 200;
    public int Warmup { get; init; } = 20;
    /// <summary>Sequential queries per side (portal and raw) in the throughput comparison.</summary>
    public int ThroughputQueries { get; init; } = 2_000;
    public int Seed { get; init; } = 20200123;
    /// <summary>Print the SQL the portal sends per scenario, with a replayed time and EXPLAIN ANALYZE of the costly ones.</summary>
    public bool Explain { get; init; } = true;
    /// <summary>Leave the cluster running (and its folder) after the run, for manual EXPLAIN; stop it with pg_ctl yourself.</summary>
    public bool Keep { get; init; }
    public BenchScenario Scenario { get; init; } = BenchScenario.All;

    public bool RunsList => Scenario is BenchScenario.All or BenchScenario.List;
    public bool RunsDuty => Scenario is BenchScenario.All or BenchScenario.Duty;
    public bool RunsNominations => Scenario is BenchScenario.All or BenchScenario.Nominations;
    public bool RunsSubsidy => Scenario is BenchScenario.All or BenchScenario.Subsidy;
    public bool RunsChecklist => Scenario is BenchScenario.All or BenchScenario.Checklist;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            options = name switch
            {
                "--workers" => options with { Workers = Number(args, ref i, min: 1_000) },
                "--iterations" => options with { Iterations = Number(args, ref i, min: 1) },
                "--warmup" => options with { Warmup = Number(args, ref i, min: 0) },
                "--throughput" => options with { ThroughputQueries = Number(args, ref i, min: 4) },
                "--seed" => options with { Seed = Number(args, ref i, min: 0) },
                "--no-explain" => options with { Explain = false },
                "--keep" => options with { Keep = true },
                "--scenario" => options with { Scenario = ScenarioName(args, ref i) },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option '{name}'.\n{Usage}"),
            };
        }
        return options;
    }

    public const string Usage =
        "Usage: dotnet run -c Release --project tests/FrontlineCare.Benchmarks -- " +
        "[--workers 1000000] [--iterations 200] [--warmup 20] [--throughput 2000] [--seed N] [--no-explain] [--keep] [--scenario list|duty|nominations|subsidy|checklist|all]";

    private static BenchScenario ScenarioName(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs list, duty, nominations, subsidy, checklist or all.\n{Usage}");
        return args[++i] switch
        {
            "list" => BenchScenario.List,
            "duty" => BenchScenario.Duty,
            "nominations" => BenchScenario.Nominations,
            "subsidy" => BenchScenario.Subsidy,
            "checklist" => BenchScenario.Checklist,
            "all" => BenchScenario.All,
            _ => throw new ArgumentException($"--scenario must be list, duty, nominations, subsidy, checklist or all, not '{args[i]}'."),
        };
    }

    private static int Number(string[] args, ref int i, int min)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a number.\n{Usage}");
        var text = args[++i].Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new ArgumentException($"{args[i - 1]} must be a whole number ≥ {min}, not '{args[i]}'.");
        return value;
    }
}
