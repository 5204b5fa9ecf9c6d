using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Events;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Notifications;

namespace Participation.IntegrationTests.Abuse;

/// <summary>
/// Queue messages (and so poison queues, which nobody cleans) carry ids, not what a resident wrote. The app runs without
/// its queue listeners here, on its own Azurite, so the messages stay where a test can read them.
/// </summary>
public sealed class QueuedTextTests : IAsyncLifetime
{
    private Azurite storage = null!;
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        storage = await Azurite.StartPrivateAsync();
        factory = new PlatformFactory(storage.ConnectionString, new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        _ = factory.Server;
        await Eventually.HoldsAsync(async () => (await factory.CreateClient().GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_question_queues_its_e_mails_with_the_code_and_without_the_question_transcript_or_address()
    {
        const string email = "queued.text@example.org";
        var code = "VR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registrar = factory.Services.GetRequiredService<IBotCaseRegistrar>();

        await registrar.RegisterQuestionAsync(new RegisteredQuestion("dl-none", code, "Mijn buurman QUEUE-MARKER gooit afval", "waste", "nl-NL", email,
            [new TranscriptEntry("user", "Mijn buurman QUEUE-MARKER gooit afval", DateTimeOffset.UtcNow, null)], DateTimeOffset.UtcNow), CancellationToken.None);

        var queue = factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(SendNotification.Queue);
        var messages = (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).Where(b => b.Contains(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, body =>
        {
            Assert.DoesNotContain("QUEUE-MARKER", body);
            Assert.DoesNotContain(email, body);
        });
    }
}
