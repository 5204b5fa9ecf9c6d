using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Initiatives;
using Participation.BrowserTests.Infrastructure;
using Participation.Initiatives.Lifecycle;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Council;

/// <summary>
/// The council's pages: the dashboard's figures against the stored initiatives (this class's site has only the demo
/// seed's, so nothing changes under the test), its exports, and the agenda list.
/// </summary>
public sealed class CouncilTests(Site site, ITestOutputHelper output) : IClassFixture<Site>
{
    [Fact]
    public async Task Dashboard_figures_equal_those_computed_from_the_stored_initiatives()
    {
        var store = site.App.Services.GetRequiredService<InitiativeStore>();
        var council = await site.NewPageAsync("council-jeroen");
        // The demo seed's five initiatives are stored at start; wait until they are all routed, so nothing changes under the test.
        await Eventually.HoldsAsync(async () =>
            (await store.ListAllAsync(null, CancellationToken.None)) is { Count: >= 5 } all && all.All(i => i.Status != InitiativeStatus.Submitted),
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
            var cell = council.Locator($"table[data-table='status'] tr[data-code='{InitiativeStatusNames.ToWireName(group.Key)}'] td[data-current]");
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
    public async Task Council_member_downloads_the_dashboard_as_a_csv_that_dutch_excel_opens_in_columns()
    {
        var council = await site.NewPageAsync("council-jeroen");
        await council.GotoAsync("/raad");
        var download = await council.RunAndWaitForDownloadAsync(() => council.GetByTestId("excel-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"Onderdeel\";\"Onderwerp\";\"Deze periode\";", text);
        Assert.Contains("\"Kerncijfer\";\"Ingediende initiatieven\";", text);
        Assert.DoesNotContain("0,0 dagen", text);
        var checks = new PageChecks(output);
        await checks.CheckAsync(council, "council dashboard");
        checks.AssertNone();
    }

    [Fact]
    public async Task The_councils_pages_pass_axe_and_do_not_scroll_sideways_on_a_phone()
    {
        var checks = new PageChecks(output);
        await checks.WalkAsync(site, [("council-jeroen", "/raad"), ("council-jeroen", "/raad?lang=en"), ("council-jeroen", "/raad/agenda")]);
        checks.AssertNone();
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
