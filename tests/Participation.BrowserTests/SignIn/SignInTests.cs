using Microsoft.Playwright;

namespace Participation.BrowserTests.SignIn;

/// <summary>
/// Staff and residents sign in through the real provider's login page with the production configuration: the official
/// lands on her inbox and sees only her neighbourhoods, the resident supports and votes, idleness signs the resident out.
/// </summary>
public sealed class SignInTests(SignInSite site) : IClassFixture<SignInSite>
{
    [Fact]
    public async Task Official_signs_in_at_the_provider_lands_on_her_inbox_sees_only_her_neighbourhoods_and_signs_out()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/aanmelden");
        Assert.Equal(0, await page.Locator("button[data-user]").CountAsync());   // no demo users outside Development

        await site.SignInAsync(page, "staff", "anouk.devries");

        Assert.EndsWith("/behandelen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var rows = page.Locator("tbody tr[data-code]");
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            return await rows.CountAsync() > 0;
        }, "the demo cases are in Anouk's inbox");
        var neighbourhoods = await page.Locator("tbody tr[data-code] td:nth-of-type(1)").AllInnerTextsAsync();
        Assert.All(neighbourhoods, n => Assert.Contains(n.Trim(), new[] { "Oosterpark", "Noorderkwartier" }));

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        // Back at the page she was on, which now asks for a sign-in again; the provider's session is gone too.
        await page.WaitForURLAsync(site.BaseUrl + "/aanmelden?terug=%2Fbehandelen");
        await page.Locator("a[data-sign-in='staff']").ClickAsync();
        await Assertions.Expect(page.Locator("input[name='login']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Resident_signs_in_supports_an_initiative_votes_in_the_signed_in_budget_and_is_signed_out_when_idle()
    {
        var page = await site.NewPageAsync();
        await site.SignInAsync(page, "resident", "999990019", "/initiatieven");
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).CountAsync());

        var support = page.GetByRole(AriaRole.Button, new() { Name = "Ik steun dit initiatief" });
        foreach (var link in await page.Locator(".card__title a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"))
        {
            await page.GotoAsync(link);
            if (await support.CountAsync() == 1) break;   // closed initiatives cannot be supported
        }

        var initiative = page.Url;
        var before = await page.GetByTestId("supports").InnerTextAsync();
        await support.ClickAsync();
        await Assertions.Expect(page.Locator(".utrecht-alert--ok")).ToBeVisibleAsync();
        await page.GotoAsync(initiative);
        await Assertions.Expect(page.GetByTestId("supports")).Not.ToHaveTextAsync(before);

        await page.GotoAsync("/buurtbudget/binnenstad-2026/stemmen");
        await page.Locator("#plan-p1").CheckAsync();
        await page.GetByLabel("Watertappunt op de markt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Controleer uw stem" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem uitbrengen" }).ClickAsync();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", (await page.GetByTestId("receipt").InnerTextAsync()).Trim());

        site.SessionClock.Advance(SignInSite.ResidentIdleTimeout + TimeSpan.FromSeconds(1));
        await page.GotoAsync("/buurtbudget/binnenstad-2026/stemmen");
        Assert.Equal(1, await page.GetByTestId("sign-in-first").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).CountAsync());
    }
}
