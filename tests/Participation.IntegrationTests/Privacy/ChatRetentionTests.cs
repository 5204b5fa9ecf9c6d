using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Events;
using Participation.App.Chatbot;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Privacy;

namespace Participation.IntegrationTests.Privacy;

/// <summary>
/// Chats are not kept forever: the retention timer, invoked as the Functions host does, deletes conversations after 30
/// days and questions left for an e-mail answer, with their address, after 90. Own Azurite: the timer deletes whatever is old.
/// </summary>
public sealed class ChatRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private Azurite storage = null!;
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        storage = await Azurite.StartPrivateAsync();
        factory = new PlatformFactory(storage.ConnectionString, new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" },
            services => services.AddSingleton<TimeProvider>(clock));
        await Eventually.HoldsAsync(async () => (await factory.CreateClient().GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task Conversations_go_after_30_days_and_chat_questions_with_their_address_after_90()
    {
        var chat = await StartConversationAsync();
        var asked = await StartConversationAsync();
        const string code = "VR-RETAIN42";
        await factory.Services.GetRequiredService<IBotCaseRegistrar>().RegisterQuestionAsync(
            new RegisteredQuestion(asked, code, "Wanneer komt de vuilniswagen?", "waste", "nl-NL", "bewaar.mij@example.org", [], clock.GetUtcNow()), CancellationToken.None);
        var conversations = factory.Services.GetRequiredService<ConversationStore>();
        var contacts = factory.Services.GetRequiredService<ContactStore>();
        var questions = factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(QuestionStore.Table);

        await RunRetentionAsync();
        Assert.NotNull(await conversations.FindAsync(chat, CancellationToken.None));

        clock.Advance(TimeSpan.FromDays(31));
        var recent = await StartConversationAsync();
        await RunRetentionAsync();
        Assert.Null(await conversations.FindAsync(chat, CancellationToken.None));
        Assert.Null(await conversations.FindAsync(asked, CancellationToken.None));
        Assert.NotNull(await conversations.FindAsync(recent, CancellationToken.None));
        Assert.True((await questions.GetEntityIfExistsAsync<TableEntity>(code, "question")).HasValue, "the question waits for its answer");
        Assert.NotNull(await contacts.FindAsync(code, CancellationToken.None));

        clock.Advance(TimeSpan.FromDays(60));
        await RunRetentionAsync();
        Assert.False((await questions.GetEntityIfExistsAsync<TableEntity>(code, "question")).HasValue);
        Assert.Null(await contacts.FindAsync(code, CancellationToken.None));
    }

    private async Task<string> StartConversationAsync()
    {
        var started = await factory.CreateClient().PostAsync("/v3/directline/conversations", null);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
    }

    private async Task RunRetentionAsync()
    {
        var response = await factory.CreateClient().PostAsJsonAsync($"/{nameof(RemoveExpiredConversations)}",
            new { Data = new { timer = new { } }, Metadata = new { DequeueCount = 1, Id = Guid.NewGuid().ToString() } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
