using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Map;

/// <summary>
/// Location and map: the markers of located initiatives on the list, an initiative's place on its page, and choosing a
/// point on the submit form — with the mouse and with the keyboard — each page checked by <see cref="PageChecks"/>.
/// The site runs without tiles (Map:TileUrl empty), as it must without a network: polygons and markers on a blank map.
/// </summary>
[Collection(ResidentSite.Name)]
public sealed class MapTests(Site site, ITestOutputHelper output)
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

        var checks = new PageChecks(output);
        await page.GotoAsync("/initiatieven");
        await checks.CheckAsync(page, "/initiatieven", () => page.Locator($".leaflet-marker-icon[data-code='{park}']").WaitForAsync());
        await page.GotoAsync($"/initiatieven/{park}");
        await checks.CheckAsync(page, $"/initiatieven/{park}", () => page.Locator("#initiative-map .leaflet-marker-icon").WaitForAsync());
        Assert.Equal("Picknicktafels in het Oosterpark", await page.Locator("#initiative-map .leaflet-marker-icon").GetAttributeAsync("alt"));
        await page.GotoAsync($"/initiatieven/{park}?lang=en");
        await checks.CheckAsync(page, $"/initiatieven/{park}?lang=en", () => page.Locator("#initiative-map .leaflet-marker-icon").WaitForAsync());
        checks.AssertNone();
    }

    [Fact]
    public async Task Resident_picks_a_point_that_chooses_the_neighbourhood_and_a_point_in_another_neighbourhood_is_refused_in_Dutch()
    {
        var page = await site.NewPageAsync();
        var checks = new PageChecks(output);
        await page.GotoAsync("/initiatieven/nieuw");
        await checks.CheckAsync(page, "/initiatieven/nieuw", () => page.Locator("#submit-map .map__label").First.WaitForAsync());
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
        await checks.CheckAsync(page, page.Url, () => page.Locator("#submit-map .leaflet-marker-icon").WaitForAsync());

        await page.Locator("#neighbourhood").SelectOptionAsync("binnenstad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        var code = (await page.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        var stored = await site.App.Services.GetRequiredService<InitiativeStore>().FindAsync(code, CancellationToken.None);
        Assert.Equal(("binnenstad", double.Parse(lat, System.Globalization.CultureInfo.InvariantCulture), double.Parse(lon, System.Globalization.CultureInfo.InvariantCulture)),
            (stored!.Neighbourhood, stored.Latitude!.Value, stored.Longitude!.Value));
        await Assertions.Expect(page.Locator("#initiative-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Site.ScreenshotAsync(page, "initiative-place");
        checks.AssertNone();
    }

    [Fact]
    public async Task Without_JavaScript_the_pages_work_and_show_no_empty_map()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/initiatieven/nieuw");
        Assert.False(await page.Locator("fieldset.map-picker").IsVisibleAsync());
        await page.GetByLabel("Titel").FillAsync("Zonder script");
        await page.GetByLabel("Beschrijving").FillAsync("Alleen een buurt gekozen.");
        await page.Locator("#neighbourhood").SelectOptionAsync("westhaven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiatief indienen" }).ClickAsync();
        Assert.NotEmpty((await page.GetByTestId("tracking-code").InnerTextAsync()).Trim());
        await page.GotoAsync("/initiatieven");
        Assert.False(await page.Locator("#initiatives-map").IsVisibleAsync());
    }
}
