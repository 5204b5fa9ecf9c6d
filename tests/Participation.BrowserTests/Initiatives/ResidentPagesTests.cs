using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Identity;
using Participation.App.Initiatives;
using Participation.BrowserTests.Infrastructure;
using Participation.Initiatives;
using Participation.Municipality.Tracking;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Initiatives;

/// <summary>
/// The pages a resident meets, each checked by <see cref="PageChecks"/>; the submit form's labels and character
/// counters (with and without JavaScript); the example on "Mijn aanvraag volgen" in the form real codes have.
/// </summary>
[Collection(ResidentSite.Name)]
public sealed class ResidentPagesTests(Site site, ITestOutputHelper output)
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
            // The list and the submit form are checked by MapTests once their maps are drawn.
            (null, "/"), (null, "/?lang=en"), (null, "/volgen"), (null, "/volgen?code=XXXX"),
            (null, $"/initiatieven/{any.TrackingCode}"), (null, $"/initiatieven/{any.TrackingCode}?lang=en"), (null, $"/initiatieven/{any.TrackingCode}/steun?token=x"),
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
    public async Task Each_label_of_the_submit_form_stands_above_its_field_on_a_wide_screen()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/initiatieven/nieuw");
        foreach (var field in new[] { "title", "description", "neighbourhood", "theme", "address", "email" })
        {
            var label = await page.Locator($"label[for='{field}']").BoundingBoxAsync();
            var input = await page.Locator($"#{field}").BoundingBoxAsync();
            Assert.True(label!.Y + label.Height <= input!.Y, $"the label of {field} ends at {label.Y + label.Height}px, below the field's top at {input.Y}px");
            Assert.True(Math.Abs(label.X - input.X) < 1, $"the label of {field} starts at {label.X}px, the field at {input.X}px");
        }
    }

    [Fact]
    public async Task Without_JavaScript_the_counter_says_how_many_characters_are_left_and_after_sending_how_many_too_many()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/initiatieven/nieuw");
        Assert.Equal($"Nog {SubmitInitiative.MaxTitle} tekens over.", (await page.Locator("#title-count").InnerTextAsync()).Trim());
        Assert.Equal($"Nog {SubmitInitiative.MaxDescription} tekens over.", (await page.Locator("#description-count").InnerTextAsync()).Trim());
        Assert.Contains("title-count", await page.Locator("#title").GetAttributeAsync("aria-describedby"));

        // Nothing in the page cuts the text short: the server refuses it and the counter says by how much.
        await page.GetByLabel("Titel").FillAsync(new string('a', SubmitInitiative.MaxTitle + 5));
        await page.GetByLabel("Beschrijving").FillAsync("Eerste alinea.\nTweede alinea.");
        await page.GetByLabel("Buurt").SelectOptionAsync("binnenstad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        Assert.Equal($"De titel mag hoogstens {SubmitInitiative.MaxTitle} tekens lang zijn.", (await page.Locator("#title-fout").InnerTextAsync()).Trim());
        Assert.Equal("5 tekens te veel.", (await page.Locator("#title-count").InnerTextAsync()).Trim());
        // The line break arrives as CR LF: two characters, as the server counts them.
        Assert.Equal($"Nog {SubmitInitiative.MaxDescription - 30} tekens over.", (await page.Locator("#description-count").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task With_JavaScript_the_counter_follows_the_typing_in_the_residents_language()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/initiatieven/nieuw");
        var counter = page.Locator("#title-count");
        await page.GetByLabel("Titel").FillAsync("Bankjes");
        await Assertions.Expect(counter).ToHaveTextAsync($"Nog {SubmitInitiative.MaxTitle - 7} tekens over.");
        await page.GetByLabel("Titel").FillAsync(new string('b', SubmitInitiative.MaxTitle + 1));
        await Assertions.Expect(counter).ToHaveTextAsync("1 teken te veel.");
        Assert.Equal("polite", await counter.GetAttributeAsync("aria-live"));

        await page.GotoAsync("/initiatieven/nieuw?lang=en");
        await page.GetByLabel("Description").FillAsync("Line one.\nLine two.");
        await Assertions.Expect(page.Locator("#description-count")).ToHaveTextAsync($"{SubmitInitiative.MaxDescription - 20} characters left.");
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
