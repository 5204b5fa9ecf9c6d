using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;

namespace Participation.BrowserTests.Api;

/// <summary>
/// The footer's "API voor ontwikkelaars" opens a working reference: the Content-Security-Policy lets its one inline start-up
/// script run (by nonce) and nothing of it is blocked or fetched from elsewhere.
/// </summary>
[Collection(ResidentSite.Name)]
public sealed class ApiReferenceTests(Site site)
{
    [Fact]
    public async Task The_api_reference_from_the_footer_draws_the_operations_without_errors_in_the_browser()
    {
        var page = await site.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "API voor ontwikkelaars" }).ClickAsync();

        // Scalar draws the operations from /openapi/v1.json in the browser; the first group opens by itself.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Initiatives that reached their support threshold" })).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
