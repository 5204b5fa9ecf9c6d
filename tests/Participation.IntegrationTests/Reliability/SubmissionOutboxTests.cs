using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.App.Privacy;

namespace Participation.IntegrationTests.Reliability;

public sealed class FailingQueuesFixture : IAsyncLifetime
{
    public BackOffice Office { get; private set; } = null!;
    public FailingQueues Queues { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        FailingQueues? queues = null;
        Office = await BackOffice.StartAsync(services: s => s.AddSingleton<QueueServiceClient>(provider =>
            queues = new FailingQueues(provider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["AzureWebJobsStorage"]!)));
        Queues = (FailingQueues)Office.Factory.Services.GetRequiredService<QueueServiceClient>();
    }

    public async Task DisposeAsync() => await Office.DisposeAsync();
}

/// <summary>
/// A change and its side effects are stored together; when the queue fails after the table write, the outbox (dispatched
/// by a replay, the queue function or the sweep) completes them. Real Azurite; only the sending of queue messages is made to fail.
/// </summary>
public sealed class SubmissionOutboxTests(FailingQueuesFixture fixture) : IClassFixture<FailingQueuesFixture>
{
    private readonly BackOffice office = fixture.Office;
    private readonly FailingQueues queues = fixture.Queues;

    private static object Initiative(string title, string email) =>
        new { title, description = "Een bankje bij de speeltuin.", neighbourhood = "oosterpark", theme = "groen", email };

    private async Task<HttpResponseMessage> SubmitAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/initiatives") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    }

    [Fact]
    public async Task When_the_queue_fails_after_the_case_is_stored_the_sweep_routes_it_and_sends_its_emails_once_the_queue_is_back()
    {
        var email = $"sweep-{Guid.NewGuid():N}@example.org";
        queues.Failing = true;
        string code;
        try
        {
            var refusedBefore = queues.Refused;
            code = await CodeOf(await SubmitAsync(office.Anonymous, Initiative("Bankje bij de speeltuin", email), Guid.NewGuid().ToString("N")));
            Assert.True(queues.Refused > refusedBefore, "the routing message could not be sent");
            Assert.Equal("submitted", (await office.TrackAsync(code)).GetProperty("status").GetString());
        }
        finally
        {
            queues.Failing = false;
        }

        var back = DateTime.UtcNow;
        await WaitAsync(async () => (await office.Store.FindAsync(code, CancellationToken.None)) is { Status: not Participation.Initiatives.Lifecycle.InitiativeStatus.Submitted, DueDate: not null },
            "the case is routed with a due date", TimeSpan.FromSeconds(60));
        await WaitAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Subject.Contains(code))), "the resident has the confirmation", TimeSpan.FromSeconds(60));
        Assert.True(DateTime.UtcNow - back < TimeSpan.FromSeconds(60), "completed within a minute of the queue coming back");
        await WaitAsync(async () => await office.Store.FindListingAsync((await office.Store.FindAsync(code, CancellationToken.None))!, CancellationToken.None)
            is { Status: Participation.Initiatives.Lifecycle.InitiativeStatus.Routed, DueDate: not null }, "the inbox index shows it routed with its due date", TimeSpan.FromSeconds(10));
        Assert.Single(office.SendGrid.Accepted, m => m.To == email && m.Subject.Contains(code));
    }

    [Fact]
    public async Task A_replay_with_the_same_key_completes_what_the_first_attempt_left_undone()
    {
        var email = $"replay-{Guid.NewGuid():N}@example.org";
        var key = Guid.NewGuid().ToString("N");
        var body = Initiative("Fietsenrek bij het station", email);
        queues.Failing = true;
        string first;
        try
        {
            first = await CodeOf(await SubmitAsync(office.Anonymous, body, key));
        }
        finally
        {
            queues.Failing = false;
        }

        var replayed = DateTime.UtcNow;
        var second = await CodeOf(await SubmitAsync(office.Anonymous, body, key));

        Assert.Equal(first, second);
        // Sooner than the sweep, which leaves rows younger than 10 s to their own request and runs every 20 s.
        await WaitAsync(async () => (await office.TrackAsync(first)).GetProperty("status").GetString() == "routed", "the replay queued the routing", TimeSpan.FromSeconds(9));
        await WaitAsync(() => Task.FromResult(office.SendGrid.Accepted.Any(m => m.To == email && m.Subject.Contains(first))), "the resident has the confirmation", TimeSpan.FromSeconds(15));
        Assert.True(DateTime.UtcNow - replayed < TimeSpan.FromSeconds(15));
        Assert.Equal(email, (await office.Factory.Services.GetRequiredService<ContactStore>().FindAsync(first, CancellationToken.None))!.Email);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_with_422_and_creates_nothing()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await CodeOf(await SubmitAsync(office.Anonymous, Initiative("Picknicktafel", "a@example.org"), key));

        var response = await SubmitAsync(office.Anonymous, Initiative("Iets heel anders", "a@example.org"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SubmitInitiative.KeyReusedCode, problem.GetProperty("code").GetString());
        Assert.DoesNotContain(first, await response.Content.ReadAsStringAsync());
        var all = await office.Store.ListAllAsync(null, CancellationToken.None);
        Assert.DoesNotContain(all, i => i.Title == "Iets heel anders");
    }

    [Fact]
    public async Task A_stranger_reusing_a_residents_key_never_gets_that_residents_tracking_code()
    {
        var key = Guid.NewGuid().ToString("N");
        var body = Initiative("Geveltuintjes", "sanne@example.org");
        var sanne = await office.Factory.AsAsync("resident-sanne");
        var milan = await office.Factory.AsAsync("resident-milan");
        var sannes = await CodeOf(await SubmitAsync(sanne, body, key));

        var milans = await CodeOf(await SubmitAsync(milan, body, key));
        var anonymous = await SubmitAsync(office.Anonymous, Initiative("Geveltuintjes", "someone@example.org"), key);

        Assert.NotEqual(sannes, milans);
        Assert.DoesNotContain(sannes, await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(sannes, await CodeOf(await SubmitAsync(sanne, body, key)));
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        await Eventually.HoldsAsync(condition, what, timeout);
        return true;
    }
}
