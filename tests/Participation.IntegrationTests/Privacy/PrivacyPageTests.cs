using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Events;
using Participation.App.Chatbot;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.App.Privacy;

namespace Participation.IntegrationTests.Privacy;

public sealed class PrivacyFixture : IAsyncLifetime
{
    public BackOffice Office { get; private set; } = null!;

    public async Task InitializeAsync() => Office = await BackOffice.StartAsync();

    public async Task DisposeAsync() => await Office.DisposeAsync();
}

/// <summary>The e-mailed privacy link opens a page (no script needed) that shows what is held, chat included, and deletes it after a confirmation.</summary>
public sealed class PrivacyPageTests(PrivacyFixture fixture) : IClassFixture<PrivacyFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task The_emailed_link_opens_a_page_showing_what_is_held_and_deleting_takes_a_confirmation()
    {
        const string email = "pagina.gebruiker@example.org";
        var code = await office.SubmitAsync(new { title = "Speeltuin opknappen", description = "Nieuwe schommels.", neighbourhood = "binnenstad", theme = "groen", email });
        var token = await PrivacyTokenAsync(email);
        var client = office.Anonymous;

        var page = await client.GetAsync($"/privacy/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "the page with an address is not cached");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(email, html);
        Assert.Contains(code, html);
        Assert.Contains("Speeltuin opknappen", html);

        var asked = await HtmlForms.SubmitAsync(client, $"/privacy/{token}", html, "Mijn gegevens verwijderen");
        var confirmation = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Weet u het zeker?", confirmation);
        var contacts = office.Factory.Services.GetRequiredService<ContactStore>();
        Assert.NotNull(await contacts.FindAsync(code, CancellationToken.None)); // asking is not deleting

        var deleted = await HtmlForms.SubmitAsync(client, $"/privacy/{token}", confirmation, "Ja, verwijder mijn gegevens");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("Uw gegevens zijn verwijderd", await deleted.Content.ReadAsStringAsync());
        Assert.Null(await contacts.FindAsync(code, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/initiatives/{code}")).StatusCode);

        var again = await client.GetAsync($"/privacy/{token}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Deze link werkt niet (meer)", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_speaks_English_when_asked_and_a_made_up_link_shows_a_readable_404()
    {
        const string email = "english.reader@example.org";
        await office.SubmitAsync(new { title = "Bike racks", description = "More racks.", neighbourhood = "binnenstad", theme = "groen", email, locale = "en" });
        var token = await PrivacyTokenAsync(email, "en");

        var html = await office.Anonymous.GetStringAsync($"/privacy/{token}?lang=en");
        Assert.Contains("Your data at the municipality", html);
        Assert.Contains("Delete my data", html);

        var invented = await office.Anonymous.GetAsync($"/privacy/{new string('a', 48)}");
        Assert.Equal(HttpStatusCode.NotFound, invented.StatusCode);
        Assert.Contains("Vraag een nieuwe link aan", await invented.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_request_page_sends_the_link_without_javascript_and_refuses_a_bad_address_in_dutch()
    {
        var client = office.Anonymous;
        var form = await client.GetStringAsync("/privacy");

        var refused = await HtmlForms.SubmitAsync(client, "/privacy", form, "Stuur mij de link", new Dictionary<string, string> { ["Email"] = "geen-adres" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Geef het e-mailadres dat u gebruikte.", await refused.Content.ReadAsStringAsync());

        var sent = await HtmlForms.SubmitAsync(client, "/privacy", form, "Stuur mij de link", new Dictionary<string, string> { ["Email"] = "via.formulier@example.org" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "via.formulier@example.org" && m.Body.Contains("/privacy/"))), "the link is e-mailed");
    }

    [Fact]
    public async Task A_question_left_with_the_chatbot_is_in_the_export_and_deleted_with_its_conversation()
    {
        const string email = "chat.vraag@example.org";
        var started = await office.Anonymous.PostAsync("/v3/directline/conversations", null);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        var trackingCode = "VR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registrar = office.Factory.Services.GetRequiredService<IBotCaseRegistrar>();
        await registrar.RegisterQuestionAsync(new RegisteredQuestion(conversationId, trackingCode, $"Wanneer wordt het grofvuil opgehaald? Mail naar {email}", "waste",
            "nl-NL", email, [new TranscriptEntry("user", $"mijn adres is {email}", DateTimeOffset.UtcNow, null)], DateTimeOffset.UtcNow), CancellationToken.None);
        var token = await PrivacyTokenAsync(email);

        var export = await office.Anonymous.GetFromJsonAsync<JsonElement>($"/api/privacy/requests/{token}");
        var chat = export.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == trackingCode).GetProperty("chat");
        Assert.StartsWith("Wanneer wordt het grofvuil opgehaald?", chat.GetProperty("question").GetString());
        Assert.DoesNotContain(email, chat.GetRawText());
        var questions = office.Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(QuestionStore.Table);
        Assert.DoesNotContain(email, JsonSerializer.Serialize((await questions.GetEntityAsync<TableEntity>(trackingCode, "question")).Value));

        var deleted = await office.Anonymous.DeleteAsync($"/api/privacy/requests/{token}/data");
        Assert.Equal(1, (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("chatsDeleted").GetInt32());
        Assert.False((await questions.GetEntityIfExistsAsync<TableEntity>(trackingCode, "question")).HasValue);
        Assert.Null(await office.Factory.Services.GetRequiredService<ConversationStore>().FindAsync(conversationId, CancellationToken.None));
        Assert.Null(await office.Factory.Services.GetRequiredService<ContactStore>().FindAsync(trackingCode, CancellationToken.None));
    }

    private async Task<string> PrivacyTokenAsync(string email, string locale = "nl")
    {
        var asked = await office.Anonymous.PostAsJsonAsync("/api/privacy/requests", new { email, locale });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Body.Contains("/privacy/"))), "the link is e-mailed");
        var body = office.SendGrid.Accepted.Last(m => m.To == email && m.Body.Contains("/privacy/")).Body;
        return Regex.Match(body, "/privacy/([0-9a-f]{48})").Groups[1].Value;
    }
}
