using System.Net.Http.Json;
using System.Text.Json;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Web;

public sealed class CouncilAgendaTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task The_agenda_page_lists_an_initiative_with_enough_support_and_then_the_decision_with_its_date()
    {
        var code = await office.SubmitAsync(new { title = "Speeltuin aan de kade", description = "Een speeltuin voor de jongste kinderen.", neighbourhood = "westhaven", theme = "spelen" });
        await office.WaitForStatusAsync(code, "routed");
        foreach (var resident in new[] { "resident-sanne", "resident-milan" })
        {
            (await (await office.Factory.AsAsync(resident)).PostAsync($"/api/initiatives/{code}/supports", null)).EnsureSuccessStatusCode();
        }

        var council = await office.Factory.AsAsync("council-jeroen");
        var before = await council.GetStringAsync("/raad/agenda");
        Assert.Contains($"data-code=\"{code}\"", before);
        Assert.Contains("Nog geen besluit", Item(before, code));

        var official = await office.Factory.AsAsync("lotte.smit");
        var version = await VersionAsync(official, code);
        var review = await official.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version });
        Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync());
        version = await VersionAsync(official, code);
        var reject = await official.PostAsJsonAsync($"/api/cases/{code}/reject", new { version, reason = "Er komt al een speeltuin in het nieuwe park." });
        Assert.True(reject.IsSuccessStatusCode, await reject.Content.ReadAsStringAsync());

        var after = Item(await council.GetStringAsync("/raad/agenda"), code);
        Assert.Contains("Er komt al een speeltuin in het nieuwe park.", after);
        Assert.Contains("Afgewezen", after);
        Assert.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), after);
    }

    [Fact]
    public async Task A_council_member_reads_any_case_without_forms_to_change_it()
    {
        var code = await office.SubmitAsync(new { title = "Bloembakken op de brug", description = "Kleur op de brug.", neighbourhood = "zuidwijk", theme = "groen" });
        await office.WaitForStatusAsync(code, "routed");
        var council = await office.Factory.AsAsync("council-jeroen");

        var page = await council.GetAsync($"/behandelen/{code}");
        var html = await page.Content.ReadAsStringAsync();
        var inbox = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        inbox.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, "council-jeroen"));

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bloembakken op de brug", html);
        Assert.Contains("data-testid=\"read-only\"", html);
        Assert.DoesNotContain("method=\"post\" class=\"panel form\"", html);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await inbox.GetAsync("/behandelen")).StatusCode);
    }

    [Fact]
    public async Task Residents_cannot_open_the_agenda_page()
    {
        var resident = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        resident.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, "resident-sanne"));

        var response = await resident.GetAsync("/raad/agenda");

        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> VersionAsync(HttpClient official, string code) =>
        (await official.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString()!;

    private static string Item(string html, string code)
    {
        var start = html.IndexOf($"data-code=\"{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the initiative is on the agenda");
        var end = html.IndexOf("</li>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
