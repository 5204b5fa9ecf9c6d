using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Notifications;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Initiatives;

public sealed class BackOfficeFixture : IAsyncLifetime
{
    public BackOffice Office { get; private set; } = null!;

    public async Task InitializeAsync() => Office = await BackOffice.StartAsync();

    public async Task DisposeAsync() => await Office.DisposeAsync();
}

/// <summary>
/// Submit → route → e-mail → decide, on real Azurite with the standalone queue listeners and the SendGrid client against a
/// stub. The tests share one platform; each works on its own initiatives and neighbourhood rules.
/// </summary>
public sealed class InitiativeFlowTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Submission_is_routed_to_the_deputy_of_an_absent_official_who_gets_the_email_within_seconds()
    {
        await office.ConfigureRoutingAsync(c => c with { Absences = [new Absence("anouk.devries", Today.AddDays(-1), Today.AddDays(5))] });
        var started = DateTime.UtcNow;

        var code = await office.SubmitAsync(new { title = "Meer bomen in de Lindenstraat", description = "Zes bomen en geveltuinen.", neighbourhood = "oosterpark", theme = "groen", email = "resident@example.org" });

        var routed = await office.WaitForStatusAsync(code, "routed");
        Assert.Equal("Groen Oost", routed.GetProperty("assignedTeam").GetString());
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "bram.jansen@example.org" && m.Subject.Contains(code))), "the deputy has the e-mail");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "routing and e-mail took seconds, not minutes");
        Assert.Contains(office.SendGrid.Accepted, m => m.To == "resident@example.org" && m.Subject.Contains(code));
        var initiative = await office.Store.FindAsync(code, CancellationToken.None);
        Assert.Equal("bram.jansen", initiative!.OwnerId);
        Assert.Contains("absent", initiative.RoutingReason);
        Assert.DoesNotContain("resident@example.org", routed.GetRawText());
    }

    [Fact]
    public async Task Without_a_matching_rule_the_front_office_pool_takes_it_never_dropped()
    {
        await office.ConfigureRoutingAsync(c => c with { Rules = c.Rules.Where(r => r.Neighbourhood != "zuidwijk").ToList() });

        var code = await office.SubmitAsync(new { title = "Lantaarnpaal kapot", description = "Het is donker op het pad.", neighbourhood = "zuidwijk" });

        await office.WaitForStatusAsync(code, "routed");
        var initiative = await office.Store.FindAsync(code, CancellationToken.None);
        Assert.Equal("frontoffice", initiative!.TeamCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "eva.mulder@example.org" && m.Subject.Contains(code))), "the front office lead has the e-mail");
    }

    [Fact]
    public async Task Missing_theme_is_classified_and_the_official_sees_how()
    {
        var code = await office.SubmitAsync(new { title = "Speeltuin opknappen", description = "De schommel en de glijbaan zijn kapot.", neighbourhood = "binnenstad" });

        await office.WaitForStatusAsync(code, "routed");
        var initiative = await office.Store.FindAsync(code, CancellationToken.None);
        Assert.Equal("spelen", initiative!.Theme);
        Assert.Equal("keywords", initiative.ThemeSource);
        Assert.Contains("speeltuin", initiative.ThemeExplanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Duplicate_routing_and_notification_messages_give_one_assignment_and_one_email()
    {
        var code = await office.SubmitAsync(new { title = "Drempels bij de school", description = "Auto's rijden te hard.", neighbourhood = "westhaven", theme = "verkeer" });
        await office.WaitForStatusAsync(code, "routed");
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.Subject.Contains(code) && m.To == "lotte.smit@example.org")), "the first e-mail");
        var sender = office.Factory.Services.GetRequiredService<QueueSender>();
        var initiative = await office.Store.FindAsync(code, CancellationToken.None);

        await sender.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(code), CancellationToken.None);
        await sender.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(code), CancellationToken.None);
        await sender.SendAsync(SendNotification.Queue, new NotificationRequested($"{code}-assigned-lotte.smit", "initiative-assigned", Recipient.Official("lotte.smit"), new Dictionary<string, string> { ["trackingCode"] = code }), CancellationToken.None);
        await QueuesIdle.WaitAsync(office.Factory.Services, RouteSubmittedInitiative.Queue, SendNotification.Queue);

        var timeline = await office.Store.TimelineAsync(code, CancellationToken.None);
        Assert.Single(timeline, e => e.Event == "routed");
        Assert.Equal(initiative!.Version, (await office.Store.FindAsync(code, CancellationToken.None))!.Version);
        Assert.Single(office.SendGrid.Accepted, m => m.Subject.Contains(code) && m.To == "lotte.smit@example.org");
    }

    [Fact]
    public async Task A_sendgrid_error_is_retried_and_ends_in_the_poison_queue_not_silently_dropped()
    {
        var code = await office.SubmitAsync(new { title = SendGridStub.FailMarker + " bankjes", description = "Bankjes bij de haven.", neighbourhood = "westhaven", theme = "ontmoeting", email = "someone@example.org" });

        var poison = office.Factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(PoisonQueue.For(SendNotification.Queue));
        await Eventually.HoldsAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Length >= 1, "the failed e-mail is in the poison queue", TimeSpan.FromSeconds(30));
        Assert.True(office.SendGrid.Refused.Count(m => m.Subject.Contains(code)) >= 2, "SendGrid was tried again before giving up");
        // The official's mail names the title (and so the fail marker); the resident's no longer repeats what was typed (issue 12).
        Assert.DoesNotContain(office.SendGrid.Accepted, m => m.Subject.Contains(code) && m.Subject.Contains(SendGridStub.FailMarker));
        var admin = await office.Factory.AsAsync("admin-ingrid");
        var poisonView = await admin.GetFromJsonAsync<JsonElement>("/api/admin/poison");
        Assert.Contains(poisonView.EnumerateArray(), q => q.GetProperty("queue").GetString() == PoisonQueue.For(SendNotification.Queue) && q.GetProperty("messages").GetInt32() >= 1);
    }

    [Fact]
    public async Task Official_decides_with_a_reason_and_the_resident_sees_it_and_a_second_official_acting_at_once_gets_412()
    {
        var code = await office.SubmitAsync(new { title = "Hondenuitlaatplaats", description = "Graag een losloopgebied.", neighbourhood = "binnenstad", theme = "groen", email = "r@example.org" });
        await office.WaitForStatusAsync(code, "routed");
        var lotte = await office.Factory.AsAsync("lotte.smit");
        var teamLead = await office.Factory.AsAsync("jeroen.meijer");
        var version = (await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();

        var review = await lotte.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version });
        var stale = await teamLead.PostAsJsonAsync($"/api/cases/{code}/start-review", new { version });

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var current = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("in-review", current.GetProperty("current").GetProperty("status").GetString());

        var reviewed = (await review.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        var noReason = await lotte.PostAsJsonAsync($"/api/cases/{code}/reject", new { version = reviewed });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var rejected = await lotte.PostAsJsonAsync($"/api/cases/{code}/reject", new { version = reviewed, reason = "Er is al een losloopgebied op 300 meter." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var view = await office.TrackAsync(code);
        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("publicMessage").GetString() == "Er is al een losloopgebied op 300 meter.");
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "r@example.org" && m.Body.Contains("300 meter"))), "the resident has the decision by e-mail");
        var detail = await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}");
        Assert.Contains(detail.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "case.reject" && a.GetProperty("actorId").GetString() == "lotte.smit");
    }

    [Fact]
    public async Task Resident_supports_once_and_the_threshold_puts_it_on_the_council_agenda()
    {
        var code = await office.SubmitAsync(new { title = "Buurtmoestuin", description = "Een moestuin op het braakliggende veld.", neighbourhood = "westhaven", theme = "groen", email = "s@example.org" });
        var sanne = await office.Factory.AsAsync("resident-sanne");
        var milan = await office.Factory.AsAsync("resident-milan");

        var first = await sanne.PostAsync($"/api/initiatives/{code}/supports", null);
        var again = await sanne.PostAsync($"/api/initiatives/{code}/supports", null);
        var second = await milan.PostAsync($"/api/initiatives/{code}/supports", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var view = await office.TrackAsync(code);
        Assert.Equal(2, view.GetProperty("supports").GetInt32());
        Assert.True(view.GetProperty("thresholdReached").GetBoolean());
        var council = await office.Factory.AsAsync("council-jeroen");
        var agenda = await council.GetFromJsonAsync<JsonElement>("/api/council/agenda");
        Assert.Contains(agenda.EnumerateArray(), i => i.GetProperty("trackingCode").GetString() == code);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "griffie@voorbeeldstad.example.org" && m.Subject.Contains(code))), "the council clerk is told");
    }

    [Fact]
    public async Task The_correlation_id_of_the_request_follows_it_into_the_routing_function_logs()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/initiatives")
        {
            Content = JsonContent.Create(new { title = "Correlatie", description = "Volgen door de wachtrij.", neighbourhood = "westhaven", theme = "afval" }),
        };
        request.Headers.Add("X-Correlation-Id", "flow-correlation-7");
        var response = await office.Anonymous.SendAsync(request);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

        await office.WaitForStatusAsync(code, "routed");

        // The log line follows the stored routing (and its outbox dispatch): on a loaded machine a moment later.
        await Eventually.HoldsAsync(() => Task.FromResult(office.Logs.Lines.Any(l => l.Contains($"Initiative {code} routed") && l.Contains("[CorrelationId, flow-correlation-7]"))),
            "the routing log line carries the request's correlation id", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Personal_data_never_reaches_the_logs()
    {
        const string email = "private.person.4711@example.org";
        var code = await office.SubmitAsync(new { title = "Zebrapad", description = "Bij de bakker.", neighbourhood = "binnenstad", theme = "verkeer", email });
        await office.WaitForStatusAsync(code, "routed");
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email)), "the resident's e-mail was sent");

        Assert.NotEmpty(office.Logs.Lines);
        await Eventually.HoldsAsync(() => Task.FromResult(office.Logs.Lines.Any(l => l.Contains(code))), "the case is in the logs (by its code)", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(office.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains("private.person", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Resident_sees_and_deletes_their_data_through_a_verified_email_link()
    {
        const string email = "export.me@example.org";
        var code = await office.SubmitAsync(new { title = "Mijn gegevens", description = "AVG.", neighbourhood = "binnenstad", theme = "afval", email });
        await office.WaitForStatusAsync(code, "routed");

        var asked = await office.Anonymous.PostAsJsonAsync("/api/privacy/requests", new { email });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var unknownAddress = await office.Anonymous.PostAsJsonAsync("/api/privacy/requests", new { email = "nobody.known@example.org" });
        Assert.Equal(HttpStatusCode.Accepted, unknownAddress.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Body.Contains("/privacy/"))), "the link is e-mailed");
        var link = office.SendGrid.Accepted.First(m => m.To == email && m.Body.Contains("/privacy/")).Body;
        var token = System.Text.RegularExpressions.Regex.Match(link, "/privacy/([0-9a-f]{48})").Groups[1].Value;

        var export = await office.Anonymous.GetFromJsonAsync<JsonElement>($"/api/privacy/requests/{token}");
        Assert.Contains(export.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("subject").GetString() == code);
        var deleted = await office.Anonymous.DeleteAsync($"/api/privacy/requests/{token}/data");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await office.Anonymous.GetAsync($"/api/privacy/requests/{token}")).StatusCode);
        var contacts = office.Factory.Services.GetRequiredService<Participation.App.Privacy.ContactStore>();
        Assert.Null(await contacts.FindAsync(code, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await office.Anonymous.GetAsync($"/api/initiatives/{code}")).StatusCode);
    }
}
