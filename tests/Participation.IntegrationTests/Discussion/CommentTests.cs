using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Audit;
using Participation.App.Discussion;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Routing;

namespace Participation.IntegrationTests.Discussion;

/// <summary>The real app on the shared Azurite with its queue functions off: comments need no routing, only a stored initiative.</summary>
public sealed class DiscussionPlatform : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(int commentPermits) => new()
    {
        ["FunctionHost:RunTriggers"] = "false",
        ["RateLimits:submissions:PermitLimit"] = "1000",
        ["RateLimits:comments:PermitLimit"] = commentPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Discussion:PreModeratedNeighbourhoods:0"] = "zuidwijk",
        ["Discussion:FlaggedWords:0"] = "oplichter",
        ["Discussion:FlaggedWords:1"] = "rot op",
    };

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), Settings(1000));
        await WaitForSeedAsync(Factory);
    }

    public static async Task WaitForSeedAsync(PlatformFactory factory)
    {
        _ = factory.Server;
        await Eventually.HoldsAsync(async () =>
        {
            try { return (await factory.Services.GetRequiredService<RoutingDirectory>().ReadAsync(CancellationToken.None)).Configuration is not null; }
            catch (InvalidOperationException) { return false; }
        }, "the demo routing configuration is seeded");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public static async Task<string> SubmitAsync(PlatformFactory factory, string neighbourhood)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/initiatives",
            new { title = "Bankjes bij de vijver", description = "Drie bankjes in de schaduw.", neighbourhood, email = "indiener@example.org" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    }
}

public sealed class CommentTests(DiscussionPlatform platform) : IClassFixture<DiscussionPlatform>
{
    private readonly PlatformFactory factory = platform.Factory;

