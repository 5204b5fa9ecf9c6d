using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Participation.InfraTests;

/// <summary>What one run of the Bicep CLI printed.</summary>
internal sealed partial record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Everything the CLI reported besides the compiled JSON. Bicep reports type errors (BCP0xx) and linter findings
    /// as warnings and still exits 0, so every line counts: a template with a warning may well fail in Azure.
    /// </summary>
    public IReadOnlyList<string> Problems =>
        [
            .. Lines(StandardError),
            .. Lines(StandardOutput).Where(line => Diagnostic().IsMatch(line)),
        ];

    public override string ToString() =>
        $"{Command} exited {ExitCode}\n{string.Join('\n', Problems)}";

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // The CLI's diagnostic format: "<file>(<line>,<column>) : Warning <code>: <message>".
    [GeneratedRegex(@"\) : (Warning|Error) ")]
    private static partial Regex Diagnostic();
}

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, run offline on files in the repository.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ExecutablePath { get; } = Locate();

    public static Task<BicepRun> BuildAsync(string bicepFile) =>
        RunAsync(["build", bicepFile, "--stdout"], new Dictionary<string, string?>());

    public static Task<BicepRun> BuildParamsAsync(string bicepparamFile, IReadOnlyDictionary<string, string?> environment) =>
        RunAsync(["build-params", bicepparamFile, "--stdout"], environment);

    private static async Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No first-run telemetry or update checks: the machine has no internet.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} took longer than {Timeout}.");
        }

        return new BicepRun($"bicep {string.Join(' ', arguments)}", process.ExitCode, await standardOutput, await standardError);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Bicep CLI not found at '{path}'. It comes from the Azure.Bicep.CommandLine.linux-x64 package: run dotnet restore.");
        }

        // NuGet extracts files without their execute bit on some machines. The package is the linux-x64 CLI.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI package referenced here runs on linux-x64 only.");
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
