using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Participation.Testing;

/// <summary>
/// The real OpenID Connect provider of <c>tests/Participation.LocalOidc</c> (panva/oidc-provider) on a free port, started
/// like a private Azurite. Staff and residents are its two clients; any password works, the login name picks the account.
/// </summary>
public sealed class LocalOidcProvider : IAsyncDisposable
{
    public const string StaffClientId = "participation-staff";
    public const string StaffClientSecret = "local-staff-secret";
    public const string ResidentClientId = "participation-residents";
    public const string ResidentClientSecret = "local-resident-secret";

    private readonly Process process;

    private LocalOidcProvider(Process process, int port)
    {
        this.process = process;
        Authority = $"http://127.0.0.1:{port}";
    }

    public string Authority { get; }

    /// <summary>Starts the provider for an app reachable at <paramref name="appUrls"/> (its redirect URIs are registered there).</summary>
    public static async Task<LocalOidcProvider> StartAsync(params string[] appUrls)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "Participation.LocalOidc");
        if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException("The local OpenID Connect provider is not installed: run ./test.sh, or `source scripts/oidc.sh && ensure_local_oidc`.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("provider.mjs");
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["APP_URLS"] = string.Join(',', appUrls);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("local-oidc ready", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var provider = new LocalOidcProvider(process, port);
        // Generous: on a loaded 2-core machine node takes its time to start.
        if (await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException("The local OpenID Connect provider did not start.");
        }

        return provider;
    }

    /// <summary>The app's settings that point both kinds of sign-in at this provider, as <c>LOCAL_OIDC=1 ./run.sh</c> does.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Identity:Staff:Authority"] = Authority,
        ["Identity:Staff:Audience"] = StaffClientId,
        ["Identity:Staff:ClientId"] = StaffClientId,
        ["Identity:Staff:ClientSecret"] = StaffClientSecret,
        ["Identity:Residents:Authority"] = Authority,
        ["Identity:Residents:Audience"] = ResidentClientId,
        ["Identity:Residents:ClientId"] = ResidentClientId,
        ["Identity:Residents:ClientSecret"] = ResidentClientSecret,
        ["Identity:Residents:Scopes"] = "openid",
    };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
