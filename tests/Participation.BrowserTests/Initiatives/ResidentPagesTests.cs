using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Identity;
using Participation.App.Initiatives;
using Participation.BrowserTests.Infrastructure;
using Participation.Initiatives;
using Participation.Municipality.Tracking;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Initiatives;

/// <summary>
/// The pages a resident meets, each checked by <see cref="PageChecks"/>, and the example on "Mijn aanvraag volgen" in
/// the form real codes have.
/// </summary>
public sealed class ResidentPagesTests(Site site, ITestOutputHelper output) : IClassFixture<Site>
{
    private static readonly Regex RealCode = new("^[0-9A-Z]{11}$");

    [Fact]
    public async Task Every_residents_page_passes_axe_has_a_language_a_visible_focus_and_no_sideways_scroll_on_a_phone()
    {
        var anonymous = await site.NewPageAsync();
        await anonymous.GotoAsync("/");
        // Keyboard: the first Tab reaches the skip link, which is then visible with a focus outline.
        await anonymous.Keyboard.PressAsync("Tab");
        Assert.Equal("utrecht-skip-link", await anonymous.EvaluateAsync<string>("document.activeElement.classList[0]"));
        Assert.NotEqual("none", await anonymous.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));

        var store = site.App.Services.GetRequiredService<InitiativeStore>();
        await Eventually.HoldsAsync(async () => (await store.ListAllAsync(new InitiativeFilter(OpenOnly: true), CancellationToken.None)).Count > 0, "an initiative is stored");
        var any = (await store.ListAllAsync(null, CancellationToken.None)).First();
        var answerKey = ReplyToInitiative.KeyFor(site.App.Services.GetRequiredService<Pseudonyms>(), any.TrackingCode);

        var checks = new PageChecks(output);
        await checks.WalkAsync(site,
        [
            (null, "/"), (null, "/?lang=en"), (null, "/initiatieven"), (null, "/initiatieven/nieuw"), (null, "/volgen"), (null, "/volgen?code=XXXX"),
            (null, $"/initiatieven/{any.TrackingCode}"), (null, $"/initiatieven/{any.TrackingCode}/steun?token=x"),
            (null, $"/initiatieven/{any.TrackingCode}/antwoord?key=x"), (null, "/aanmelden"),
            (null, "/privacy"), (null, "/privacy?lang=en"), (null, $"/privacy/{new string('a', 48)}"), ("resident-sanne", $"/initiatieven/{any.TrackingCode}"),
            // Around the journeys: the footer's statements, an error page.
            (null, "/privacyverklaring"), (null, "/toegankelijkheid"), (null, "/deze-pagina-bestaat-niet"),
            // A resident's own page, and an answer link with its real key (the question, or that none is waiting).
            ("resident-sanne", "/mijn"), ("resident-sanne", "/mijn?lang=en"), (null, $"/initiatieven/{any.TrackingCode}/antwoord?key={answerKey}"),
        ]);
        checks.AssertNone();
    }

    [Fact]
    public async Task The_follow_page_gives_an_example_code_in_the_form_the_confirmation_shows()
    {
        var page = await site.NewPageAsync();
        var code = await Journeys.SubmitAsync(page, "Voorbeeldcode", "Om de vorm van een echte volgcode te zien.");
        Assert.Matches(RealCode, code);

        await page.GotoAsync("/volgen");
        var example = Regex.Match(await page.Locator("#code-hint").InnerTextAsync(), @"Bijvoorbeeld (\S+)").Groups[1].Value;
        Assert.Matches(RealCode, example);
        Assert.True(TrackingCode.TryParse(example, out var parsed, out var problem), problem?.Message);
        Assert.Equal(example, parsed.Value);
    }
}
