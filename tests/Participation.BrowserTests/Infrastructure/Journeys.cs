using Microsoft.Playwright;

namespace Participation.BrowserTests.Infrastructure;

/// <summary>The steps many journeys start with, done in the pages as a person would.</summary>
public static class Journeys
{
    /// <summary>Fills in and sends the submit form; returns the tracking code the confirmation shows.</summary>
    public static async Task<string> SubmitAsync(IPage resident, string title, string description, string neighbourhood = "binnenstad")
    {
        await resident.GotoAsync("/initiatieven/nieuw");
        await resident.GetByLabel("Titel").FillAsync(title);
        await resident.GetByLabel("Beschrijving").FillAsync(description);
        await resident.GetByLabel("Buurt").SelectOptionAsync(neighbourhood);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        return (await resident.GetByTestId("tracking-code").InnerTextAsync()).Trim();
    }

    /// <summary>Opens the case once routing made the official its owner (the page offers the review then) and starts the review.</summary>
    public static async Task StartReviewAsync(IPage official, string code)
    {
        await official.GotoAsync($"/behandelen/{code}");
        var startReview = official.GetByRole(AriaRole.Button, new() { Name = "In behandeling nemen" });
        await Eventually.HoldsAsync(async () =>
        {
            if (await startReview.CountAsync() == 1) return true;
            await official.ReloadAsync();
            return false;
        }, $"{code} is routed and can be taken into review");
        await startReview.ClickAsync();
    }

    /// <summary>Accepts the case open in the official's page with a motivation the resident sees.</summary>
    public static async Task AcceptAsync(IPage official, string motivation)
    {
        await official.GetByLabel("Goedkeuren").CheckAsync();
        await official.GetByLabel("Motivering (de inwoner ziet deze)").FillAsync(motivation);
        await official.GetByTestId("decide").GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
    }
}
