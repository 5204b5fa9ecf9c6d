using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Following;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Privacy;
using Participation.App.Notifications;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Following;

/// <summary>Following an initiative (issue 18) on real Azurite, with the local outbox mail sender.</summary>
public sealed partial class FollowingTests(FollowingFixture fixture) : IClassFixture<FollowingFixture>
{
    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Nothing_is_confirmed_before_the_link_is_opened_the_link_confirms_and_a_second_request_does_not_duplicate()
    {
        var code = await fixture.RoutedInitiativeAsync("Bankje GEHEIME-TITEL bij de vijver", Address("indiener"));
        var email = Address("volger");

        var bad = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers", new { email = "geen-adres" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("follow.email_invalid", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var first = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers", new { email });
        var second = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers", new { email });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        await Eventually.HoldsAsync(async () => (await fixture.MailToAsync(email)).Count == 2, "both confirmation mails are sent");
        var mails = await fixture.MailToAsync(email);
        Assert.All(mails, m =>
        {
            Assert.Contains(code, m.Subject);
            // Sent to an address that may not have asked: no text a resident wrote, links to the public address.
            Assert.DoesNotContain("GEHEIME-TITEL", m.Subject + m.Body);
            Assert.Contains($"{FollowingFixture.PublicBaseUrl}/initiatieven/{code}/volgen/bevestigen?token=", m.Body);
        });
        Assert.Empty(await fixture.Followers.FollowerIdsAsync(code, CancellationToken.None));

        // Opening the link shows a button; it does not confirm (mail scanners open links).
        var token = FollowingFixture.TokenIn(mails[0].Body);
        var page = await fixture.Office.Anonymous.GetAsync($"/initiatieven/{code}/volgen/bevestigen?token={token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(await fixture.Followers.FollowerIdsAsync(code, CancellationToken.None));

        var confirmed = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers/confirm", new { token });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var alsoConfirmed = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers/confirm", new { token = FollowingFixture.TokenIn(mails[1].Body) });
        Assert.Equal(HttpStatusCode.OK, alsoConfirmed.StatusCode);
        Assert.Single(await fixture.Followers.FollowerIdsAsync(code, CancellationToken.None));

