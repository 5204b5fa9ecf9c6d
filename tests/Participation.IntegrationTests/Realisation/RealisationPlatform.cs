using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Realisation;

/// <summary>
/// The real app on a private Azurite (its queues hold only this class's messages, so a test can read what a hook queued),
/// triggers off: functions are invoked the way the Functions host invokes them. Time is a FakeTimeProvider at the real now.
/// </summary>
public sealed class RealisationPlatform : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public Azurite Storage { get; private set; } = null!;
    public PlatformFactory Factory { get; private set; } = null!;
    public LogCapture Logs { get; } = new();
    public HttpClient Anonymous => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartPrivateAsync();
        Factory = new PlatformFactory(Storage.ConnectionString, new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" }, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });
        await Eventually.HoldsAsync(async () => (await Anonymous.GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Storage.DisposeAsync();
    }

    /// <summary>Submitted in Westhaven (team gebied-zuidwest, official lotte.smit), routed, reviewed and accepted through the API.</summary>
    public async Task<string> AcceptedInitiativeAsync(string title, string? email = null)
    {
        var submitted = await Anonymous.PostAsJsonAsync("/api/initiatives", new { title, description = "Graag in de buurt.", neighbourhood = "westhaven", theme = "spelen", email });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        await InvokeAsync(nameof(RouteSubmittedInitiative), new { message = QueueEnvelope.Wrap(new InitiativeSubmitted(code)) });
        var lotte = await Factory.AsAsync("lotte.smit");
        var version = (await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();
        var reviewed = await OkAsync(await lotte.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version }));
        await OkAsync(await lotte.PostAsJsonAsync($"/api/cases/{code}/accept", new { version = reviewed.GetProperty("version").GetString(), message = "Goed plan, we gaan het doen." }));
        return code;
    }

    /// <summary>Delivers the messages a hook queued on <paramref name="queue"/> to <paramref name="function"/>, as the host would.</summary>
    public async Task<int> DeliverAsync(string queue, string function, Func<JsonElement, bool> which)
    {
        var client = Factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(queue);
        var delivered = 0;
        foreach (var message in (await client.ReceiveMessagesAsync(32)).Value)
        {
            var envelope = JsonDocument.Parse(message.Body.ToString()).RootElement.Clone();
            if (!which(QueueEnvelope.Parse(envelope).Body))
            {
                continue;
            }

            await InvokeAsync(function, new { message = envelope });
            await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            delivered++;
        }

        return delivered;
    }

    /// <summary>The notification requests waiting on the queue (peeked, not taken).</summary>
    public async Task<IReadOnlyList<JsonElement>> QueuedNotificationsAsync()
    {
        var client = Factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(Participation.App.Notifications.SendNotification.Queue);
        return (await client.PeekMessagesAsync(32)).Value.Select(m => QueueEnvelope.Parse(JsonDocument.Parse(m.Body.ToString()).RootElement.Clone()).Body).ToList();
    }

    public async Task<JsonElement> InvokeAsync(string function, object data)
    {
        var response = await Anonymous.PostAsJsonAsync($"/{function}", new { Data = data, Metadata = new { DequeueCount = 1, Id = Guid.NewGuid().ToString() } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function}: {await response.Content.ReadAsStringAsync()} {string.Join("\n", Logs.Lines.Where(l => l.Contains("Exception")).Take(3))}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The messages a function emitted under its output bindings, from the invocation's Outputs.</summary>
    public static IReadOnlyList<JsonElement> Emitted(JsonElement invocation) =>
        invocation.TryGetProperty("Outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Object
            ? outputs.EnumerateObject().SelectMany(b => b.Value.EnumerateArray()).Select(e => QueueEnvelope.Parse(e).Body).ToList()
            : [];

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response) => await StatusAsync(response, response.IsSuccessStatusCode ? response.StatusCode : HttpStatusCode.OK);

    public static async Task<JsonElement> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
