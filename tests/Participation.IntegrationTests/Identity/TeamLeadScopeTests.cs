using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Identity;

/// <summary>
/// A team lead overrides the owner only on cases of their own team. Fatima Bakker leads groen-oost and works in
/// Oosterpark, where gebied-noordoost also has cases: she sees those, but may not take them from their owner.
/// </summary>
public sealed class TeamLeadScopeTests(SeededPlatform platform) : IClassFixture<SeededPlatform>
{
    private readonly PlatformFactory factory = platform.Factory;

    [Fact]
    public async Task Team_lead_may_not_reassign_another_teams_case_in_a_shared_neighbourhood()
    {
        var code = await RoutedCaseAsync("verkeer");
        var lead = await factory.AsAsync("fatima.bakker");
        var before = await lead.GetFromJsonAsync<JsonElement>($"/api/cases/{code}");
        Assert.Equal("gebied-noordoost", before.GetProperty("teamCode").GetString());

        var response = await lead.PostAsJsonAsync($"/api/cases/{code}/reassign", new
        {
            version = before.GetProperty("version").GetString(), team = "groen-oost", officialId = "fatima.bakker", reason = "Neem ik over.",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await lead.GetFromJsonAsync<JsonElement>($"/api/cases/{code}");
        Assert.Equal("gebied-noordoost", after.GetProperty("teamCode").GetString());
        Assert.Equal(before.GetProperty("version").GetString(), after.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Team_lead_may_reassign_a_case_of_their_own_team_from_its_owner()
    {
        var code = await RoutedCaseAsync("groen");
        var lead = await factory.AsAsync("fatima.bakker");
        var before = await lead.GetFromJsonAsync<JsonElement>($"/api/cases/{code}");
        Assert.Equal("groen-oost", before.GetProperty("teamCode").GetString());

        var response = await lead.PostAsJsonAsync($"/api/cases/{code}/reassign", new
        {
            version = before.GetProperty("version").GetString(), team = "groen-oost", officialId = "fatima.bakker", reason = "Neem ik over.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_officials_inbox_holds_the_cases_of_their_neighbourhoods_and_of_their_team_elsewhere_and_no_others()
    {
        // Lotte Smit works in Binnenstad and Westhaven for gebied-zuidwest, which also handles Zuidwijk.
        var own = await RoutedCaseAsync("groen", "binnenstad");
        var team = await RoutedCaseAsync("groen", "zuidwijk");
        var elsewhere = await RoutedCaseAsync("groen", "oosterpark");

        var inbox = await (await factory.AsAsync("lotte.smit")).GetFromJsonAsync<JsonElement>("/api/cases");
        var codes = inbox.EnumerateArray().Select(c => c.GetProperty("trackingCode").GetString()).ToHashSet();

        Assert.Contains(own, codes);
        Assert.Contains(team, codes);
        Assert.DoesNotContain(elsewhere, codes);
    }

    private async Task<string> RoutedCaseAsync(string theme, string neighbourhood = "oosterpark")
    {
        var client = factory.CreateClient();
        var submitted = await client.PostAsJsonAsync("/api/initiatives", new { title = "Teamgrens", description = "Wie mag wat.", neighbourhood, theme });
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var routed = await client.PostAsJsonAsync($"/{nameof(RouteSubmittedInitiative)}", new
        {
            Data = new { message = QueueEnvelope.Wrap(new InitiativeSubmitted(code)) },
            Metadata = new { DequeueCount = 1, Id = "team-lead-" + code },
        });
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        return code;
    }
}
