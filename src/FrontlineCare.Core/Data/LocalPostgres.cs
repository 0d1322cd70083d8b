using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace FrontlineCare.Core.Data;

/// <summary>
/// A PostgreSQL cluster owned by this project: created with <c>initdb</c> in a folder of ours, started
/// with <c>pg_ctl</c> on a free loopback port, password-protected (scram), and run as the
/// <c>postgres</c> user when we are root (PostgreSQL refuses to run as root). Used by the portal when no
/// connection string is configured, and by the tests and benchmarks as a throwaway server.
/// </summary>
public sealed class LocalPostgres
{
    private const string SuperUser = "postgres";
    private readonly string _root;
    private readonly string _binDir;

    private LocalPostgres(string root, string binDir)
    {
        _root = Path.GetFullPath(root);
        _binDir = binDir;
    }

    private string ClusterDir => Path.Combine(_root, "cluster");
    private string SocketDir => Path.Combine(_root, "socket");
    private string PasswordFile => Path.Combine(_root, "password");
    private string PortFile => Path.Combine(_root, "port");
    public string LogFile => Path.Combine(_root, "postgres.log");

    public int Port { get; private set; }
    /// <summary>True when this process started the server (so it should stop it too).</summary>
    public bool StartedByUs { get; private set; }

    /// <summary>The folder holding initdb and pg_ctl: from PATH, else the newest /usr/lib/postgresql/N/bin.</summary>
    public static string? FindBinDir()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return dir;
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    /// <summary>
    /// Returns null when no PostgreSQL server binaries are found: in <paramref name="binDir"/> when given, else on
    /// PATH or under /usr/lib/postgresql.
    /// </summary>
    public static LocalPostgres? TryCreate(string root, string? binDir = null)
    {
        var bin = binDir is null ? FindBinDir() : File.Exists(Path.Combine(binDir, "initdb")) ? binDir : null;
        return bin is null ? null : new LocalPostgres(root, bin);
    }

    /// <summary>Creates the cluster if needed and starts it unless it is already running.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(SocketDir);
        if (!File.Exists(Path.Combine(ClusterDir, "PG_VERSION")))
        {
            await File.WriteAllTextAsync(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            GiveToPostgresUser();
            await RunAsync("initdb", ["-D", ClusterDir, "-U", SuperUser, "-A", "scram-sha-256", "--pwfile", PasswordFile,
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken);
        }

        if (File.Exists(PortFile) && int.TryParse(await File.ReadAllTextAsync(PortFile, cancellationToken), out var known)
            && await IsRunningAsync(cancellationToken))
        {
            Port = known;
            return;
        }

        Port = FreePort();
        await File.WriteAllTextAsync(PortFile, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        GiveToPostgresUser();
        var options = $"-p {Port} -k {SocketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off {NoPersonalDataInLog}";
        await RunAsync("pg_ctl", ["-D", ClusterDir, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        StartedByUs = true;
    }

    /// <summary>
    /// The server's log holds no personal data: errors without their DETAIL (a duplicate key's DETAIL line names the
    /// ID number), no failing statement text, no statements and no parameter values. A site-run server needs the
    /// same settings (docs/operations.md).
    /// </summary>
    public const string NoPersonalDataInLog =
        "-c log_error_verbosity=terse -c log_min_error_statement=panic -c log_statement=none " +
        "-c log_min_duration_statement=-1 -c log_parameter_max_length=0 -c log_parameter_max_length_on_error=0";

    public async Task StopAsync()
    {
        if (!Directory.Exists(ClusterDir)) return;
        await RunAsync("pg_ctl", ["-D", ClusterDir, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false);
    }

    public string ConnectionString(string database)
    {
        var password = File.ReadAllText(PasswordFile).Trim();
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = database,
            // Throwaway/local server: no TLS on loopback.
            SslMode = SslMode.Disable,
        }.ConnectionString;
    }

    /// <summary>Creates <paramref name="database"/> (optionally from a template) if it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        var sql = $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" +
                  (template is null ? "" : $" TEMPLATE \"{template.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        await using var create = new NpgsqlCommand(sql, conn);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        await RunAsync("pg_ctl", ["-D", ClusterDir, "status"], cancellationToken, throwOnError: false) == 0;

    private static bool IsRoot => Environment.UserName == "root";

    private void GiveToPostgresUser()
    {
        if (!IsRoot) return;
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{SuperUser}:", _root]) { UseShellExecute = false })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new InvalidOperationException($"chown of {_root} to the postgres user failed.");
    }

    private async Task<int> RunAsync(string tool, string[] args, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var exe = Path.Combine(_binDir, tool);
        var psi = IsRoot ? new ProcessStartInfo("runuser", ["-u", SuperUser, "--", exe, .. args]) : new ProcessStartInfo(exe, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = _root;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // pg_ctl start leaves the server holding inherited pipes; read only until the tool itself exits.
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            var err = await Task.WhenAny(stderr, Task.Delay(1000, cancellationToken)) == stderr ? await stderr : "";
            var output = await Task.WhenAny(stdout, Task.Delay(100, cancellationToken)) == stdout ? await stdout : "";
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {err}{output}");
        }
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
