using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Xunit.Abstractions;

namespace Participation.BrowserTests;

/// <summary>
/// The site in a real browser, one app and browser for the class: the resident → official → resident flow, the chat
/// handed to a live agent, the council's figures against the stored data, and an axe scan of every page.
/// </summary>
public sealed partial class SiteTests(Site site, ITestOutputHelper output) : IClassFixture<Site>
{
    private const string Official = "lotte.smit";   // binnenstad is hers in the demo routing

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
        var official = await site.NewPageAsync(Official);
        await Eventually.HoldsAsync(async () =>
        {
            await official.GotoAsync("/behandelen");
            return await official.Locator($"tr[data-code='{code}']").CountAsync() == 1;
        }, $"{code} is in {Official}'s inbox");
        await Site.ScreenshotAsync(official, "official-inbox");
        await official.Locator($"tr[data-code='{code}'] a").ClickAsync();
        // The inbox lists it as soon as it is submitted; the review can start once routing made her the owner.
        var startReview = official.GetByRole(AriaRole.Button, new() { Name = "In behandeling nemen" });
        await Eventually.HoldsAsync(async () =>
        {
            if (await startReview.CountAsync() == 1) return true;
            await official.ReloadAsync();
            return false;
        }, $"{code} is routed and can be taken into review");
        await startReview.ClickAsync();
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
    public async Task Resident_chats_in_Dutch_asks_for_a_person_and_agent_noor_takes_over()
    {
        var resident = await site.NewPageAsync();
        await resident.GotoAsync("/chat");
        var chat = resident.Locator("#webchat");
        await Assertions.Expect(chat).ToContainTextAsync("Welkom bij de digitale assistent", new() { Timeout = 20_000 });
        var sendBox = chat.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("Hoe lang is mijn paspoort geldig?");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(chat).ToContainTextAsync("paspoort", new() { Timeout = 20_000 });
        // Noor has the queue open before the resident asks: the new conversation appears without her reloading.
        var agent = await site.NewPageAsync("agent-noor");
        await agent.GotoAsync("/agent");
        await sendBox.FillAsync("Ik wil een medewerker spreken");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(chat).ToContainTextAsync("Ik verbind u door met een medewerker", new() { Timeout = 20_000 });
        await Site.ScreenshotAsync(resident, "chat");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Overnemen" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Site.ScreenshotAsync(agent, "agent-queue");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Overnemen" }).First.ClickAsync();
        await Assertions.Expect(agent.Locator("#transcript")).ToContainTextAsync("Ik wil een medewerker spreken");
        await agent.GetByLabel("Uw bericht").FillAsync("Goedemiddag, u spreekt met Noor. Waarmee kan ik helpen?");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Assertions.Expect(chat).ToContainTextAsync("u spreekt met Noor", new() { Timeout = 20_000 });

        // The resident answers; the agent's page shows it without a reload (agent.js polls the console's API).
        await sendBox.FillAsync("Ik ben mijn paspoort kwijt.");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(agent.Locator("#transcript")).ToContainTextAsync("Ik ben mijn paspoort kwijt.", new() { Timeout = 20_000 });
        await Site.ScreenshotAsync(agent, "agent-conversation");
        // Closing asks for confirmation first; the resident sees the close at once.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Gesprek afsluiten" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("confirm-close")).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Ja, afsluiten" }).ClickAsync();
        await Assertions.Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent\\?gesloten=true$"));
        await Assertions.Expect(agent.GetByTestId("closed")).ToBeVisibleAsync();
        await Assertions.Expect(chat).ToContainTextAsync("weer in gesprek met de digitale assistent", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Dashboard_figures_equal_those_computed_from_the_stored_initiatives()
    {
        var store = site.App.Services.GetRequiredService<InitiativeStore>();
        var council = await site.NewPageAsync("council-jeroen");
        // The demo seed's five initiatives are stored at start; wait until they are all routed, so nothing changes under the test.
        await Eventually.HoldsAsync(async () =>
            (await store.ListAllAsync(null, CancellationToken.None)) is { Count: >= 5 } all && all.All(i => i.Status != Participation.Initiatives.Lifecycle.InitiativeStatus.Submitted),
            "the demo initiatives are seeded and routed");
        var stored = await store.ListAllAsync(null, CancellationToken.None);

        await council.GotoAsync("/raad?dagen=90");
        await Site.ScreenshotAsync(council, "council-dashboard");
        var since = DateTimeOffset.UtcNow.AddDays(-90);
        var inPeriod = stored.Where(i => i.SubmittedAt >= since).ToList();

        Assert.Equal(inPeriod.Count, int.Parse(await council.Locator("[data-figure='initiatives'] [data-value]").GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture));
        foreach (var group in inPeriod.GroupBy(i => i.Neighbourhood))
        {
            var cell = council.Locator($"table[data-table='buurt'] tr[data-code='{group.Key}'] td[data-current]");
            Assert.Equal(group.Count().ToString(CultureInfo.InvariantCulture), (await cell.InnerTextAsync()).Trim());
        }

        foreach (var group in inPeriod.GroupBy(i => i.Status))
        {
            var cell = council.Locator($"table[data-table='status'] tr[data-code='{Participation.Initiatives.Lifecycle.InitiativeStatusNames.ToWireName(group.Key)}'] td[data-current]");
            Assert.Equal(group.Count().ToString(CultureInfo.InvariantCulture), (await cell.InnerTextAsync()).Trim());
        }

        Assert.Equal(inPeriod.Count(i => i.ThresholdReached).ToString(CultureInfo.InvariantCulture),
            await council.Locator("[data-figure='threshold-reached'] [data-value]").GetAttributeAsync("data-value"));
        Assert.Equal(inPeriod.Sum(i => i.Supports).ToString(CultureInfo.InvariantCulture),
            await council.Locator("[data-figure='supports'] [data-value]").GetAttributeAsync("data-value"));
        var firstResponses = inPeriod.Where(i => i.FirstResponseAt is not null).Select(i => (i.FirstResponseAt!.Value - i.SubmittedAt).TotalDays).Order().ToList();
        var shownMedian = await council.Locator("[data-figure='first-response-median'] [data-value]").GetAttributeAsync("data-value");
        Assert.Equal(firstResponses.Count == 0 ? "" : Median(firstResponses).ToString(CultureInfo.InvariantCulture), shownMedian);

        // The exports carry the same figures and nothing personal.
        var json = await council.APIRequest.GetAsync("/api/council/dashboard?days=90");
        Assert.True(json.Ok);
        using var document = JsonDocument.Parse(await json.TextAsync());
        var initiatives = document.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "initiatives");
        Assert.Equal(inPeriod.Count, initiatives.GetProperty("current").GetDouble());
        var csv = await (await council.APIRequest.GetAsync("/api/council/dashboard.csv?days=90")).TextAsync();
        Assert.Contains("\"figure\",\"initiatives\",\"count\"," + inPeriod.Count.ToString(CultureInfo.InvariantCulture), csv);
        Assert.DoesNotContain("@", csv);
        Assert.DoesNotContain(stored[0].TrackingCode, csv);
    }

    [Fact]
    public async Task Every_page_passes_axe_with_no_violations_has_a_language_a_visible_focus_and_no_sideways_scroll_on_a_phone()
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
        var lotte = (await store.ListAllAsync(null, CancellationToken.None)).FirstOrDefault(i => i.Neighbourhood is "binnenstad" or "westhaven") ?? any;

        var pages = new (string? User, string Path)[]
        {
            (null, "/"), (null, "/?lang=en"), (null, "/initiatieven"), (null, "/initiatieven/nieuw"), (null, "/volgen"), (null, "/volgen?code=XXXX"),
            (null, $"/initiatieven/{any.TrackingCode}"), (null, $"/initiatieven/{any.TrackingCode}/steun?token=x"),
            (null, $"/initiatieven/{any.TrackingCode}/antwoord?key=x"), (null, "/chat"), (null, "/aanmelden"),
            (null, "/privacy"), (null, "/privacy?lang=en"), (null, $"/privacy/{new string('a', 48)}"),
            (Official, "/behandelen"), (Official, $"/behandelen/{lotte.TrackingCode}"), (Official, $"/behandelen/{lotte.TrackingCode}?lang=en"),
            ("agent-noor", "/agent"), ("council-jeroen", "/raad"), ("council-jeroen", "/raad?lang=en"), ("resident-sanne", $"/initiatieven/{any.TrackingCode}"),
            // The budget pages; the voting flow (SiteTests.Budgeting.cs) scans the error, receipt and results states too.
            (null, "/buurtbudget"), (null, "/buurtbudget/oosterpark-2026"), (null, "/buurtbudget/oosterpark-2026/stemmen"),
            (null, "/buurtbudget/oosterpark-2026/stembewijs"), (null, "/buurtbudget/oosterpark-2026/uitslag"), (null, "/buurtbudget/binnenstad-2026/stemmen"),
            ("resident-sanne", "/buurtbudget/binnenstad-2026/stemmen"), ("resident-sanne", "/buurtbudget/binnenstad-2026/stemmen?lang=en"),
            // Around the journeys: the footer's statements, an error page, the council's agenda list.
            (null, "/privacyverklaring"), (null, "/toegankelijkheid"), (null, "/deze-pagina-bestaat-niet"), ("council-jeroen", "/raad/agenda"), ("council-jeroen", $"/behandelen/{lotte.TrackingCode}"),
            ("admin-ingrid", "/beheer"), ("admin-ingrid", "/beheer/routering"), ("admin-ingrid", "/beheer/audit"),
            // A resident's own page, and an answer link with its real key (the question, or that none is waiting).
            ("resident-sanne", "/mijn"), ("resident-sanne", "/mijn?lang=en"),
            (null, $"/initiatieven/{lotte.TrackingCode}/antwoord?key={ReplyToInitiative.KeyFor(site.App.Services.GetRequiredService<Participation.App.Identity.Pseudonyms>(), lotte.TrackingCode)}"),
        };
        var failures = new List<string>();
        var signedIn = new Dictionary<string, IPage>();
        foreach (var (user, path) in pages)
        {
            var page = user is null ? anonymous : signedIn.TryGetValue(user, out var existing) ? existing : signedIn[user] = await site.NewPageAsync(user);
            await page.GotoAsync(path);
            if (path == "/chat")
            {
                await Assertions.Expect(page.Locator("#webchat")).ToContainTextAsync("Welkom", new() { Timeout = 20_000 });
            }

            var lang = await page.Locator("html").GetAttributeAsync("lang");
            if (lang is not ("nl" or "en")) failures.Add($"{path}: html lang is '{lang}'");
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            output.WriteLine($"{path} ({user ?? "anonymous"}): {results.Violations.Length} violations, {results.Passes.Length} rules passed");
            failures.AddRange(results.Violations.Select(v =>
                $"{path} ({user ?? "anonymous"}): {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));

            // A phone: at 375 px nothing may make the page scroll sideways (wide tables scroll inside their own box).
            await page.SetViewportSizeAsync(375, 800);
            var overflow = await page.EvaluateAsync<string?>("""
                () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? null
                    : document.documentElement.scrollWidth + 'px wide; too wide: ' + [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                        .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true; })
                        .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')).join(', ')
                """);
            if (overflow is not null) failures.Add($"{path} ({user ?? "anonymous"}): scrolls sideways at 375 px: {overflow}");
            await page.SetViewportSizeAsync(1280, 900);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
