using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Participation.App.Identity;
using Participation.Realisation;
using Participation.App.Realisation;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Realisation;

/// <summary>
/// Realisation in the browser: an accepted initiative gets its item, the official plans and completes a milestone on the
/// team pages, and the resident sees it done on "Wat is er gedaan?". The pages pass <see cref="PageChecks"/>.
/// </summary>
[Collection(BackOfficeSite.Name)]
public sealed class RealisationTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Accepted_initiative_is_followed_to_a_done_milestone_on_the_public_page()
    {
        // A resident submits; the official takes it into review and accepts it (the case flow of the first journey, shortened).
        var resident = await site.NewPageAsync();
        var code = await Journeys.SubmitAsync(resident, "Watertappunt bij het speelveld", "Kinderen en sporters hebben 's zomers geen water. Graag een tappunt.");
        var official = await site.NewPageAsync(Site.Official);
        await Journeys.StartReviewAsync(official, code);
        await Journeys.AcceptAsync(official, "Goed idee, de gemeente plaatst het tappunt.");

        // The queue function creates the item; the case page then shows it with a link to the team's page for it.
        var itemId = RealisationItem.IdForInitiative(code);
        await Eventually.HoldsAsync(async () =>
        {
            await official.GotoAsync($"/behandelen/{code}");
            return await official.GetByTestId("case-realisation").CountAsync() == 1;
        }, $"the realisation item of {code} is on its case page");
        await official.GetByRole(AriaRole.Link, new() { Name = "Uitvoering bijwerken" }).ClickAsync();
        Assert.EndsWith($"/uitvoering/{itemId}", official.Url);

        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await official.Locator("#mijlpaal-titel").FillAsync("Tappunt aansluiten");
        await official.Locator("#mijlpaal-datum").FillAsync(planned);
        await official.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await official.Locator("#klaar-mijlpaal").SelectOptionAsync(new SelectOptionValue { Label = "Tappunt aansluiten" });
        await official.GetByRole(AriaRole.Button, new() { Name = "Klaar melden" }).ClickAsync();
        Assert.Contains("Klaar op", await official.GetByTestId("milestone-done").InnerTextAsync());
        await Site.ScreenshotAsync(official, "realisation-team-item");

        // The resident finds it from the initiative's own page: done, 1 of 1, with the date.
        await resident.GotoAsync($"/initiatieven/{code}");
        await resident.GetByTestId("realisation-link").ClickAsync();
        Assert.EndsWith($"/wat-is-er-gedaan/{itemId}", resident.Url);
        Assert.Contains("Klaar op", await resident.GetByTestId("milestone-done").InnerTextAsync());
        Assert.Equal("1 van 1 mijlpalen klaar", (await resident.GetByTestId("realisation-progress").InnerTextAsync()).Trim());
        Assert.Equal("In uitvoering", (await resident.GetByTestId("realisation-status").InnerTextAsync()).Trim());
        await resident.GotoAsync("/wat-is-er-gedaan?buurt=binnenstad");
        Assert.Equal(1, await resident.Locator($"li[data-item='{itemId}']").CountAsync());
        await Site.ScreenshotAsync(resident, "realisation-public");

        var stored = await site.App.Services.GetRequiredService<RealisationStore>().FindAsync(itemId, CancellationToken.None);
        Assert.Equal(RealisationStatus.InProgress, stored!.Status);
    }

    [Fact]
    public async Task Realisation_pages_pass_axe_and_do_not_scroll_sideways_on_a_phone()
    {
        // An item in every state a page can show: a milestone done, one slipping after a move, one still to come, an update.
        var store = site.App.Services.GetRequiredService<RealisationStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var item = new RealisationItem
        {
            Id = RealisationItem.IdForBudgetProject("axe-2025", "p" + Guid.NewGuid().ToString("N")[..6]), Kind = ItemKind.BudgetProject,
            SourceId = "axe-2025/p1", Title = "Speelbos met klimbomen aan de Noorderkwartierlaan", Neighbourhood = "noorderkwartier",
            Team = "gebied-zuidwest", PlannedCost = 18_000, Spent = 7_250, Status = RealisationStatus.InProgress, CreatedAt = DateTimeOffset.UtcNow.AddMonths(-3),
            Milestones =
            [
                new Milestone("m1", "Ontwerp met bewoners", today.AddDays(-60), today.AddDays(-60), today.AddDays(-58), []),
                new Milestone("m2", "Vergunning aanvragen", today.AddDays(-40), today.AddDays(-20), null, [new Replan(today.AddDays(-40), today.AddDays(-20), "Bezwaar van een omwonende", DateTimeOffset.UtcNow.AddDays(-41))]),
                new Milestone("m3", "Oplevering met de buurt", today.AddDays(20), today.AddDays(20), null, []),
            ],
        };
        Assert.True(await store.CreateAsync(item, PlatformUser.System("browser-test", "Browser test"), DateTimeOffset.UtcNow, CancellationToken.None));
        var saved = (await store.FindAsync(item.Id, CancellationToken.None))!;
        Assert.True(await store.SaveAsync(saved, new PublicUpdate("0001-axe", item.Id, "De vergunning is aangevraagd.", DateTimeOffset.UtcNow), PlatformUser.System("browser-test", "Browser test"), "realisation.update-added", "", DateTimeOffset.UtcNow, CancellationToken.None));

        var pages = new (string? User, string Path)[]
        {
            (null, "/wat-is-er-gedaan"), (null, "/wat-is-er-gedaan?lang=en"), (null, $"/wat-is-er-gedaan/{item.Id}"),
            (Site.Official, "/uitvoering"), (Site.Official, $"/uitvoering/{item.Id}"), ("council-jeroen", "/raad"),
        };
        var checks = new PageChecks(output);
        await checks.WalkAsync(site, pages);

        // On the dashboard the realisation panel must fit a phone by itself, inside its own scroll boxes too.
        var council = await site.NewPageAsync("council-jeroen");
        await council.SetViewportSizeAsync(PageChecks.PhoneWidth, 800);
        await council.GotoAsync("/raad");
        var wide = await council.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('[data-testid=realisation-panel], [data-testid=realisation-panel] *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + '[' + (e.dataset.table || e.id || '') + ']')");
        Assert.True(wide.Length == 0, $"the realisation panel sticks out at {PageChecks.PhoneWidth} px: {string.Join(", ", wide)}");
        checks.AssertNone();
    }
}
