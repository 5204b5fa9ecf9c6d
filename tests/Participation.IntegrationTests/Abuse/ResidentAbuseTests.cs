using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Council;
using Participation.App.Hosting;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.App.Notifications;

namespace Participation.IntegrationTests.Abuse;

public sealed class AbuseFixture : IAsyncLifetime
{
    public const int MailsPerAddressPerHour = 3;

    public BackOffice Office { get; private set; } = null!;

    public async Task InitializeAsync() => Office = await BackOffice.StartAsync(new Dictionary<string, string?>
    {
        ["Privacy:MaxMailsPerAddressPerHour"] = MailsPerAddressPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Initiatives:SupportThresholds:zuidwijk"] = "50",
    });

    public async Task DisposeAsync() => await Office.DisposeAsync();
}

/// <summary>
/// A hostile resident, through the real app on Azurite: the platform must not mail someone else's inbox full of their
/// text, count them twice, or fall over on long texts.
/// </summary>
public sealed class ResidentAbuseTests(AbuseFixture fixture) : IClassFixture<AbuseFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task Mail_to_the_address_given_in_a_form_never_repeats_the_title_the_submitter_typed()
    {
        const string victim = "victim.of.spam@example.org";
        const string title = "Koop goedkope pillen op spam.example";
        var code = await office.SubmitAsync(new { title, description = "Klik hier.", neighbourhood = "binnenstad", theme = "groen", email = victim });

        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == victim && m.Subject.Contains(code))), "the confirmation is e-mailed");
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == "lotte.smit@example.org" && m.Subject.Contains(code))), "the official is e-mailed");

        var residentMail = office.SendGrid.Accepted.Single(m => m.To == victim && m.Subject.Contains(code));
        Assert.DoesNotContain("pillen", residentMail.Subject + residentMail.Body);
        Assert.Contains(office.SendGrid.Accepted, m => m.To == "lotte.smit@example.org" && (m.Subject + m.Body).Contains("pillen")); // officials see what was written
    }

    [Fact]
    public async Task A_support_confirmation_mail_names_the_code_not_the_title()
    {
        const string victim = "support.victim@example.org";
        var code = await office.SubmitAsync(new { title = "Bel 0900-OPLICHTER voor uw prijs", description = "d", neighbourhood = "binnenstad", theme = "groen" });

        var asked = await office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/supports/by-email", new { email = victim });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == victim)), "the confirmation link is e-mailed");
        var mail = office.SendGrid.Accepted.Single(m => m.To == victim);
        Assert.Contains(code, mail.Subject);
        Assert.DoesNotContain("OPLICHTER", mail.Subject + mail.Body);
    }

    [Fact]
    public async Task Plus_addressing_dots_and_case_at_gmail_count_as_one_supporter()
    {
        var code = await office.SubmitAsync(new { title = "Bankje bij de vijver", description = "d", neighbourhood = "zuidwijk", theme = "groen" });
        string[] variants = ["Jan.Jansen+1@gmail.com", "janjansen+2@googlemail.com", "JANJANSEN@gmail.com"];

        var answers = new List<HttpStatusCode>();
        foreach (var email in variants)
        {
            answers.Add(await ConfirmSupportAsync(code, email));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict], answers);
        Assert.Equal(1, (await office.TrackAsync(code)).GetProperty("supports").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await ConfirmSupportAsync(code, "piet.jansen@example.org")); // another person still counts
    }

    [Fact]
    public async Task A_support_link_clicked_five_times_at_once_counts_once_and_is_used_up_with_the_count()
    {
        const string email = "vijf.klikken@example.org";
        var code = await office.SubmitAsync(new { title = "Speeltuin aan de Dorpsstraat", description = "d", neighbourhood = "zuidwijk", theme = "groen" });
        var asked = await office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/supports/by-email", new { email });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email)), "the confirmation link is e-mailed");
        var token = Regex.Match(office.SendGrid.Accepted.Single(m => m.To == email).Body, "steun\\?token=([0-9a-f]{40})").Groups[1].Value;

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/supports/confirm", new { token })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True(
            a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"a repeated click answered {(int)a.StatusCode}"));
        Assert.Equal(1, (await office.TrackAsync(code)).GetProperty("supports").GetInt32());
        Assert.NotEqual(HttpStatusCode.OK, (await office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/supports/confirm", new { token })).StatusCode);
        Assert.Null(await office.Factory.Services.GetRequiredService<InitiativeStore>().FindPendingSupportAsync(code, token, CancellationToken.None));
    }

    [Fact]
    public async Task One_mailbox_gets_at_most_its_hourly_share_however_often_someone_asks()
    {
        const int asks = AbuseFixture.MailsPerAddressPerHour + 3;
        for (var i = 0; i < asks; i++)
        {
            // Plus-tags and capitals are the same mailbox; the throttle counts the mailbox, not the spelling.
            var response = await office.Anonymous.PostAsJsonAsync("/api/privacy/requests", new { email = i % 2 == 0 ? $"flooded+{i}@example.org" : "FLOODED@example.org" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        static bool ToFlooded(SendGridStub.Mail m) => m.To.Replace("+", "|", StringComparison.Ordinal).Split('|', '@')[0].Equals("flooded", StringComparison.OrdinalIgnoreCase);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Count(ToFlooded) >= AbuseFixture.MailsPerAddressPerHour), "the first mails arrive");
        await NotificationQueueDrainedAsync();

        Assert.Equal(AbuseFixture.MailsPerAddressPerHour, office.SendGrid.Accepted.Count(ToFlooded));
        Assert.Contains(office.Logs.Lines, l => l.Contains("recipient had", StringComparison.Ordinal));
        Assert.DoesNotContain(office.Logs.Lines, l => l.Contains("flooded", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("note", "note")]
    [InlineData("reject", "reason")]
    [InlineData("ask-info", "question")]
    [InlineData("start-review", "message")]
    public async Task A_40000_character_text_from_an_official_is_a_400_naming_the_field_and_changes_nothing(string action, string field)
    {
        var code = await office.SubmitAsync(new { title = $"Lange tekst {action}", description = "d", neighbourhood = "binnenstad", theme = "groen", email = $"lang.{action}@example.org" });
        await office.WaitForStatusAsync(code, "routed");
        var lotte = await office.Factory.AsAsync("lotte.smit");
        var before = await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}");
        var version = before.GetProperty("version").GetString()!;

        var response = await lotte.PostAsJsonAsync($"/api/cases/{code}/{action}", new Dictionary<string, string> { ["version"] = version, [field] = new string('x', 40_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        var after = await lotte.GetFromJsonAsync<JsonElement>($"/api/cases/{code}");
        Assert.Equal(version, after.GetProperty("version").GetString());

        var fits = await lotte.PostAsJsonAsync($"/api/cases/{code}/note", new { version, note = new string('y', 4_000) });
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Chat_question_mails_travel_as_codes_the_resident_gets_no_question_back_and_the_front_office_gets_it()
    {
        const string email = "chat.abuse@example.org";
        const string question = "Waarom is mijn container niet geleegd ABUSE-MARKER";
        var code = "VR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await office.Factory.Services.GetRequiredService<Participation.Bot.Hosting.Events.IBotCaseRegistrar>().RegisterQuestionAsync(
            new Participation.Bot.Hosting.Events.RegisteredQuestion("no-conversation", code, question, "waste", "nl-NL", email, [], DateTimeOffset.UtcNow), CancellationToken.None);

        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Subject.Contains(code))), "the resident's confirmation");
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To != email && m.Subject.Contains(code))), "the front office's mail");
        Assert.DoesNotContain("ABUSE-MARKER", office.SendGrid.Accepted.Single(m => m.To == email && m.Subject.Contains(code)).Body);
        Assert.Contains("ABUSE-MARKER", office.SendGrid.Accepted.Single(m => m.To != email && m.Subject.Contains(code)).Body);
    }

    private async Task<HttpStatusCode> ConfirmSupportAsync(string code, string email)
    {
        var before = office.SendGrid.Accepted.Count(m => m.To == email);
        var asked = await office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/supports/by-email", new { email });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(office.SendGrid.Accepted.Count(m => m.To == email) > before), $"the confirmation link reaches {email}");
        var body = office.SendGrid.Accepted.Last(m => m.To == email).Body;
        var token = Regex.Match(body, "steun\\?token=([0-9a-f]{40})").Groups[1].Value;
        var confirmed = await office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/supports/confirm", new { token });
        return confirmed.StatusCode;
    }

    private Task NotificationQueueDrainedAsync() => QueuesIdle.WaitAsync(office.Factory.Services, SendNotification.Queue);
}
