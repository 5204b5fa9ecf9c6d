using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;

namespace Participation.BrowserTests;

/// <summary>
/// The discussion in the browser, without scripts of our own: a resident comments, another reports it, the official of the
/// neighbourhood hides it with a reason on the case page, and the author sees why. Each changed page passes axe at
/// desktop width and at 375 px, where it must not scroll sideways.
/// </summary>
public sealed partial class SiteTests
{
    [Fact]
    public async Task Resident_comments_another_reports_it_and_the_neighbourhoods_official_hides_it_with_a_reason()
    {
        var failures = new List<string>();
        var sanne = await site.NewPageAsync("resident-sanne");
        await sanne.GotoAsync("/initiatieven/nieuw");
        await sanne.GetByLabel("Titel").FillAsync("Picknicktafels in het park");
        await sanne.GetByLabel("Beschrijving").FillAsync("Twee picknicktafels bij de speeltuin, zodat ouders kunnen zitten.");
        await sanne.GetByLabel("Buurt").SelectOptionAsync("binnenstad");
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        var code = (await sanne.GetByTestId("tracking-code").InnerTextAsync()).Trim();

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
        await CheckAsync(sanne, "initiative page, resident with a comment", failures);
        await Site.ScreenshotAsync(sanne, "discussion");

        var milan = await site.NewPageAsync("resident-milan");
        await milan.GotoAsync($"/initiatieven/{code}");
        await milan.Locator("summary", new() { HasText = "Melden" }).ClickAsync();
        await milan.GetByLabel("Waarom meldt u deze reactie?").SelectOptionAsync("beledigend");
        await CheckAsync(milan, "initiative page, report form open", failures);
        await milan.GetByRole(AriaRole.Button, new() { Name = "Reactie melden" }).ClickAsync();
        Assert.Contains("melding", await milan.GetByTestId("discussion-message").InnerTextAsync());

        var official = await site.NewPageAsync(Official);
        await official.GotoAsync($"/behandelen/{code}");
        var comment = official.GetByTestId("case-comment").First;
        Assert.Contains("1× gemeld", await comment.InnerTextAsync());
        await CheckAsync(official, "case page with a reported comment", failures);
        await comment.GetByLabel("Reden (de schrijver ziet deze)").FillAsync("Bevat een verwijzing naar een persoon.");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Verbergen" }).ClickAsync();
        Assert.Contains("verborgen", await official.GetByTestId("moderation-done").InnerTextAsync());
        Assert.Equal("hidden", await official.GetByTestId("case-comment").First.GetAttributeAsync("data-status"));
        await CheckAsync(official, "case page after hiding", failures);

        await anonymous.ReloadAsync();
        Assert.Equal(0, await anonymous.GetByTestId("comment").CountAsync());
        await CheckAsync(anonymous, "initiative page, anonymous", failures);
        await sanne.GotoAsync($"/initiatieven/{code}");
        Assert.Contains("Bevat een verwijzing naar een persoon.", await sanne.GetByTestId("comment-status").InnerTextAsync());

        var council = await site.NewPageAsync("council-jeroen");
        await council.GotoAsync("/raad");
        Assert.Equal("1", (await council.Locator($"[data-testid='comments-per-initiative'] tr[data-code='{code}'] [data-testid='comment-count']").InnerTextAsync()).Trim());
        await CheckAsync(council, "council dashboard", failures);

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task CheckAsync(IPage page, string what, List<string> failures)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"{what}: {results.Violations.Length} violations");
        failures.AddRange(results.Violations.Select(v => $"{what}: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        await page.SetViewportSizeAsync(375, 800);
        var results375 = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        failures.AddRange(results375.Violations.Select(v => $"{what} at 375 px: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
        {
            failures.Add($"{what}: scrolls sideways at 375 px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