        var used = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers/confirm", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        Assert.Equal("follow.link_invalid", (await used.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_status_change_mails_each_follower_once_in_their_language_with_one_click_unsubscribe_and_a_POST_to_it_stops_their_mail()
    {
        var submitter = Address("indiener");
        var code = await fixture.RoutedInitiativeAsync("Speeltoestel GEHEIME-TITEL", submitter);
        var dutch = Address("nl-volger");
        var english = Address("en-volger");
        await fixture.FollowAndConfirmAsync(code, dutch);
        await fixture.FollowAndConfirmAsync(code, english, "en");

        await fixture.ActAsync(code, "start-review");

        var nl = await fixture.WaitForMailAsync(dutch, m => m.Subject.Contains("is nu"), "the Dutch follower hears of the review");
        var en = await fixture.WaitForMailAsync(english, m => m.Subject.Contains("is now"), "the English follower hears of the review");
        Assert.Equal($"Buurtinitiatief {code} is nu: in behandeling", nl.Subject);
        Assert.Equal($"Neighbourhood initiative {code} is now: being reviewed", en.Subject);
        Assert.DoesNotContain("GEHEIME-TITEL", nl.Body);
        var unsubscribe = nl.Headers!["List-Unsubscribe"].Trim('<', '>');
        Assert.StartsWith($"{FollowingFixture.PublicBaseUrl}/initiatieven/{code}/afmelden?volger=", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", nl.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe, nl.Body);
        Assert.NotEqual(unsubscribe, en.Headers!["List-Unsubscribe"].Trim('<', '>'));

        // A link scanner's GET changes nothing; the mail client's one-click POST unsubscribes.
        var local = new Uri(unsubscribe).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await fixture.Office.Anonymous.GetAsync(local)).StatusCode);
        Assert.Equal(2, (await fixture.Followers.FollowerIdsAsync(code, CancellationToken.None)).Count);
        var oneClick = await fixture.Office.Anonymous.PostAsync(local, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Single(await fixture.Followers.FollowerIdsAsync(code, CancellationToken.None));
        var forged = await fixture.Office.Anonymous.PostAsync(local[..^4] + "0000", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await fixture.ActAsync(code, "accept", new { message = "Het speeltoestel komt er." });
        await fixture.WaitForMailAsync(english, m => m.Subject.EndsWith("accepted"), "the remaining follower hears of the decision");
        // The resident who submitted reads the status in words, not its code.
        await fixture.WaitForMailAsync(submitter, m => m.Subject == $"Uw initiatief {code}: goedgekeurd", "the submitter hears of the decision in words");
        await QueuesIdle.WaitAsync(fixture.Office.Factory.Services, Outbox.Queue, NotifyFollowers.Queue, SendNotification.Queue);
        Assert.Single(await fixture.MailToAsync(dutch), m => m.Subject.Contains("is nu"));
        Assert.Single(await fixture.MailToAsync(english), m => m.Subject.EndsWith("being reviewed"));
        Assert.Equal(2, (await fixture.MailToAsync(english)).Count(m => m.Subject.Contains(code) && m.Subject.Contains(": ")));
    }

    [Fact]
    public async Task Follower_addresses_are_in_the_privacy_export_are_deleted_with_it_and_are_closed_with_the_case_for_retention()
    {
        var code = await fixture.RoutedInitiativeAsync("Boom in de straat", Address("indiener"));
        var email = Address("privacy");
        await fixture.FollowAndConfirmAsync(code, email);
        var contacts = fixture.Office.Factory.Services.GetRequiredService<ContactStore>();

        var myData = fixture.Office.Factory.Services.GetRequiredService<MyData>();
        await myData.RequestLinkAsync(email, "nl", CancellationToken.None);
        var link = await fixture.WaitForMailAsync(email, m => m.Body.Contains("/privacy/"), "the privacy link arrives");
        var token = System.Text.RegularExpressions.Regex.Match(link.Body, "/privacy/([0-9a-f]{48})").Groups[1].Value;
        var export = Assert.IsType<MyData.Held>((await myData.ExportAsync(token, CancellationToken.None)).Value);
        var held = Assert.Single(export.Contacts, c => c.Subject.StartsWith(Followers.SubjectPrefix(code), StringComparison.Ordinal));
        Assert.Equal(email, held.Email);
        Assert.Equal("Boom in de straat", held.InitiativeTitle);

        Assert.IsType<MyData.Deleted>((await myData.DeleteAsync(token, CancellationToken.None)).Value);
        Assert.Empty(await fixture.Followers.FollowerIdsAsync(code, CancellationToken.None));
        Assert.DoesNotContain(await contacts.FindByEmailAsync(email, CancellationToken.None), c => c.Subject.Contains(code));

        // Retention: a follower's address is closed with the case and removed with the other contacts after the period.
        var other = Address("retentie");
        await fixture.FollowAndConfirmAsync(code, other);
        var followerSubject = Followers.SubjectPrefix(code) + fixture.Followers.FollowerId(other);
        Assert.Null((await contacts.FindAsync(followerSubject, CancellationToken.None))!.ClosedAt);
        await fixture.ActAsync(code, "start-review");
        await fixture.ActAsync(code, "reject", new { reason = "Hier liggen kabels." });
        await Eventually.HoldsAsync(async () => (await contacts.FindAsync(followerSubject, CancellationToken.None))?.ClosedAt is not null, "the follower's contact is closed with the case");
        await contacts.DeleteClosedBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Null(await contacts.FindAsync(followerSubject, CancellationToken.None));
    }

    [Fact]
    public async Task A_queue_outage_between_the_status_change_and_the_fan_out_still_mails_each_follower_exactly_once()
    {
        var code = await fixture.RoutedInitiativeAsync("Fietsenrek", Address("indiener"));
        var a = Address("storing-a");
        var b = Address("storing-b");
        await fixture.FollowAndConfirmAsync(code, a);
        await fixture.FollowAndConfirmAsync(code, b);

        fixture.Queues.Failing = true;
        try
        {
            var refused = fixture.Queues.Refused;
            await fixture.ActAsync(code, "start-review");
            Assert.True(fixture.Queues.Refused > refused, "the fan-out could not be queued with the change");
        }
        finally
        {
            fixture.Queues.Failing = false;
        }

        // The change's outbox row survives; the sweep queues the fan-out once the queue is back.
        await fixture.WaitForMailAsync(a, m => m.Subject.Contains("is nu"), "follower A is mailed after the outage", 90);
        await fixture.WaitForMailAsync(b, m => m.Subject.Contains("is nu"), "follower B is mailed after the outage", 30);

        // A redelivery of the same fan-out (at-least-once queues) mails nobody twice.
        var fanOut = fixture.Queues.Sent.Last(s => s.Queue == NotifyFollowers.Queue && s.Text.Contains(code)).Text;
        await fixture.Office.Factory.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(NotifyFollowers.Queue).SendMessageAsync(fanOut);
        await QueuesIdle.WaitAsync(fixture.Office.Factory.Services, NotifyFollowers.Queue, SendNotification.Queue);
        Assert.Single(await fixture.MailToAsync(a), m => m.Subject.Contains("is nu"));
        Assert.Single(await fixture.MailToAsync(b), m => m.Subject.Contains("is nu"));
    }
    [Fact]
    public async Task Followers_hear_when_a_realisation_milestone_is_done_and_when_the_team_posts_a_public_update()
    {
        var code = await fixture.RoutedInitiativeAsync("Bloembakken", Address("indiener"));
        var email = Address("uitvoering");
        await fixture.FollowAndConfirmAsync(code, email);
        await fixture.ActAsync(code, "start-review");
        await fixture.ActAsync(code, "accept", new { message = "Goed plan." });
        var lotte = await fixture.Office.Factory.AsAsync("lotte.smit");
        JsonElement item = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await fixture.Office.Anonymous.GetAsync($"/api/realisation/initiative-{code}");
            if (response.IsSuccessStatusCode) item = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.IsSuccessStatusCode;
        }, "the accepted initiative has its realisation item");
        var id = item.GetProperty("id").GetString();

        var added = await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones", new { title = "Bakken plaatsen", planned = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"), version = item.GetProperty("version").GetString() });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var done = await lotte.PostAsJsonAsync($"/api/realisation/{id}/milestones/m1/done", new { version = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString() });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        var milestone = await fixture.WaitForMailAsync(email, m => m.Subject == $"Buurtinitiatief {code}: mijlpaal klaar", "the follower hears the milestone is done");
        Assert.Contains("\"Bakken plaatsen\" is afgerond (1/1", milestone.Body);
        Assert.NotNull(milestone.Headers?["List-Unsubscribe"]);

        var update = await lotte.PostAsJsonAsync($"/api/realisation/{id}/updates", new { text = "De bakken zijn geplant.", version = (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString() });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        var message = await fixture.WaitForMailAsync(email, m => m.Subject == $"Nieuw bericht over buurtinitiatief {code}", "the follower gets the team's public update");
        Assert.Contains("De bakken zijn geplant.", message.Body);
    }
}
