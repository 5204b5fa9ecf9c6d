using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.App.Identity;
using Participation.App.Initiatives;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Initiatives;

/// <summary>
/// An initiative from the resident's form to the official's decision and back to the resident: by tracking code, and
/// signed in through "Mijn omgeving" after answering the official's question.
/// </summary>
[Collection(ResidentSite.Name)]
public sealed class InitiativeJourneyTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Resident_submits_official_decides_and_resident_sees_the_decision_by_tracking_code()
    {
        var resident = await site.NewPageAsync();
        await resident.GotoAsync("/");
        await Site.ScreenshotAsync(resident, "home");

        // An empty form comes back with its errors next to the fields, and focusable from a summary.
        await resident.GotoAsync("/initiatieven/nieuw");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        Assert.Equal("Geef uw initiatief een titel.", await resident.Locator("#title-fout").InnerTextAsync());
        Assert.Equal("true", await resident.Locator("#title").GetAttributeAsync("aria-invalid"));
        Assert.Contains("title-fout", await resident.Locator("#title").GetAttributeAsync("aria-describedby"));

        await resident.GetByLabel("Titel").FillAsync("Bankjes op het Stationsplein");
        await resident.GetByLabel("Beschrijving").FillAsync("Ouderen kunnen nergens zitten als ze op de bus wachten. Graag drie bankjes.");
        await resident.GetByLabel("Buurt").SelectOptionAsync("binnenstad");
        await resident.GetByLabel("E-mailadres").FillAsync("inwoner@example.org");
        await Site.ScreenshotAsync(resident, "submit-form");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        var code = (await resident.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        output.WriteLine($"Submitted {code}");

        // The routing queue function gives it to the neighbourhood's official; it appears in her inbox.
        var official = await site.NewPageAsync(Site.Official);
        await Eventually.HoldsAsync(async () =>
        {
            await official.GotoAsync("/behandelen");
            return await official.Locator($"tr[data-code='{code}']").CountAsync() == 1;
        }, $"{code} is in {Site.Official}'s inbox");
        await Site.ScreenshotAsync(official, "official-inbox");
        await official.Locator($"tr[data-code='{code}'] a").ClickAsync();
        // The inbox lists it as soon as it is submitted; the review can start once routing made her the owner.
        await Journeys.StartReviewAsync(official, code);
        Assert.Contains("In behandeling", await official.GetByTestId("status").InnerTextAsync());

        // Deciding without choosing is refused next to the choice; then accept with a reason.
        var decide = official.GetByTestId("decide");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        Assert.Equal("Kies goedkeuren of afwijzen.", await official.Locator("#decision-fout").InnerTextAsync());
        await official.GetByLabel("Goedkeuren").CheckAsync();
        await official.GetByLabel("Motivering (de inwoner ziet deze)").FillAsync("Goed plan: de bankjes komen er in het voorjaar.");
        await official.GetByLabel("Interne notitie (optioneel)").FillAsync("Budget uit onderhoud openbare ruimte.");
        await Site.ScreenshotAsync(official, "official-case");
        await official.GetByTestId("decide").GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        Assert.Contains("Goedkeuren", await official.GetByTestId("done").InnerTextAsync());

        // The resident follows the request by its code: the decision with its reason, never the internal note.
        await resident.GotoAsync("/volgen");
        await resident.GetByLabel("Volgcode").FillAsync(code.ToLowerInvariant());
        await resident.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        Assert.Equal("Goedgekeurd", (await resident.GetByTestId("status").InnerTextAsync()).Trim());
        var timeline = await resident.GetByTestId("timeline").InnerTextAsync();
        Assert.Contains("Goed plan: de bankjes komen er in het voorjaar.", timeline);
        Assert.DoesNotContain("Budget uit onderhoud", await resident.ContentAsync());
        await Site.ScreenshotAsync(resident, "resident-decision");

        // The same page in English, by the switch in the header.
        await resident.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await resident.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Accepted", (await resident.GetByTestId("status").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Signed_in_resident_answers_the_officials_question_and_finds_the_decision_in_Mijn_omgeving_and_on_the_public_page()
    {
        var checks = new PageChecks(output);
        var sanne = await site.NewPageAsync("resident-sanne");
        var code = await Journeys.SubmitAsync(sanne, "Leesbank in de bibliotheektuin", "Een bank met een boekenkastje, zodat buren boeken ruilen.");

        // Before anyone decided, her page lists it as submitted.
        await sanne.GotoAsync("/mijn");
        var mine = sanne.GetByTestId("mijn-initiatieven").Locator("tr", new() { Has = sanne.Locator($"a[href='/initiatieven/{code}']") });
        await Assertions.Expect(mine).ToHaveCountAsync(1);

        var official = await site.NewPageAsync(Site.Official);
        await Journeys.StartReviewAsync(official, code);
        await official.GetByLabel("Vraag aan de indiener").FillAsync("Welke plek in de tuin heeft u in gedachten?");
        await official.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
        await Assertions.Expect(official.GetByTestId("timeline")).ToContainTextAsync("Welke plek in de tuin");

        // The link from the question's e-mail shows the question; her answer reaches the official's timeline.
        var key = ReplyToInitiative.KeyFor(site.App.Services.GetRequiredService<Pseudonyms>(), code);
        await sanne.GotoAsync($"/initiatieven/{code}/antwoord?key={key}");
        Assert.Equal("Welke plek in de tuin heeft u in gedachten?", (await sanne.GetByTestId("question").InnerTextAsync()).Trim());
        await checks.CheckAsync(sanne, "answer link with a question");
        await sanne.GetByLabel("Uw antwoord").FillAsync("Onder de lindeboom bij de ingang.");
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" }).ClickAsync();
        await Assertions.Expect(sanne.GetByTestId("answer-sent")).ToContainTextAsync("Onder de lindeboom bij de ingang.");
        await checks.CheckAsync(sanne, "answer link after answering");

        await official.GotoAsync($"/behandelen/{code}");
        await Assertions.Expect(official.GetByTestId("timeline")).ToContainTextAsync("Onder de lindeboom bij de ingang.");
        await Journeys.AcceptAsync(official, "Mooi idee; de leesbank komt onder de lindeboom.");
        Assert.Equal("Goedgekeurd", (await official.GetByTestId("status").InnerTextAsync()).Trim());

        // Mijn omgeving shows the decision's status; the public page behind it shows the official's motivation.
        await sanne.GotoAsync("/mijn");
        Assert.Contains("Goedgekeurd", await mine.InnerTextAsync());
        await checks.CheckAsync(sanne, "Mijn omgeving with a decided initiative");
        await mine.GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith($"/initiatieven/{code}", sanne.Url);
        Assert.Equal("Goedgekeurd", (await sanne.GetByTestId("status").InnerTextAsync()).Trim());
        Assert.Contains("Mooi idee; de leesbank komt onder de lindeboom.", await sanne.GetByTestId("timeline").InnerTextAsync());
        await checks.CheckAsync(sanne, "public page with the decision");
        checks.AssertNone();
    }
}
