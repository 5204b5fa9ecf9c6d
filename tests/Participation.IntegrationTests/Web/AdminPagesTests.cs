using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Azure.Storage.Queues;
using Participation.App.Audit;
using Participation.App.Hosting;
using Participation.App.Routing;

namespace Participation.IntegrationTests.Web;

/// <summary>An administrator does their job in the pages, not with curl: routing, absences, and the audit log that records it.</summary>
public sealed partial class AdminPagesTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task Admin_reports_an_absence_in_the_page_and_finds_it_in_the_audit_log_and_its_export()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/beheer/routering");

        var response = await PostFormAsync(admin, "/beheer/routering?handler=AddAbsence", page, new()
        {
            ["FormVersion"] = Version(page),
            ["Absence.OfficialId"] = "jeroen.meijer",
            ["Absence.From"] = "2027-03-01",
            ["Absence.Until"] = "2027-03-12",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("De afwezigheid is opgeslagen", await admin.GetStringAsync(response.Headers.Location!.OriginalString));
        var configuration = await office.Factory.Services.GetRequiredService<RoutingDirectory>().CurrentAsync(CancellationToken.None);
        Assert.Contains(configuration.Absences, a => a.OfficialId == "jeroen.meijer" && a.From == new DateOnly(2027, 3, 1) && a.Until == new DateOnly(2027, 3, 12));

        var audit = await admin.GetStringAsync("/beheer/audit?wie=admin-ingrid&actie=routing");
        Assert.Contains("routing.replace", audit);
        var csv = await admin.GetStringAsync("/api/admin/audit.csv?actor=admin-ingrid&action=routing.replace");
        Assert.Contains("routing.replace", csv);
        Assert.DoesNotContain("budget.", csv);
    }

    [Fact]
    public async Task A_change_based_on_an_old_version_is_refused_in_dutch_and_changes_nothing()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/beheer/routering");
        var directory = office.Factory.Services.GetRequiredService<RoutingDirectory>();
        var before = await directory.CurrentAsync(CancellationToken.None);

        var response = await PostFormAsync(admin, "/beheer/routering?handler=SetRule", page, new()
        {
            ["FormVersion"] = "W/\"datetime'2001-01-01T00%3A00%3A00.0000000Z'\"",
            ["Rule.Neighbourhood"] = "zuidwijk",
            ["Rule.Theme"] = "",
            ["Rule.Team"] = "gebied-zuidwest",
            ["Rule.Primary"] = "lotte.smit",
            ["Rule.Deputy"] = "",
        });

        Assert.Contains("Iemand anders heeft de routering intussen gewijzigd", await response.Content.ReadAsStringAsync());
        Assert.Equal(before.Rules, (await directory.CurrentAsync(CancellationToken.None)).Rules);
    }

    [Fact]
    public async Task A_rule_whose_deputy_is_the_primary_official_is_explained_not_saved()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/beheer/routering");

        var response = await PostFormAsync(admin, "/beheer/routering?handler=SetRule", page, new()
        {
            ["FormVersion"] = Version(page),
            ["Rule.Neighbourhood"] = "zuidwijk",
            ["Rule.Theme"] = "spelen",
            ["Rule.Team"] = "gebied-zuidwest",
            ["Rule.Primary"] = "lotte.smit",
            ["Rule.Deputy"] = "lotte.smit",
        });

        Assert.Contains("De vervanger is iemand anders dan de vaste behandelaar", await response.Content.ReadAsStringAsync());
        var rules = (await office.Factory.Services.GetRequiredService<RoutingDirectory>().CurrentAsync(CancellationToken.None)).Rules;
        Assert.DoesNotContain(rules, r => r.Neighbourhood == "zuidwijk" && r.Theme == "spelen");
    }

    [Fact]
    public async Task Admin_puts_back_the_ticked_failed_messages_and_the_audit_log_names_who_how_many_and_which_queue()
    {
        const string path = "/beheer/mislukte-berichten";
        var poison = office.Factory.Services.GetRequiredService<PoisonQueues>();
        var queue = poison.Names.First();
        var target = queue[..^"-poison".Length];
        var client = office.Factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(queue);
        var sent = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add((await client.SendMessageAsync($$"""{"test":{{i}}}""")).Value.MessageId);
        }

        var admin = await AdminAsync();
        var page = await admin.GetStringAsync(path);
        Assert.All(sent, id => Assert.Contains($"data-message=\"{id}\"", page));
        async Task<IEnumerable<string>> WaitingAsync() => (await poison.ListAsync(CancellationToken.None)).Single(q => q.Queue == queue).Newest.Select(m => m.Id);

        var nothingTicked = await PostFieldsAsync(admin, path, page, [new("queue", queue), new("scope", "gekozen")]);
        Assert.Equal(HttpStatusCode.BadRequest, nothingTicked.StatusCode);
        Assert.Contains("Kies eerst een of meer berichten", await nothingTicked.Content.ReadAsStringAsync());
        Assert.Equal(sent.Order(), (await WaitingAsync()).Order());

        var ticked = await PostFieldsAsync(admin, path, page, [new("queue", queue), new("message", sent[0]), new("message", sent[2]), new("scope", "gekozen")]);
        Assert.Contains($"2 berichten staan weer op {target}.", await ticked.Content.ReadAsStringAsync());
        Assert.Equal([sent[1]], await WaitingAsync());

        var audit = await office.Factory.Services.GetRequiredService<AuditLog>().ReadAsync(new(Action: PoisonQueues.AuditAction), CancellationToken.None);
        var entry = Assert.Single(audit);
        Assert.Equal(("admin-ingrid", $"queue/{queue}", $"2 → {target}"), (entry.ActorId, entry.Subject, entry.After));
        Assert.Contains($"queue/{queue}", await admin.GetStringAsync("/beheer/audit?actie=poison"));
    }

    [Theory]
    [InlineData("lotte.smit")]
    [InlineData("council-jeroen")]
    public async Task Only_administrators_open_the_administration_pages(string user)
    {
        var client = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, user));

        foreach (var path in new[] { "/beheer", "/beheer/routering", "/beheer/audit", "/beheer/mislukte-berichten" })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    /// <summary>Redirects are followed by hand: the test's bearer header, unlike a browser's cookie, is not sent again on a redirect.</summary>
    private async Task<HttpClient> AdminAsync()
    {
        var client = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, "admin-ingrid"));
        return client;
    }

    private static string Version(string page) => WebUtility.HtmlDecode(VersionField().Match(page).Groups[1].Value);

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string page, Dictionary<string, string> fields) =>
        PostFieldsAsync(client, path, page, fields);

    /// <summary>A form post whose fields may repeat (ticked checkboxes share a name).</summary>
    private static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string path, string page, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", AntiforgeryField().Match(page).Groups[1].Value)]));

    [GeneratedRegex("name=\"FormVersion\" value=\"([^\"]*)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
