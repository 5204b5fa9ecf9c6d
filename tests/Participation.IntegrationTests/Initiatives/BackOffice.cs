using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Routing;

namespace Participation.IntegrationTests.Initiatives;

/// <summary>A private platform for initiative flows: its own Azurite (its queue listeners must not race another test's), a SendGrid stub, captured logs.</summary>
public sealed class BackOffice : IAsyncDisposable
{
    public required Azurite Storage { get; init; }
    public required SendGridStub SendGrid { get; init; }
    public required PlatformFactory Factory { get; init; }
    public required LogCapture Logs { get; init; }
    public HttpClient Anonymous => Factory.CreateClient();

    public static async Task<BackOffice> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var storage = await Azurite.StartPrivateAsync();
        var sendGrid = await SendGridStub.StartAsync();
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Url,
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.300",
            ["Initiatives:SupportThresholds:westhaven"] = "2",
            ["RateLimits:submissions:PermitLimit"] = "1000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var factory = new PlatformFactory(storage.ConnectionString, settings, collection =>
        {
            collection.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            services?.Invoke(collection);
        });
        var office = new BackOffice { Storage = storage, SendGrid = sendGrid, Factory = factory, Logs = logs };
        _ = factory.Server;
        await Eventually.HoldsAsync(async () =>
        {
            try { return (await factory.Services.GetRequiredService<RoutingDirectory>().ReadAsync(CancellationToken.None)).Configuration is not null; }
            catch (InvalidOperationException) { return false; }
        }, "the demo routing configuration is seeded");
        return office;
    }

    public async Task<string> SubmitAsync(object initiative)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/initiatives", initiative);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    }

    public async Task<JsonElement> TrackAsync(string code) =>
        await Anonymous.GetFromJsonAsync<JsonElement>($"/api/initiatives/{code}");

    public async Task<JsonElement> WaitForStatusAsync(string code, string status)
    {
        await Eventually.HoldsAsync(async () => (await TrackAsync(code)).GetProperty("status").GetString() == status, $"{code} is {status}", TimeSpan.FromSeconds(20));
        return await TrackAsync(code);
    }

    /// <summary>Changes the routing configuration as an admin would, through the API.</summary>
    public async Task ConfigureRoutingAsync(Func<RoutingConfiguration, RoutingConfiguration> change)
    {
        var admin = await Factory.AsAsync("admin-ingrid");
        var current = await admin.GetFromJsonAsync<RoutingApi.VersionedConfiguration>("/api/admin/routing", JsonSerializerOptions.Web);
        var response = await admin.PutAsJsonAsync("/api/admin/routing", new RoutingApi.VersionedConfiguration(change(current!.Configuration), current.Version), JsonSerializerOptions.Web);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public InitiativeStore Store => Factory.Services.GetRequiredService<InitiativeStore>();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await SendGrid.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
