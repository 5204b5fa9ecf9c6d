using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Participation.Initiatives;
using Participation.App.Initiatives;

namespace Participation.BrowserTests;

/// <summary>
/// Location and map: the markers of located initiatives on the list, an initiative's place on its page, and choosing a
/// point on the submit form — with the mouse and with the keyboard — each page scanned by axe at desktop and at 375 px.
/// The site runs without tiles (Map:TileUrl empty), as it must without a network: polygons and markers on a blank map.
/// </summary>
public sealed partial class SiteTests
{
    [Fact]
    public async Task The_list_shows_a_focusable_marker_per_located_initiative_and_an_initiative_page_shows_its_place()
    {
        using var api = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        async Task<string> SubmitAsync(object body)
        {
            var response = await api.PostAsJsonAsync("/api/initiatives", body);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        }

        var park = await SubmitAsync(new { title = "Picknicktafels in het Oosterpark", description = "Twee tafels bij de vijver.", neighbourhood = "oosterpark", location = new { lat = 52.155, lon = 5.425 } });
        var square = await SubmitAsync(new { title = "Fietsenrekken op de Markt", description = "Meer plek voor fietsen.", neighbourhood = "binnenstad", location = new { lat = 52.156, lon = 5.388 } });
        var plain = await SubmitAsync(new { title = "Zonder plek", description = "Geen punt op de kaart.", neighbourhood = "zuidwijk" });

        var page = await site.NewPageAsync();
        await page.GotoAsync("/initiatieven");
        var parkMarker = page.Locator($".leaflet-marker-icon[data-code='{park}']");
        await Assertions.Expect(parkMarker).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($".leaflet-marker-icon[data-code='{square}']")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator($".leaflet-marker-icon[data-code='{plain}']").CountAsync());
        Assert.StartsWith("Picknicktafels in het Oosterpark (", await parkMarker.GetAttributeAsync("alt"));
        Assert.Equal("0", await parkMarker.GetAttributeAsync("tabindex"));
        // The five neighbourhoods are drawn and named on the blank background.
        await Assertions.Expect(page.Locator("#initiatives-map .map__label")).ToHaveCountAsync(5);
        Assert.Equal(0, await page.Locator("#initiatives-map .leaflet-tile").CountAsync());

