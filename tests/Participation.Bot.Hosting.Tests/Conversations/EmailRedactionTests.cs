using Azure.Data.Tables;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Tests.Infrastructure;

namespace Participation.Bot.Hosting.Tests.Conversations;

/// <summary>An address typed into the chat serves one turn (registering the question) and is kept nowhere in the bot's tables.</summary>
public sealed class EmailRedactionTests : BotAppTests
{
    private const string Address = "Jan.de.Vries+chat@example.nl";

    [Fact]
    public async Task An_address_typed_into_the_chat_reaches_the_registrar_but_no_stored_transcript_state_or_handoff_row()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        await resident.SayAsync("mag ik een medewerker spreken");
        await resident.PollAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await resident.PollAsync();
        await resident.AskAsync("ja graag");
        await resident.AskAsync(Address);

        var question = Assert.Single(App.Registrar.Questions);
        Assert.Equal(Address, question.Email);

        var tables = App.Get<BotTables>();
        var stored = new List<string>();
        foreach (var table in new[] { tables.ConversationTable, tables.HandoffTable })
        {
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                stored.AddRange(entity.Select(p => p.Value).OfType<string>());
            }
        }

        Assert.Contains(stored, text => text.Contains(EmailRedaction.Placeholder, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, text => text.Contains("@example.nl", StringComparison.OrdinalIgnoreCase)
            || text.Contains("de.Vries", StringComparison.OrdinalIgnoreCase));
        var record = await App.Get<ConversationStore>().FindAsync(resident.ConversationId, CancellationToken.None);
        Assert.NotNull(record); // the redacted state still reads back as a state
        Assert.Contains(record.State.Transcript, t => t.Text.Contains(EmailRedaction.Placeholder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_its_state_and_whole_transcript()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        await resident.AskAsync("wat kost een paspoort?");
        var store = App.Get<ConversationStore>();

        Assert.True(await store.DeleteAsync(resident.ConversationId, CancellationToken.None));

        Assert.Null(await store.FindAsync(resident.ConversationId, CancellationToken.None));
        var left = App.Get<BotTables>().ConversationTable.QueryAsync<TableEntity>(e => e.PartitionKey == resident.ConversationId);
        await foreach (var row in left)
        {
            Assert.Fail($"Row {row.RowKey} of the deleted conversation is still stored.");
        }

        Assert.False(await store.DeleteAsync(resident.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_a_waiting_handoff_removes_its_queue_row_and_transcript_copy()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        await resident.SayAsync("mag ik een medewerker spreken");
        await resident.PollAsync();
        var handoffs = App.Get<BotTables>().HandoffTable;
        Assert.True((await handoffs.GetEntityIfExistsAsync<TableEntity>("open", resident.ConversationId)).HasValue, "the resident waits in the queue");

        Assert.True(await App.Get<Participation.Bot.Hosting.Handoff.HandoffQueue>().ForgetAsync(resident.ConversationId, CancellationToken.None));

        Assert.False((await handoffs.GetEntityIfExistsAsync<TableEntity>("open", resident.ConversationId)).HasValue);
        Assert.False(await App.Get<Participation.Bot.Hosting.Handoff.HandoffQueue>().ForgetAsync(resident.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Conversations_started_before_the_retention_date_are_found_and_newer_ones_are_not()
    {
        var old = await DirectLineClient.StartAsync(App.Client);
        App.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await DirectLineClient.StartAsync(App.Client);

        var expired = await App.Get<ConversationStore>().StartedBeforeAsync(App.Clock.GetUtcNow().AddDays(-30), CancellationToken.None);

        Assert.Contains(old.ConversationId, expired);
        Assert.DoesNotContain(recent.ConversationId, expired);
    }

    [Theory]
    [InlineData("mail me op a.b+test@gmail.com graag", "mail me op [e-mailadres] graag")]
    [InlineData("o'brien@example.co.uk", "[e-mailadres]")]
    [InlineData("geen adres hier @ of daar", "geen adres hier @ of daar")]
    public void Addresses_in_text_are_replaced_and_other_text_is_kept(string text, string expected) =>
        Assert.Equal(expected, EmailRedaction.Redact(text));

    [Fact]
    public void A_redacted_state_with_escaped_characters_still_round_trips_as_json()
    {
        var state = ConversationState.New with
        {
            PendingQuestion = "kan het naar a+b@example.org? \"dringend\"",
            Transcript = [new TranscriptEntry("user", "x+y@example.org <3 & \\", DateTimeOffset.UnixEpoch, null)],
        };

        var read = ConversationState.FromJson(EmailRedaction.Redact(state).ToJson());

        Assert.Equal("kan het naar [e-mailadres]? \"dringend\"", read.PendingQuestion);
        Assert.Equal("[e-mailadres] <3 & \\", Assert.Single(read.Transcript).Text);
    }

}
