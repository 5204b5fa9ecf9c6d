using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Discussion;

/// <summary>
/// The discussion in the browser, without scripts of our own: a resident comments, another reports it, the official of the
/// neighbourhood hides it with a reason on the case page, and the author sees why. Each changed page passes
/// <see cref="PageChecks"/>.
/// </summary>
[Collection(BackOfficeSite.Name)]
public sealed class DiscussionTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task Resident_comments_another_reports_it_and_the_neighbourhoods_official_hides_it_with_a_reason()
    {
        var checks = new PageChecks(output);
        var sanne = await site.NewPageAsync("resident-sanne");
        var code = await Journeys.SubmitAsync(sanne, "Picknicktafels in het park", "Twee picknicktafels bij de speeltuin, zodat ouders kunnen zitten.");

        // Anonymous visitors read the discussion and get a sign-in link instead of a form.
        var anonymous = await site.NewPageAsync();
        await anonymous.GotoAsync($"/initiatieven/{code}");
        Assert.Equal(1, await anonymous.GetByTestId("comment-sign-in").CountAsync());
        Assert.Equal(0, await anonymous.GetByTestId("comment-form").CountAsync());

        await sanne.GotoAsync($"/initiatieven/{code}");
        await sanne.GetByLabel("Naam bij uw reactie (optioneel)").FillAsync("Sanne B");
        await sanne.GetByLabel("Uw reactie", new() { Exact = true }).FillAsync("Graag ook een prullenbak <erbij>.");
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        Assert.Contains("geplaatst", await sanne.GetByTestId("discussion-message").InnerTextAsync());
        Assert.Equal("Graag ook een prullenbak <erbij>.", await sanne.GetByTestId("comment-text").First.InnerTextAsync());
        Assert.Equal("Sanne B", await sanne.GetByTestId("comment-author").First.InnerTextAsync());
        await checks.CheckAsync(sanne, "initiative page, resident with a comment");
        await Site.ScreenshotAsync(sanne, "discussion");

        var milan = await site.NewPageAsync("resident-milan");
        await milan.GotoAsync($"/initiatieven/{code}");
        await milan.Locator("summary", new() { HasText = "Melden" }).ClickAsync();
        await milan.GetByLabel("Waarom meldt u deze reactie?").SelectOptionAsync("beledigend");
        await checks.CheckAsync(milan, "initiative page, report form open");
        await milan.GetByRole(AriaRole.Button, new() { Name = "Reactie melden" }).ClickAsync();
        Assert.Contains("melding", await milan.GetByTestId("discussion-message").InnerTextAsync());

        var official = await site.NewPageAsync(Site.Official);
        await official.GotoAsync($"/behandelen/{code}");
        var comment = official.GetByTestId("case-comment").First;
        Assert.Contains("1× gemeld", await comment.InnerTextAsync());
        await checks.CheckAsync(official, "case page with a reported comment");
        await comment.GetByLabel("Reden (de schrijver ziet deze)").FillAsync("Bevat een verwijzing naar een persoon.");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Verbergen" }).ClickAsync();
        Assert.Contains("verborgen", await official.GetByTestId("moderation-done").InnerTextAsync());
        Assert.Equal("hidden", await official.GetByTestId("case-comment").First.GetAttributeAsync("data-status"));
        await checks.CheckAsync(official, "case page after hiding");

        await anonymous.ReloadAsync();
        Assert.Equal(0, await anonymous.GetByTestId("comment").CountAsync());
        await checks.CheckAsync(anonymous, "initiative page, anonymous");
        await sanne.GotoAsync($"/initiatieven/{code}");
        Assert.Contains("Bevat een verwijzing naar een persoon.", await sanne.GetByTestId("comment-status").InnerTextAsync());

        var council = await site.NewPageAsync("council-jeroen");
        await council.GotoAsync("/raad");
        Assert.Equal("1", (await council.Locator($"[data-testid='comments-per-initiative'] tr[data-code='{code}'] [data-testid='comment-count']").InnerTextAsync()).Trim());
        await checks.CheckAsync(council, "council dashboard");

        checks.AssertNone();
    }
}
