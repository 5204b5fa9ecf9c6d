using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Participation.App.Notifications;
using Participation.App.Web;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Web;

/// <summary>
/// A resident who chose English reads English on every resident page — theme and status names, the municipality's
/// timeline texts, menu and footer — and a resident on the Dutch default reads no English ones.
/// </summary>
public sealed partial class PageLanguageTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    private static readonly string[] ResidentPages =
    [
        "/", "/initiatieven", "/initiatieven/nieuw", "/volgen", "/buurtbudget", "/wat-is-er-gedaan", "/chat", "/privacy",
        "/privacyverklaring", "/toegankelijkheid", "/aanmelden", "/deze-pagina-bestaat-niet",
    ];

    /// <summary>Texts that exist in both languages: the one of the other language must never show.</summary>
    private static IReadOnlyList<(string Dutch, string English)> Pairs { get; } =
    [
        .. Participation.App.Demo.DemoMunicipality.Themes.Where(t => t.EnglishName is not null && t.EnglishName != t.Name).Select(t => (t.Name, t.EnglishName!)),
        .. StatusLabels.StatusNames,
        .. TimelineTexts.Fixed,
        ("Initiatief indienen", "Submit an initiative"), ("Mijn aanvraag volgen", "Follow my request"), ("Wat is er gedaan?", "What was done?"),
        ("Privacyverklaring", "Privacy statement"), ("Toegankelijkheidsverklaring", "Accessibility statement"), ("Inloggen", "Sign in"),
        ("Mijn omgeving", "My page"), ("Inwoner", "Resident"),
    ];

    [Fact]
    public async Task Resident_pages_in_english_show_no_dutch_names_or_texts_and_dutch_pages_no_english_ones()
    {
        var code = await office.SubmitAsync(new { title = "Taaltoets bankje", description = "Een bankje bij de speeltuin.", neighbourhood = "westhaven", theme = "groen" });
        await office.WaitForStatusAsync(code, "routed");
        var official = await office.Factory.AsAsync("lotte.smit");
        var version = (await official.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();
        (await official.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version })).EnsureSuccessStatusCode();
        var sanne = await office.Factory.AsAsync("resident-sanne");
        Assert.Equal(HttpStatusCode.Created, (await sanne.PostAsJsonAsync($"/api/initiatives/{code}/comments", new { text = "Mooi plan." })).StatusCode);

        var problems = new List<string>();
        var anonymous = office.Factory.CreateClient();
        foreach (var (language, client, paths) in new[]
                 {
                     ("en", anonymous, ResidentPages.Append($"/initiatieven/{code}")), ("nl", anonymous, ResidentPages.Append($"/initiatieven/{code}")),
                     ("en", sanne, ["/mijn", $"/initiatieven/{code}"]), ("nl", sanne, ["/mijn", $"/initiatieven/{code}"]),
                 })
        {
            foreach (var path in paths)
            {
                var text = VisibleText(await (await client.GetAsync($"{path}?lang={language}")).Content.ReadAsStringAsync());
                foreach (var (dutch, english) in Pairs)
                {
                    var wrong = language == "en" ? dutch : english;
                    if (Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(wrong)}(?!\p{{L}})"))
                    {
                        problems.Add($"{path} ({language}) shows \"{wrong}\"");
                    }
                }
            }
        }

        Assert.Empty(problems);
        // And the translations are really there, not just the Dutch left out.
        var inEnglish = VisibleText(await anonymous.GetStringAsync($"/initiatieven/{code}?lang=en"));
        Assert.Contains("Green spaces and nature", inEnglish);
        Assert.Contains(TimelineTexts.English(TimelineTexts.ReviewStarted)!, inEnglish);
        Assert.Contains("Being reviewed", inEnglish);
        var inDutch = VisibleText(await anonymous.GetStringAsync($"/initiatieven/{code}?lang=nl"));
        Assert.Contains("Groen en natuur", inDutch);
        Assert.Contains(TimelineTexts.ReviewStarted, inDutch);
    }

    [Fact]
    public void Standard_timeline_texts_read_in_english_in_mails_too_with_their_figures_and_an_officials_own_words_stay_as_written()
    {
        Assert.Equal("The initiative has 31 supports and so reaches the threshold of 25; the municipal council is informed.",
            TimelineTexts.English(TimelineTexts.ThresholdReached(31, 25)));
        Assert.Null(TimelineTexts.English("Wij nemen contact met u op over de plek."));

        string Mail(string language, string message) => EmailTemplates.Render("status-changed", language,
            new Dictionary<string, string> { ["trackingCode"] = "K7QXM2PD9RB", ["status"] = "in-review", ["publicMessage"] = message }).Body;
        Assert.Contains(TimelineTexts.English(TimelineTexts.ReviewStarted)!, Mail("en", TimelineTexts.ReviewStarted));
        Assert.Contains(TimelineTexts.ReviewStarted, Mail("nl", TimelineTexts.ReviewStarted));
        Assert.Contains("Wij bellen u deze week.", Mail("en", "Wij bellen u deze week."));
    }

    /// <summary>What a reader sees or hears: the text outside scripts and styles, plus labels read aloud, entities decoded.</summary>
    private static string VisibleText(string html)
    {
        var withoutCode = ScriptsAndStyles().Replace(html, " ");
        var labels = string.Join(" ", SpokenAttributes().Matches(withoutCode).Select(m => m.Groups[1].Value));
        return WebUtility.HtmlDecode(Tags().Replace(withoutCode, " ") + " " + labels);
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptsAndStyles();

    [GeneratedRegex(@"\s(?:aria-label|title|alt|placeholder)=""([^""]*)""")]
    private static partial Regex SpokenAttributes();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