        // Keyboard: the marker takes focus and Enter opens its popup with a link to the initiative.
        await parkMarker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".leaflet-popup-content a")).ToHaveAttributeAsync("href", $"/initiatieven/{park}");
        await Site.ScreenshotAsync(page, "initiatives-map");

        // The filters reach the map: only Oosterpark's marker with buurt=oosterpark.
        await page.GotoAsync("/initiatieven?buurt=oosterpark");
        await Assertions.Expect(page.Locator($".leaflet-marker-icon[data-code='{park}']")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator($".leaflet-marker-icon[data-code='{square}']").CountAsync());

        var failures = new List<string>();
        await ScanAsync(page, "/initiatieven", failures, () => page.Locator($".leaflet-marker-icon[data-code='{park}']").WaitForAsync());
        await ScanAsync(page, $"/initiatieven/{park}", failures, () => page.Locator("#initiative-map .leaflet-marker-icon").WaitForAsync());
        Assert.Equal("Picknicktafels in het Oosterpark", await page.Locator("#initiative-map .leaflet-marker-icon").GetAttributeAsync("alt"));
        await ScanAsync(page, $"/initiatieven/{park}?lang=en", failures, () => page.Locator("#initiative-map .leaflet-marker-icon").WaitForAsync());
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Resident_picks_a_point_that_chooses_the_neighbourhood_and_a_point_in_another_neighbourhood_is_refused_in_Dutch()
    {
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        await ScanAsync(page, "/initiatieven/nieuw", failures, () => page.Locator("#submit-map .map__label").First.WaitForAsync());
        await page.GetByLabel("Titel").FillAsync("Watertappunt op de Markt");
        await page.GetByLabel("Beschrijving").FillAsync("Een kraan met drinkwater voor iedereen die op de markt staat.");
        await Assertions.Expect(page.Locator("[data-map-status]")).ToHaveTextAsync("Er is geen plek gekozen.");

        // A click in the middle of the map (the middle of the municipality) lies in Binnenstad.
        await page.Locator("#submit-map").ClickAsync();
        await Assertions.Expect(page.Locator("[data-map-status]")).ToHaveTextAsync("Plek gekozen in Binnenstad; die buurt is ingevuld.");
        Assert.Equal("binnenstad", await page.Locator("#neighbourhood").InputValueAsync());
        Assert.NotEqual("", await page.Locator("#latitude").InputValueAsync());
        Assert.Equal(1, await page.Locator("#submit-map .leaflet-marker-icon").CountAsync());

        // Removing the point empties the fields; the neighbourhood select stays as it is.
        await page.GetByRole(AriaRole.Button, new() { Name = "Plek verwijderen" }).ClickAsync();
        Assert.Equal(("", ""), (await page.Locator("#latitude").InputValueAsync(), await page.Locator("#longitude").InputValueAsync()));
        Assert.Equal(0, await page.Locator("#submit-map .leaflet-marker-icon").CountAsync());

        // The keyboard way: the centre button, then a neighbourhood that does not hold the point.
        await page.GetByRole(AriaRole.Button, new() { Name = "Midden van de kaart kiezen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-map-status]")).ToHaveTextAsync("Plek gekozen in Binnenstad; die buurt is ingevuld.");
        var (lat, lon) = (await page.Locator("#latitude").InputValueAsync(), await page.Locator("#longitude").InputValueAsync());
        await page.Locator("#neighbourhood").SelectOptionAsync("oosterpark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#location-fout")).ToContainTextAsync("Het punt ligt niet in Oosterpark.");
        // The point is still there, shown on the map again, and the page passes axe in its error state.
        Assert.Equal((lat, lon), (await page.Locator("#latitude").InputValueAsync(), await page.Locator("#longitude").InputValueAsync()));
        await page.Locator("#submit-map .leaflet-marker-icon").WaitForAsync();
        await ScanAsync(page, null, failures, () => page.Locator("#submit-map .leaflet-marker-icon").WaitForAsync());

        await page.Locator("#neighbourhood").SelectOptionAsync("binnenstad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        var code = (await page.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        var stored = await site.App.Services.GetRequiredService<InitiativeStore>().FindAsync(code, CancellationToken.None);
        Assert.Equal(("binnenstad", double.Parse(lat, System.Globalization.CultureInfo.InvariantCulture), double.Parse(lon, System.Globalization.CultureInfo.InvariantCulture)),
            (stored!.Neighbourhood, stored.Latitude!.Value, stored.Longitude!.Value));
        await Assertions.Expect(page.Locator("#initiative-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Site.ScreenshotAsync(page, "initiative-place");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Without_JavaScript_the_pages_work_and_show_no_empty_map()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, JavaScriptEnabled = false, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/initiatieven/nieuw");
        Assert.False(await page.Locator("fieldset.map-picker").IsVisibleAsync());
        await page.GetByLabel("Titel").FillAsync("Zonder script");
        await page.GetByLabel("Beschrijving").FillAsync("Alleen een buurt gekozen.");
        await page.Locator("#neighbourhood").SelectOptionAsync("westhaven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        Assert.NotEmpty((await page.GetByTestId("tracking-code").InnerTextAsync()).Trim());
        await page.GotoAsync("/initiatieven");
        Assert.False(await page.Locator("#initiatives-map").IsVisibleAsync());
        await context.DisposeAsync();
    }

    /// <summary>Axe (WCAG 2.1 A/AA) at desktop width and again at 375 px, where nothing may scroll sideways either.</summary>
    private async Task ScanAsync(IPage page, string? path, List<string> failures, Func<Task> ready)
    {
        if (path is not null) await page.GotoAsync(path);
        var where = path ?? page.Url;
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, width == 375 ? 800 : 900);
            await ready();
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            output.WriteLine($"{where} at {width} px: {results.Violations.Length} violations, {results.Passes.Length} rules passed");
            failures.AddRange(results.Violations.Select(v => $"{where} at {width} px: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            var tooWide = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            if (tooWide) failures.Add($"{where} scrolls sideways at {width} px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
