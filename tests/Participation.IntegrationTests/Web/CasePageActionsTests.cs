using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Participation.App.Audit;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Web;

/// <summary>
/// An official works a case in the page: the timeline reads as sentences with names, reassigning stays within the
/// chosen team, the theme is corrected and a duplicate merged through forms, and a decision needs its motivation.
/// </summary>
public sealed partial class CasePageActionsTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task Reassigning_to_someone_outside_the_chosen_team_is_refused_and_the_timeline_names_teams_and_people()
    {
        var code = await office.SubmitAsync(new { title = "Bankje bij de haven", description = "Een bank om op uit te rusten.", neighbourhood = "westhaven", theme = "ontmoeting" });
        await office.WaitForStatusAsync(code, "routed");
        var lotte = await office.Factory.AsAsync("lotte.smit");
        var version = (await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();

        var outside = await lotte.PostAsJsonAsync($"/api/cases/{code}/reassign", new { version, team = "groen-oost", officialId = "jeroen.meijer", reason = "Hoort bij groen" });

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var problem = await outside.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("officialId", out _), problem.GetRawText());
        Assert.Equal("gebied-zuidwest", (await office.Store.FindAsync(code, CancellationToken.None))!.TeamCode);

        var within = await lotte.PostAsJsonAsync($"/api/cases/{code}/reassign", new { version, team = "gebied-zuidwest", officialId = "jeroen.meijer", reason = "Jeroen kent de havenkant" });
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);

        var jeroen = await office.Factory.AsAsync("jeroen.meijer");
        var page = await jeroen.GetStringAsync($"/behandelen/{code}");
        var events = TimelineEvents(page);
        Assert.Contains("Ingediend door de inwoner", events);
        Assert.Contains("Doorgestuurd naar Gebiedsteam Zuid-West, behandelaar Lotte Smit", events);
        Assert.Contains("Overgedragen door Lotte Smit aan Gebiedsteam Zuid-West, behandelaar Jeroen Meijer", events);
        Assert.DoesNotContain("Resident:", page);
        Assert.DoesNotContain("System:", page);
        Assert.DoesNotContain("→ team", page);
        // The reassign form groups officials by team, so the script (and a reader) can offer only the chosen team's.
        Assert.Matches("<optgroup label=\"Groen Oost\" data-team=\"groen-oost\">\\s*<option value=\"anouk.devries\" data-team=\"groen-oost\">", page);
    }

    [Fact]
    public async Task Official_corrects_the_theme_and_merges_a_duplicate_with_the_forms_and_bad_input_changes_nothing()
    {
        var first = await office.SubmitAsync(new { title = "Zebrapad bij de school aan de Kade", description = "Kinderen steken over zonder zebrapad.", neighbourhood = "binnenstad", theme = "groen" });
        var second = await office.SubmitAsync(new { title = "Zebrapad bij school Kade", description = "Graag een zebrapad bij de school, kinderen steken gevaarlijk over.", neighbourhood = "binnenstad", theme = "groen" });
        await office.WaitForStatusAsync(first, "routed");
        await office.WaitForStatusAsync(second, "routed");
        var lotte = await PageClientAsync("lotte.smit");

        var page = await lotte.GetStringAsync($"/behandelen/{second}");
        var corrected = await PostAsync(lotte, second, page, "correct-theme", new() { ["Form.Theme"] = "verkeer", ["Form.Reason"] = "Gaat over oversteken" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var afterTheme = await office.Store.FindAsync(second, CancellationToken.None);
        Assert.Equal(("verkeer", "official"), (afterTheme!.Theme, afterTheme.ThemeSource));
        page = await lotte.GetStringAsync($"/behandelen/{second}");
        Assert.Contains("Thema gecorrigeerd naar Verkeer en parkeren door Lotte Smit", TimelineEvents(page));
        Assert.Contains("gecorrigeerd door een medewerker", page);

        var noReason = await PostAsync(lotte, second, page, "merge", new() { ["Form.Target"] = first, ["Form.Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Geef een motivering; de inwoner en het publiek zien die.", await noReason.Content.ReadAsStringAsync());
        var unknown = await PostAsync(lotte, second, page, "merge", new() { ["Form.Target"] = "AAAA-BBBB-CCC", ["Form.Reason"] = "Dubbel" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Geef de volgcode van een bestaand initiatief", await unknown.Content.ReadAsStringAsync());
        Assert.Equal("routed", (await office.TrackAsync(second)).GetProperty("status").GetString());

        var merged = await PostAsync(lotte, second, page, "merge", new() { ["Form.Target"] = first, ["Form.Reason"] = "Hetzelfde verzoek als een eerder initiatief; we behandelen ze samen." });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var stored = await office.Store.FindAsync(second, CancellationToken.None);
        Assert.Equal(first, stored!.MergedIntoId);
        page = await lotte.GetStringAsync($"/behandelen/{second}");
        Assert.Contains($"Samengevoegd met {first} door Lotte Smit", TimelineEvents(page));

        var audit = await office.Store.AuditTrailAsync(second, CancellationToken.None);
        Assert.Equal(["case.correct-theme", "case.merge"], audit.Select(a => a.Action).ToArray());
        Assert.All(audit, a => Assert.Equal("lotte.smit", a.ActorId));
        // The resident reads the motivation, never the official's name.
        var track = await office.TrackAsync(second);
        Assert.Equal("merged", track.GetProperty("status").GetString());
        Assert.Contains(track.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("publicMessage").GetString()!.StartsWith("Hetzelfde verzoek", StringComparison.Ordinal));
        Assert.DoesNotContain("Lotte", track.GetRawText());
    }

    [Fact]
    public async Task A_decision_without_a_motivation_is_refused_in_dutch_because_the_resident_reads_it()
    {
        var code = await office.SubmitAsync(new { title = "Speeltoestel voor peuters", description = "Een klein klimrek.", neighbourhood = "zuidwijk", theme = "spelen" });
        await office.WaitForStatusAsync(code, "routed");
        var jeroen = await PageClientAsync("jeroen.meijer");
        var page = await jeroen.GetStringAsync($"/behandelen/{code}");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(jeroen, code, page, "start-review", [])).StatusCode);
        page = await jeroen.GetStringAsync($"/behandelen/{code}");

        var response = await PostAsync(jeroen, code, page, "decide", new() { ["Form.Decision"] = "accept", ["Form.Reason"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Geef een motivering; de inwoner leest die bij het besluit.", await response.Content.ReadAsStringAsync());
        Assert.Equal("in-review", (await office.TrackAsync(code)).GetProperty("status").GetString());
    }

    private async Task<HttpClient> PageClientAsync(string userId)
    {
        var client = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, userId));
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string code, string page, string act, Dictionary<string, string> fields)
    {
        fields["act"] = act;
        fields["Form.Version"] = WebUtility.HtmlDecode(VersionField().Match(page).Groups[1].Value);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync($"/behandelen/{code}", new FormUrlEncodedContent(fields));
    }

    private static List<string> TimelineEvents(string page) =>
        TimelineEvent().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("name=\"Form.Version\" value=\"([^\"]*)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"timeline-event\">([^<]*)<")]
    private static partial Regex TimelineEvent();
}
