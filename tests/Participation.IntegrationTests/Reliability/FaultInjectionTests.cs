using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.Initiatives.Lifecycle;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Reliability;

/// <summary>
/// Storage taken away under load, twice: Azurite stopped with SIGTERM (it saves its database, as real storage never loses
/// an acknowledged write) and restarted on the same data folder, then frozen with SIGSTOP for 10 s (requests hang, as in a
/// network partition) and let go with SIGCONT. Clients behave as a browser would: they retry 5xx and time-outs with the
/// same Idempotency-Key. Scaled for a shared 2-core machine: 48 submissions by 8 clients.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class FaultInjectionTests
{
    private const int Clients = 8;
    private const int PerClient = 6;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);

    private sealed record Submission(string Key, string Title, string Email);

    [Fact]
    public async Task Initiatives_submitted_while_storage_is_stopped_and_frozen_are_stored_once_routed_and_confirmed_within_a_minute_of_its_return()
    {
        await using var office = await BackOffice.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "5",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
            ["FunctionHost:MessageLease"] = "00:00:30",
        });
        var run = Guid.NewGuid().ToString("N")[..8];
        var submissions = Enumerable.Range(0, Clients * PerClient)
            .Select(i => new Submission(Guid.NewGuid().ToString("N"), $"Storing {run} {i}", $"fault-{run}-{i}@example.org"))
            .ToList();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var lastAcknowledged = DateTime.MinValue;

        var chaos = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await office.Storage.TerminateAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await office.Storage.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await office.Storage.FreezeAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            await office.Storage.ThawAsync();
            return DateTime.UtcNow;
        });
        var load = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = office.Factory.CreateClient();
            http.Timeout = Timeout.InfiniteTimeSpan;
            foreach (var submission in submissions.Skip(client * PerClient).Take(PerClient))
            {
                acknowledged[submission.Key] = await SubmitUntilAcceptedAsync(http, submission);
                lock (acknowledged) lastAcknowledged = DateTime.UtcNow;
                await Task.Delay(TimeSpan.FromMilliseconds(400));
            }
        })).ToList();

        var storageBack = await chaos;
        await Task.WhenAll(load);
        var deadline = (storageBack > lastAcknowledged ? storageBack : lastAcknowledged) + TimeSpan.FromSeconds(60);

        Assert.Equal(submissions.Count, acknowledged.Count);
        await Eventually.HoldsAsync(async () =>
        {
            var stored = new List<InitiativeCaseSummary>();
            await foreach (var c in office.Store.AllCasesAsync(CancellationToken.None))
            {
                if (c.Title.StartsWith($"Storing {run} ", StringComparison.Ordinal)) stored.Add(new(c.TrackingCode, c.Title, c.Status, c.DueDate));
            }

            return stored.Count == submissions.Count && stored.All(c => c.Status == InitiativeStatus.Routed && c.DueDate is not null);
        }, "every acknowledged initiative is stored once and routed with a due date", deadline - DateTime.UtcNow);
        await Eventually.HoldsAsync(() => Task.FromResult(submissions.All(s =>
            office.SendGrid.Accepted.Any(m => m.To == s.Email && m.Subject.Contains(acknowledged[s.Key])))),
            "every resident has the confirmation", deadline - DateTime.UtcNow + TimeSpan.FromSeconds(1));

        var cases = new List<InitiativeCaseSummary>();
        await foreach (var c in office.Store.AllCasesAsync(CancellationToken.None))
        {
            if (c.Title.StartsWith($"Storing {run} ", StringComparison.Ordinal)) cases.Add(new(c.TrackingCode, c.Title, c.Status, c.DueDate));
        }

        foreach (var submission in submissions)
        {
            // Every key maps to exactly one initiative: the one whose code the client was given.
            var stored = Assert.Single(cases, c => c.Title == submission.Title);
            Assert.Equal(acknowledged[submission.Key], stored.TrackingCode);
        }

        Assert.All(submissions, s => Assert.Single(office.SendGrid.Accepted, m => m.To == s.Email && m.Subject.Contains(acknowledged[s.Key])));
        await Eventually.HoldsAsync(async () => (await office.Anonymous.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, "healthy again", TimeSpan.FromSeconds(10));
    }

    private sealed record InitiativeCaseSummary(string TrackingCode, string Title, InitiativeStatus Status, DateTimeOffset? DueDate);

    private static async Task<string> SubmitUntilAcceptedAsync(HttpClient http, Submission submission)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/initiatives")
            {
                Content = JsonContent.Create(new { title = submission.Title, description = "Ingediend terwijl de opslag weg was.", neighbourhood = "oosterpark", theme = "groen", email = submission.Email }),
            };
            request.Headers.Add("Idempotency-Key", submission.Key);
            using var timeout = new CancellationTokenSource(ClientTimeout);
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
                }

                Assert.True((int)response.StatusCode >= 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException)
            {
                // A time-out or a broken connection: a browser tries again with the same key.
            }

            Assert.True(DateTime.UtcNow < giveUp, $"{submission.Title} was never accepted");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 4_000));
        }
    }
}

/// <summary>
/// The fault-injection run has the machine to itself: its deadlines ("within a minute of storage coming back") measure
/// the platform's recovery, not how many other test classes compete for two cores at the same moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultInjectionCollection
{
    public const string Name = "Fault injection";
}
