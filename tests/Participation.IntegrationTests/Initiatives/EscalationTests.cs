using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Initiatives;

/// <summary>
/// Overdue cases escalate exactly once per level, however often the timer runs. The functions are invoked the way the
/// Functions host invokes them (POST /{FunctionName}); time is a FakeTimeProvider that starts at the real now.
/// </summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private PlatformFactory factory = null!;
    private FailingQueues queues = null!;

    public async Task InitializeAsync()
    {
        var storage = await Azurite.SharedConnectionStringAsync();
        queues = new FailingQueues(storage);
        factory = new PlatformFactory(
            storage,
            new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton<Azure.Storage.Queues.QueueServiceClient>(queues));
        await Eventually.HoldsAsync(async () => (await factory.CreateClient().GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Overdue_case_escalates_once_per_level_and_says_so_on_its_timeline()
    {
        var client = factory.CreateClient();
        var submitted = await client.PostAsJsonAsync("/api/initiatives", new { title = "Te laat", description = "Niemand reageert.", neighbourhood = "westhaven", theme = "afval" });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var routed = await InvokeAsync(nameof(RouteSubmittedInitiative), new { message = QueueEnvelope.Wrap(new InitiativeSubmitted(code)) });
        Assert.Single(Emitted(routed, code, "initiative-assigned"));

        var beforeDue = await InvokeAsync(nameof(EscalateOverdueInitiatives), new { timer = new { IsPastDue = false } });
        Assert.Empty(Emitted(beforeDue, code, "escalation"));

        clock.Advance(TimeSpan.FromDays(30));
        var first = await InvokeAsync(nameof(EscalateOverdueInitiatives), new { timer = new { IsPastDue = false } });
        var second = await InvokeAsync(nameof(EscalateOverdueInitiatives), new { timer = new { IsPastDue = true } });

        var levels = Emitted(first, code, "escalation").Select(n => n.GetProperty("values").GetProperty("level").GetString()).Order().ToList();
        Assert.Equal(["1", "2"], levels);
        Assert.Empty(Emitted(second, code, "escalation"));
        Assert.Empty(Emitted(second, code, "due-reminder"));
        var timeline = await factory.Services.GetRequiredService<InitiativeStore>().TimelineAsync(code, CancellationToken.None);
        Assert.Single(timeline, e => e.Event == "escalated");
    }

    [Fact]
    public async Task Contact_details_of_a_closed_case_are_removed_after_the_retention_period()
    {
        var client = factory.CreateClient();
        var submitted = await client.PostAsJsonAsync("/api/initiatives", new { title = "Bewaartermijn", description = "d", neighbourhood = "westhaven", theme = "groen", email = "retention@example.org" });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        await InvokeAsync(nameof(RouteSubmittedInitiative), new { message = QueueEnvelope.Wrap(new InitiativeSubmitted(code)) });
        var lotte = await factory.AsAsync("lotte.smit");
        var version = (await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();
        var reviewed = await (await lotte.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version })).Content.ReadFromJsonAsync<JsonElement>();
        var rejected = await lotte.PostAsJsonAsync($"/api/cases/{code}/reject", new { version = reviewed.GetProperty("version").GetString(), reason = "Valt buiten het budget." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var contacts = factory.Services.GetRequiredService<Participation.App.Privacy.ContactStore>();

        await InvokeAsync(nameof(Participation.App.Privacy.RemoveExpiredContacts), new { timer = new { } });
        Assert.NotNull(await contacts.FindAsync(code, CancellationToken.None));

        clock.Advance(TimeSpan.FromDays(91));
        await InvokeAsync(nameof(Participation.App.Privacy.RemoveExpiredContacts), new { timer = new { } });
        Assert.Null(await contacts.FindAsync(code, CancellationToken.None));
    }

    /// <summary>Invokes a function as the host does; returns every message it emitted: in its Outputs, or queued from its outbox.</summary>
    private async Task<IReadOnlyList<JsonElement>> InvokeAsync(string function, object data)
    {
        var before = queues.Sent.Count;
        var response = await factory.CreateClient().PostAsJsonAsync($"/{function}", new { Data = data, Metadata = new { DequeueCount = 1, Id = Guid.NewGuid().ToString() } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var invocation = await response.Content.ReadFromJsonAsync<JsonElement>();
        var outputs = invocation.GetProperty("Outputs").EnumerateObject().SelectMany(binding => binding.Value.EnumerateArray());
        var queued = queues.Sent.Skip(before).Select(sent => JsonDocument.Parse(sent.Text).RootElement);
        return [.. outputs.Concat(queued).Select(envelope => QueueEnvelope.Parse(envelope).Body)];
    }

    /// <summary>The notification requests a function emitted for this case and template.</summary>
    private static IEnumerable<JsonElement> Emitted(IReadOnlyList<JsonElement> emitted, string code, string template) =>
        emitted.Where(n => n.TryGetProperty("template", out var t) && t.GetString() == template
            && n.GetProperty("values").GetProperty("trackingCode").GetString() == code);
}
