using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Identity;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Notifications;
using Participation.App.Routing;

namespace Participation.IntegrationTests.Following;

/// <summary>E-mail as people read it (issue 15): their language, statuses in words, one date format, links to the public address.</summary>
public sealed partial class FollowingTests
{
    [Fact]
    public async Task The_official_who_asked_gets_the_answer_the_resident_reads_their_own_language_and_mail_and_pages_give_the_same_due_date()
    {
        var submitter = Address("engels");
        var code = await fixture.RoutedInitiativeAsync("Picknicktafel in het park", submitter, locale: "en");
        await fixture.ActAsync(code, "start-review");
        await fixture.ActAsync(code, "ask-info", new { question = "Bij welke ingang van het park precies?" });

        var question = await fixture.WaitForMailAsync(submitter, m => m.Subject.Contains("question"), "the resident gets the question");
        Assert.Equal($"A question about your initiative {code}", question.Subject);
        Assert.Contains($"{FollowingFixture.PublicBaseUrl}/initiatieven/{code}/antwoord?key=", question.Body);

        var key = ReplyToInitiative.KeyFor(fixture.Office.Factory.Services.GetRequiredService<Pseudonyms>(), code);
        var reply = await fixture.Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/replies", new { message = "Bij de ingang aan de Parklaan.", key });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());

        var lotte = (await fixture.Office.Factory.Services.GetRequiredService<RoutingDirectory>().CurrentAsync(CancellationToken.None)).Officials.Single(o => o.Id == "lotte.smit");
        var answered = await fixture.WaitForMailAsync(lotte.Email, m => m.Subject.StartsWith($"Antwoord op uw vraag over {code}"), "the official gets the answer");
        Assert.Contains("Bij welke ingang van het park precies?", answered.Body);
        Assert.Contains("Bij de ingang aan de Parklaan.", answered.Body);
        Assert.Contains($"{FollowingFixture.PublicBaseUrl}/behandelen/{code}", answered.Body);

        // One due date, written one way, in the official's mail, on the public page and on the case page.
        var initiative = (await fixture.Office.Store.FindAsync(code, CancellationToken.None))!;
        var due = EmailTemplates.Date(InitiativeMessages.DueDay(initiative.DueDate!.Value), "nl");
        Assert.Matches(@"^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$", due);
        Assert.Contains($"reactie uiterlijk {due}", answered.Body);
        var publicPage = await fixture.Office.Anonymous.GetStringAsync($"/initiatieven/{code}?lang=nl");
        Assert.Contains($"data-testid=\"due-date\">{due}<", publicPage);
        var official = fixture.Office.Factory.CreateClient();
        official.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignIn.TokenAsync(fixture.Office.Factory, "lotte.smit"));
        var casePage = await official.GetAsync($"/behandelen/{code}");
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
        Assert.Contains($"data-testid=\"due-date\">{due}<", await casePage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_resident_whose_sign_in_vouches_for_an_address_follows_and_unfollows_with_one_click()
    {
        var code = await fixture.RoutedInitiativeAsync("Watertappunt", Address("indiener"));
        var email = Address("ingelogd");
        var token = (await (await fixture.Office.Anonymous.PostAsJsonAsync("/api/dev/token", new { userId = "resident-sanne", email }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        var sanne = fixture.Office.Factory.CreateClient();
        sanne.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var milan = await fixture.Office.Factory.AsAsync("resident-milan");

        Assert.Equal(HttpStatusCode.OK, (await sanne.PostAsync($"/api/initiatives/{code}/followers/me", null)).StatusCode);
        Assert.True(await fixture.Followers.IsFollowingAsync(code, email, CancellationToken.None));
        Assert.Empty(await fixture.MailToAsync(email));
        // A sign-in without an address cannot follow with one click; it is told to use the e-mail form.
        var without = await milan.PostAsync($"/api/initiatives/{code}/followers/me", null);
        Assert.Equal(HttpStatusCode.Conflict, without.StatusCode);
        Assert.Contains("follow.no_verified_email", await without.Content.ReadAsStringAsync());

        await fixture.ActAsync(code, "start-review");
        await fixture.WaitForMailAsync(email, m => m.Subject.Contains("is nu"), "the signed-in follower hears of the review");

        Assert.Equal(HttpStatusCode.OK, (await sanne.DeleteAsync($"/api/initiatives/{code}/followers/me")).StatusCode);
        Assert.False(await fixture.Followers.IsFollowingAsync(code, email, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, null, null, "http://127.0.0.1:7071")]
    [InlineData(null, null, "8080", "http://127.0.0.1:8080")]
    [InlineData(null, "http://0.0.0.0:5123", null, "http://127.0.0.1:5123")]
    [InlineData(null, "http://+:5124;https://+:5125", "9000", "http://127.0.0.1:5124")]
    [InlineData("https://participatie.voorbeeldstad.nl", "http://0.0.0.0:5123", "8080", "https://participatie.voorbeeldstad.nl")]
    public void Links_follow_the_configured_public_address_and_otherwise_the_port_the_app_runs_on(string? configured, string? urls, string? port, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:PublicBaseUrl"] = configured,
            ["urls"] = urls,
            ["PORT"] = port,
        }).Build();

        Assert.Equal(expected, PlatformOptions.PublicBaseUrlOf(configuration));
    }
}