    private Task<string> SubmitAsync(string neighbourhood = "oosterpark") => DiscussionPlatform.SubmitAsync(factory, neighbourhood);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string code, object body) =>
        client.PostAsJsonAsync($"/api/initiatives/{code}/comments", body);

    private static async Task<string> PostIdAsync(HttpClient client, string code, object body)
    {
        var response = await PostAsync(client, code, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/initiatives/{code}/comments")).EnumerateArray().ToArray();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("dutch").GetString()));
    }

    [Fact]
    public async Task A_resident_comments_and_replies_one_level_deep_and_a_reply_to_a_reply_is_refused()
    {
        var code = await SubmitAsync();
        var sanne = await factory.AsAsync("resident-sanne");
        var milan = await factory.AsAsync("resident-milan");

        var created = await PostAsync(sanne, code, new { text = "Goed plan, graag ook een prullenbak.", displayName = "Sanne uit de buurt" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("visible", first.GetProperty("status").GetString());
        var firstId = first.GetProperty("id").GetString()!;
        var replyId = await PostIdAsync(milan, code, new { text = "Eens!", replyTo = firstId });

        await AssertProblemAsync(await PostAsync(sanne, code, new { text = "Een antwoord op een antwoord", replyTo = replyId }), HttpStatusCode.BadRequest, "comment.reply_depth");
        await AssertProblemAsync(await PostAsync(sanne, code, new { text = "Waarop?", replyTo = "0000000000000000000deadbeef" }), HttpStatusCode.BadRequest, "comment.reply_unknown");

        var comments = await ListAsync(factory.CreateClient(), code);
        Assert.Equal([firstId, replyId], comments.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Sanne uit de buurt", comments[0].GetProperty("author").GetString());
        Assert.Equal("Inwoner", comments[1].GetProperty("author").GetString());
        Assert.Equal(firstId, comments[1].GetProperty("replyTo").GetString());
        Assert.Equal(JsonValueKind.Null, comments[0].GetProperty("replyTo").ValueKind);
        Assert.False(comments[0].GetProperty("official").GetBoolean());
        Assert.True(comments[0].GetProperty("createdAt").GetDateTimeOffset() <= comments[1].GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Text_is_trimmed_must_hold_1_to_2000_characters_and_refused_text_stores_nothing()
    {
        var code = await SubmitAsync();
        var sanne = await factory.AsAsync("resident-sanne");

        await AssertProblemAsync(await PostAsync(sanne, code, new { text = "   \n  " }), HttpStatusCode.BadRequest, "comment.text_empty");
        await AssertProblemAsync(await PostAsync(sanne, code, new { text = new string('a', 2001) }), HttpStatusCode.BadRequest, "comment.text_too_long");
        Assert.Empty(await ListAsync(factory.CreateClient(), code));

        await PostIdAsync(sanne, code, new { text = "  " + new string('b', 2000) + "  " });
        await PostIdAsync(sanne, code, new { text = "<script>alert(1)</script> & \"quotes\"" });

        var comments = await ListAsync(factory.CreateClient(), code);
        Assert.Equal(new string('b', 2000), comments[0].GetProperty("text").GetString());
        Assert.Equal("<script>alert(1)</script> & \"quotes\"", comments[1].GetProperty("text").GetString());
        var page = await factory.CreateClient().GetStringAsync($"/initiatieven/{code}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        var initiative = await factory.Services.GetRequiredService<InitiativeStore>().FindAsync(code, CancellationToken.None);
        Assert.Equal(2, initiative!.Comments);
    }

    [Fact]
    public async Task A_display_name_may_not_be_an_address_or_the_municipality_and_the_list_never_holds_an_email_or_real_name()
    {
        var code = await SubmitAsync();
        var sanne = await factory.AsAsync("resident-sanne");

        await AssertProblemAsync(await PostAsync(sanne, code, new { text = "Hoi", displayName = "sanne@example.org" }), HttpStatusCode.BadRequest, "comment.display_name_invalid");
        await AssertProblemAsync(await PostAsync(sanne, code, new { text = "Hoi", displayName = "www.sanne.nl" }), HttpStatusCode.BadRequest, "comment.display_name_address");
        await AssertProblemAsync(await PostAsync(sanne, code, new { text = "Hoi", displayName = "Gemeente Team" }), HttpStatusCode.BadRequest, "comment.display_name_reserved");
        await PostIdAsync(sanne, code, new { text = "Zonder naam." });

        var raw = await factory.CreateClient().GetStringAsync($"/api/initiatives/{code}/comments");
        var asAuthor = await sanne.GetStringAsync($"/api/initiatives/{code}/comments");
        foreach (var body in new[] { raw, asAuthor })
        {
            Assert.DoesNotContain("@", body);
            Assert.DoesNotContain("example.org", body);
            Assert.DoesNotContain("Sanne Jansen", body);
            Assert.DoesNotContain("resident-sanne", body);
        }

        Assert.Equal("Inwoner", (await ListAsync(factory.CreateClient(), code)).Single().GetProperty("author").GetString());
    }

    [Fact]
    public async Task Reports_from_three_distinct_people_hide_a_comment_pending_review_and_a_repeated_report_counts_once()
    {
        var code = await SubmitAsync();
        var sanne = await factory.AsAsync("resident-sanne");
        var id = await PostIdAsync(sanne, code, new { text = "Een scherpe reactie." });
        var milan = await factory.AsAsync("resident-milan");

        async Task ReportAsync(HttpClient client) =>
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"/api/initiatives/{code}/comments/{id}/reports", new { reason = "beledigend" })).StatusCode);

        await ReportAsync(milan);
        await ReportAsync(milan);
        await ReportAsync(await factory.AsAsync("agent-noor"));
        Assert.Single(await ListAsync(factory.CreateClient(), code));

        await ReportAsync(await factory.AsAsync("council-jeroen"));

        Assert.Empty(await ListAsync(factory.CreateClient(), code));
        var own = (await ListAsync(sanne, code)).Single();
        Assert.Equal("pending", own.GetProperty("status").GetString());
        Assert.Contains("gemeld", own.GetProperty("moderationReason").GetString());
        var stored = await factory.Services.GetRequiredService<CommentStore>().FindAsync(code, id, CancellationToken.None);
        Assert.Equal(3, stored!.Reports);
        var audit = await AuditOfAsync(code, id);
        Assert.Contains(audit, e => e.Action == "comment-hide-by-reports" && e.Role == "system");

        var missingReason = await milan.PostAsJsonAsync($"/api/initiatives/{code}/comments/{id}/reports", new { reason = " " });
        await AssertProblemAsync(missingReason, HttpStatusCode.BadRequest, "comment.reason_required");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/initiatives/{code}/comments/{id}/reports", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Only_officials_of_the_neighbourhood_and_admins_hide_and_restore_with_a_reason_and_each_action_is_audited()
    {
        var code = await SubmitAsync("oosterpark");
        var sanne = await factory.AsAsync("resident-sanne");
        var id = await PostIdAsync(sanne, code, new { text = "Dit is een reactie." });
        var hide = $"/api/initiatives/{code}/comments/{id}/hide";
        var restore = $"/api/initiatives/{code}/comments/{id}/restore";

        await AssertProblemAsync(await (await factory.AsAsync("lotte.smit")).PostAsJsonAsync(hide, new { reason = "Niet mijn buurt" }), HttpStatusCode.Forbidden, "comment.forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await sanne.PostAsJsonAsync(hide, new { reason = "Zelf" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.AsAsync("council-jeroen")).PostAsJsonAsync(hide, new { reason = "Raad" })).StatusCode);
        var official = await factory.AsAsync("sanne.visser");
        await AssertProblemAsync(await official.PostAsJsonAsync(hide, new { reason = "" }), HttpStatusCode.BadRequest, "comment.reason_required");
        Assert.Single(await ListAsync(factory.CreateClient(), code));
        Assert.Empty(await AuditOfAsync(code, id));

        var hidden = await official.PostAsJsonAsync(hide, new { reason = "Persoonlijke aanval op een buurman." });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Empty(await ListAsync(factory.CreateClient(), code));
        var own = (await ListAsync(sanne, code)).Single();
        Assert.Equal("hidden", own.GetProperty("status").GetString());
        Assert.Equal("Persoonlijke aanval op een buurman.", own.GetProperty("moderationReason").GetString());

        Assert.Equal(HttpStatusCode.OK, (await (await factory.AsAsync("admin-ingrid")).PostAsJsonAsync(restore, new { reason = "Bij nader inzien toelaatbaar." })).StatusCode);
        var visible = (await ListAsync(factory.CreateClient(), code)).Single();
        Assert.Equal("visible", visible.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, visible.GetProperty("moderationReason").ValueKind);

        var audit = await AuditOfAsync(code, id);
        Assert.Contains(audit, e => e.Action == "comment-hide" && e.ActorId == "sanne.visser" && e.After!.Contains("Persoonlijke aanval"));
        Assert.Contains(audit, e => e.Action == "comment-restore" && e.ActorId == "admin-ingrid" && e.Before == "hidden");
        Assert.Equal(2, audit.Count);
    }

    [Fact]
    public async Task An_official_of_the_neighbourhood_answers_as_Gemeente_with_their_name_and_one_of_another_neighbourhood_may_not()
    {
        var code = await SubmitAsync("oosterpark");
        var question = await PostIdAsync(await factory.AsAsync("resident-milan"), code, new { text = "Wanneer komen de bankjes?" });

        await PostIdAsync(await factory.AsAsync("sanne.visser"), code, new { text = "In het voorjaar.", replyTo = question, displayName = "Iemand anders" });
        await AssertProblemAsync(await PostAsync(await factory.AsAsync("lotte.smit"), code, new { text = "Ik ook" }), HttpStatusCode.Forbidden, "comment.forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await factory.AsAsync("council-jeroen"), code, new { text = "Raad" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(factory.CreateClient(), code, new { text = "Anoniem" })).StatusCode);

        var answer = (await ListAsync(factory.CreateClient(), code)).Last();
        Assert.True(answer.GetProperty("official").GetBoolean());
        Assert.Equal("Gemeente (Sanne Visser)", answer.GetProperty("author").GetString());
        Assert.Equal(question, answer.GetProperty("replyTo").GetString());
    }

    [Fact]
    public async Task In_a_pre_moderated_neighbourhood_a_comment_waits_until_an_official_of_that_neighbourhood_approves_it()
    {
        var code = await SubmitAsync("zuidwijk");
        var sanne = await factory.AsAsync("resident-sanne");

        var response = await PostAsync(sanne, code, new { text = "Mooi initiatief." });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString()!;
        Assert.Empty(await ListAsync(factory.CreateClient(), code));
        Assert.Equal("pending", (await ListAsync(sanne, code)).Single().GetProperty("status").GetString());

        var approve = $"/api/initiatives/{code}/comments/{id}/restore";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.AsAsync("sanne.visser")).PostAsJsonAsync(approve, new { reason = "Goedgekeurd" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.AsAsync("jeroen.meijer")).PostAsJsonAsync(approve, new { reason = "Goedgekeurd" })).StatusCode);

        Assert.Equal(id, (await ListAsync(factory.CreateClient(), code)).Single().GetProperty("id").GetString());
        Assert.Contains(await AuditOfAsync(code, id), e => e.Action == "comment-restore" && e.ActorId == "jeroen.meijer" && e.Before == "pending");
    }

    [Fact]
    public async Task A_word_of_the_list_flags_the_comment_for_review_without_changing_or_hiding_it()
    {
        var code = await SubmitAsync("oosterpark");
        var text = "Die aannemer is een Oplichter, echt waar.";
        var id = await PostIdAsync(await factory.AsAsync("resident-milan"), code, new { text });
        var clean = await PostIdAsync(await factory.AsAsync("resident-milan"), code, new { text = "Rotonde op de hoek is handig." });

        var shown = await ListAsync(factory.CreateClient(), code);
        Assert.Equal(text, shown.Single(c => c.GetProperty("id").GetString() == id).GetProperty("text").GetString());
        Assert.Equal("visible", shown[0].GetProperty("status").GetString());
        var comments = factory.Services.GetRequiredService<CommentStore>();
        Assert.Equal(["oplichter"], (await comments.FindAsync(code, id, CancellationToken.None))!.FlaggedWords);
        Assert.Empty((await comments.FindAsync(code, clean, CancellationToken.None))!.FlaggedWords);

        var casePage = await (await factory.AsAsync("sanne.visser")).GetStringAsync($"/behandelen/{code}");
        Assert.Contains("data-testid=\"comment-flagged\"", casePage);
    }

    [Fact]
    public async Task The_comment_count_is_kept_on_the_case_and_its_index_row_for_the_council_dashboard()
    {
        var code = await SubmitAsync("oosterpark");
        var milan = await factory.AsAsync("resident-milan");
        await PostIdAsync(milan, code, new { text = "Een." });
        await PostIdAsync(milan, code, new { text = "Twee." });
        await PostIdAsync(milan, code, new { text = "Drie." });

        var store = factory.Services.GetRequiredService<InitiativeStore>();
        Assert.Equal(3, (await store.FindAsync(code, CancellationToken.None))!.Comments);
        await Eventually.HoldsAsync(async () => (await store.ListAllAsync(new InitiativeFilter(DiscussedOnly: true), CancellationToken.None)).Any(i => i.TrackingCode == code && i.Comments == 3),
            "the index row carries the count");
        var dashboard = await (await factory.AsAsync("council-jeroen")).GetStringAsync("/raad");
        Assert.Contains($"data-code=\"{code}\"", dashboard);
    }

    [Fact]
    public async Task An_unknown_initiative_answers_404_problem_with_a_code()
    {
        await AssertProblemAsync(await factory.CreateClient().GetAsync("/api/initiatives/K7QXM2PD9RC/comments"), HttpStatusCode.NotFound, "comment.initiative_not_found");
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(string code, string id) =>
        await factory.Services.GetRequiredService<AuditLog>().ReadAsync(new AuditLog.Filter(Subject: $"comment/{code}/{id}"), CancellationToken.None);
}

/// <summary>Its own app with a low limit, so the other tests never meet it.</summary>
public sealed class CommentRateLimitTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), DiscussionPlatform.Settings(3));
        await DiscussionPlatform.WaitForSeedAsync(factory);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Comments_are_rate_limited_per_signed_in_resident_not_per_address()
    {
        var code = await DiscussionPlatform.SubmitAsync(factory, "oosterpark");
        var sanne = await factory.AsAsync("resident-sanne");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await sanne.PostAsJsonAsync($"/api/initiatives/{code}/comments", new { text = $"Reactie {i}" })).StatusCode);
        }

        var refused = await sanne.PostAsJsonAsync($"/api/initiatives/{code}/comments", new { text = "Nog een" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        // Same address (the test server), another resident: their own allowance.
        var milan = await factory.AsAsync("resident-milan");
        Assert.Equal(HttpStatusCode.Created, (await milan.PostAsJsonAsync($"/api/initiatives/{code}/comments", new { text = "Ik mag nog" })).StatusCode);
        Assert.Equal(4, (await factory.Services.GetRequiredService<InitiativeStore>().FindAsync(code, CancellationToken.None))!.Comments);
    }
}
