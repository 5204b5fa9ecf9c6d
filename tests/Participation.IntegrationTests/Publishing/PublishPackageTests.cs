using System.Diagnostics;
using System.Text.Json;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Publishing;

/// <summary>
/// <c>./run.sh publish</c> produces what Azure Functions needs: host.json naming the handler executable, which exists
/// and is executable, and one folder with a function.json per function, for every kind of trigger.
/// </summary>
public sealed class PublishPackageTests
{
    [Fact]
    public async Task Publish_produces_the_deployable_custom_handler_package()
    {
        var output = Path.Combine(RepositoryRoot.Path, "out", "app");
        var run = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "run.sh"), "publish")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, await log + await errors);

        using var host = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        var executable = Path.Combine(output, handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!);
        Assert.True(File.Exists(executable), $"{executable} exists");
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, "the handler is executable");
        Assert.True(host.RootElement.GetProperty("extensions").TryGetProperty("queues", out _));

        var functions = Directory.GetDirectories(output).Where(d => File.Exists(Path.Combine(d, "function.json"))).ToList();
        var types = functions
            .Select(f => JsonDocument.Parse(File.ReadAllText(Path.Combine(f, "function.json"))).RootElement.GetProperty("bindings")[0].GetProperty("type").GetString())
            .ToHashSet();
        Assert.Contains("httpTrigger", types);
        Assert.Contains("queueTrigger", types);
        Assert.Contains("timerTrigger", types);
        Assert.Contains(functions, f => Path.GetFileName(f) == "RouteSubmittedInitiative");
        Assert.Contains(functions, f => Path.GetFileName(f) == "SubmitInitiative");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "out", "app.zip")));
    }
}
