using System.Net.Http.Json;
using System.Text.Json;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Web;

public sealed class InboxPageTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task An_official_narrows_the_inbox_by_search_and_neighbourhood_and_sees_owners_by_name()
    {
        var marker = "Bankje" + Guid.NewGuid().ToString("N")[..6];
        var mine = await office.SubmitAsync(new { title = $"{marker} bij de haven", description = "Een bank om uit te rusten.", neighbourhood = "westhaven", theme = "ontmoeting" });
        var other = await office.SubmitAsync(new { title = "Lantaarn in de Kerkstraat", description = "Het is donker.", neighbourhood = "binnenstad", theme = "veiligheid" });
        await office.WaitForStatusAsync(mine, "routed");
        await office.WaitForStatusAsync(other, "routed");
        var lotte = await office.Factory.AsAsync("lotte.smit");

        await Eventually.HoldsAsync(async () => (await lotte.GetStringAsync($"/behandelen?zoek={marker}")).Contains($"data-code=\"{mine}\"", StringComparison.Ordinal), "the index lists the routed case");
        await Eventually.HoldsAsync(async () => (await lotte.GetStringAsync("/behandelen?buurt=binnenstad")).Contains($"data-code=\"{other}\"", StringComparison.Ordinal), "the index lists the other routed case");
        var searched = await lotte.GetStringAsync($"/behandelen?zoek={marker}");
        var byNeighbourhood = await lotte.GetStringAsync("/behandelen?buurt=binnenstad");
        var api = await lotte.GetFromJsonAsync<JsonElement>("/api/cases?neighbourhood=westhaven");

        Assert.Contains($"data-code=\"{mine}\"", searched);
        Assert.DoesNotContain($"data-code=\"{other}\"", searched);
        Assert.Contains("1 open zaken gevonden", searched);
        Assert.Contains($"data-code=\"{other}\"", byNeighbourhood);
        Assert.DoesNotContain($"data-code=\"{mine}\"", byNeighbourhood);
        Assert.All(api.EnumerateArray(), i => Assert.Equal("westhaven", i.GetProperty("neighbourhood").GetString()));
        Assert.Contains(api.EnumerateArray(), i => i.GetProperty("trackingCode").GetString() == mine);
    }

    [Fact]
    public async Task The_inbox_shows_the_owner_and_team_by_name_not_by_id()
    {
        var code = await office.SubmitAsync(new { title = "Speelplek bij de school", description = "Voor de kinderen.", neighbourhood = "zuidwijk", theme = "spelen" });
        await office.WaitForStatusAsync(code, "routed");
        var lead = await office.Factory.AsAsync("jeroen.meijer");

        // The inbox reads the index row, which the case's outbox brings up to date just after the routing itself.
        var row = "";
        await Eventually.HoldsAsync(async () =>
        {
            var page = await lead.GetStringAsync($"/behandelen?zoek={code}");
            var start = page.IndexOf($"data-code=\"{code}\"", StringComparison.Ordinal);
            row = start < 0 ? "" : page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
            return row.Contains("Gebiedsteam Zuid-West", StringComparison.Ordinal);
        }, "the routed case is listed with its team's name");

        Assert.DoesNotContain("gebied-zuidwest", row);
    }
}
