using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.Bot.Hosting.Events;
using Participation.Municipality.Tracking;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Privacy;

namespace Participation.IntegrationTests.Chatbot;

/// <summary>
/// A question left with the chatbot outside office hours gets a tracking code that works everywhere a code works: on /volgen,
/// typed to the bot inside a sentence, and for privacy requests. Real Azurite, the real app, the bot through Direct Line.
/// </summary>
public sealed class RegisteredQuestionTrackingTests : IAsyncLifetime
{
    private const string QuestionText = "Wanneer wordt het grofvuil bij mij opgehaald? Mijn naam is Jansen.";
    private PlatformFactory factory = null!;
    private string code = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        await Eventually.HoldsAsync(async () => (await factory.CreateClient().GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
        code = TrackingCode.New().Display;
        await factory.Services.GetRequiredService<IBotCaseRegistrar>().RegisterQuestionAsync(new RegisteredQuestion(
            "conversation-" + code, code, QuestionText, "out-of-scope", "nl-NL", "vraag.volgen@example.org", [],
            new DateTimeOffset(2026, 11, 20, 19, 30, 0, TimeSpan.Zero)), CancellationToken.None);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("nl", "Status: ontvangen. Een medewerker van het klantcontactcentrum beantwoordt uw vraag per e-mail", "20 november 2026")]
    [InlineData("en", "Status: received. A member of our front office will answer your question by e-mail", "20 November 2026")]
    public async Task Volgen_shows_the_question_status_in_words_without_the_question(string language, string status, string date)
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Cookie", $"participation_lang={language}");

        // Typed as residents type it: lower case, without dashes.
        var response = await browser.GetAsync($"/volgen?code={code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(code, page);
        Assert.Contains(status, page);
        Assert.Contains(date, page);
        Assert.DoesNotContain("grofvuil", page);
        Assert.DoesNotContain("Jansen", page);
        Assert.DoesNotContain("vraag.volgen@example.org", page);
    }

    [Fact]
    public async Task An_unknown_code_still_says_in_dutch_that_nothing_was_found()
    {
        var response = await factory.CreateClient().GetAsync($"/volgen?code={TrackingCode.New().Display}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Er is geen initiatief met deze volgcode", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_bot_gives_the_status_of_the_code_typed_inside_a_sentence()
    {
        var http = factory.CreateClient();
        var started = await http.PostAsync("/v3/directline/conversations", null);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = conversation.GetProperty("conversationId").GetString()!;
        var token = conversation.GetProperty("token").GetString()!;

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = $"hoe staat {code} ervoor?", locale = "nl-NL", from = new { id = "resident" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var posted = await http.SendAsync(post);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        string? reply = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var activities = (await (await http.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities");
            reply = activities.EnumerateArray().Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : null)
                .FirstOrDefault(text => text?.Contains("Uw vraag met volgcode", StringComparison.Ordinal) == true);
            return reply is not null;
        }, "the bot answers with the question's status");

        Assert.Contains(code, reply);
        Assert.Contains("20 november 2026", reply);
        Assert.Contains("Status: ontvangen", reply);
    }

    [Fact]
    public async Task Privacy_requests_find_and_erase_a_question_registered_under_a_real_tracking_code()
    {
        var records = factory.Services.GetRequiredService<IChatRecords>();

        var record = await records.FindAsync(code, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(QuestionText, record.Question);

        Assert.True(await records.EraseAsync(code, CancellationToken.None));
        Assert.Null(await records.FindAsync(code, CancellationToken.None));
    }
}
