using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Participation.IntegrationTests.Infrastructure;

/// <summary>The real app (its own Program) on real Azurite, with settings and extra test functions per test class.</summary>
public sealed class PlatformFactory(
    string storageConnectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Development")
    : WebApplicationFactory<Program>
{
    /// <summary>Starts the host — its listeners and timers too — and waits until its tables and queues exist.</summary>
    public async Task<PlatformFactory> StartedAsync()
    {
        _ = Server;
        await Services.GetRequiredService<Participation.App.Storage.StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Added last, so these win over appsettings, host.json and environment variables.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                // Test classes run app instances side by side on one Azurite: counters shared between them would make one
                // class's submissions count against another's. SharedRateLimitTests turns them on.
                ["RateLimits:SharedCounters"] = "false",
            }.Concat(settings ?? new Dictionary<string, string?>()).Append(new("AzureWebJobsStorage", storageConnectionString))
            .GroupBy(setting => setting.Key).ToDictionary(group => group.Key, group => group.Last().Value)));

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
