using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Initiatives.Lifecycle;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Reliability;

/// <summary>
/// Storage taken away under load, twice: Azurite stopped with SIGTERM (it saves its database, as real storage never loses
/// an acknowledged write) and restarted on the same data folder, then frozen with SIGSTOP for 10 s (requests hang, as in a
/// network partition) and let go with SIGCONT. Clients behave as a browser would: they retry 5xx and time-outs with the
/// same Idempotency-Key. Meanwhile 32 voting clients cast the ballots of 400 voters (2,000 on request), a fifth of whom change their mind once
/// or twice; they retry 5xx and time-outs with the same code and the same choice. Initiatives are scaled for a shared
/// 2-core machine: 48 submissions by 8 clients.
/// </summary>
/// <remarks>
/// The number of voters is <c>FAULT_INJECTION_VOTERS</c>: 400 by default, so that <c>./test.sh</c> stays well within its
/// time on a shared 2-core machine; <c>FAULT_INJECTION_VOTERS=2000</c> is the size the issue asks for (README, "When
/// storage or a queue fails"). With 2,000 voters the emulator's database grows and its save on SIGTERM and reload can take
/// minutes on a loaded machine. Deadlines count from the moment storage is back <em>and</em> the load has ended: they
/// measure recovery, not how long 2 cores take to serve the load.
/// </remarks>
[Collection(FaultInjectionCollection.Name)]
public sealed class FaultInjectionTests
{
    private const int Clients = 8;
    private const int PerClient = 6;

    private const int VotingClients = 32;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);
    private static readonly int Voters = int.TryParse(Environment.GetEnvironmentVariable("FAULT_INJECTION_VOTERS"), out var voters) && voters > 0 ? voters : 400;

    private sealed record Submission(string Key, string Title, string Email);

    /// <summary>One voter's code and the choices they send one after another (the last one is what must be counted).</summary>
    private sealed record Voter(string Code, IReadOnlyList<string[]> Choices);

    [Fact]
    public async Task Ballots_and_initiatives_sent_while_storage_is_stopped_and_frozen_are_counted_once_and_routed_within_a_minute_of_its_return()
    {
        await using var office = await BackOffice.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "5",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
            ["FunctionHost:MessageLease"] = "00:00:30",
            // One address casts every ballot here; the real per-address ceiling (2,000 in 10 minutes) would stop the full size.
            ["RateLimits:voting-codes:AddressPermitLimit"] = "1000000",
        });
        var (budgetId, voters) = await PrepareVoteAsync(office);
        var receipts = new ConcurrentDictionary<string, string>();
        var lastVoteAcknowledged = DateTime.MinValue;
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

        var pending = new ConcurrentQueue<Voter>(voters);
        var started = DateTime.UtcNow;
        load.AddRange(Enumerable.Range(0, VotingClients).Select(_ => Task.Run(async () =>
        {
            using var http = office.Factory.CreateClient();
            http.Timeout = Timeout.InfiniteTimeSpan;
            while (pending.TryDequeue(out var voter))
            {
                foreach (var choice in voter.Choices)
                {
                    receipts[voter.Code] = await VoteUntilAcceptedAsync(http, budgetId, voter.Code, choice);
                }

                lock (receipts) lastVoteAcknowledged = DateTime.UtcNow;
            }
        })));

        var storageBack = await chaos;
        await Task.WhenAll(load);
        var loadEnded = new[] { storageBack, lastAcknowledged, lastVoteAcknowledged }.Max();
        Console.WriteLine($"Fault injection: {voters.Count} voters, {voters.Sum(v => v.Choices.Count)} ballots and {submissions.Count} initiatives acknowledged in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        var deadline = loadEnded + TimeSpan.FromSeconds(60);

        // Every acknowledged ballot's receipt is counted: the voter's last choice, stored once.
        Assert.Equal(voters.Count, receipts.Count);
        var box = office.Factory.Services.GetRequiredService<BallotBox>();
        var notCounted = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(voters, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (voter, ct) =>
        {
            var status = await box.CheckReceiptAsync(budgetId, receipts[voter.Code], ct);
            if (status is not { Counted: true }) notCounted.Add(voter.Code);
        });
        Assert.True(notCounted.IsEmpty, $"{notCounted.Count} of {voters.Count} voters' last acknowledged ballots are not the ones counted");
        var ballots = await box.ReadAllAsync(budgetId, CancellationToken.None);
        Assert.Equal(voters.Count, ballots.Count);
        var expected = voters.GroupBy(v => string.Join(',', v.Choices[^1].Order(StringComparer.Ordinal))).ToDictionary(g => g.Key, g => g.Count());
        var counted = ballots.GroupBy(b => string.Join(',', b.Ballot.Projects.Order(StringComparer.Ordinal))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), counted.OrderBy(e => e.Key));

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

    /// <summary>An approval budget of three projects in voting, and its voters: a fifth send two or three different choices.</summary>
    private static async Task<(string BudgetId, IReadOnlyList<Voter> Voters)> PrepareVoteAsync(BackOffice office)
    {
        var admin = await office.Factory.AsAsync("admin-ingrid");
        var id = "fault-" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await admin.PostAsJsonAsync("/api/budgets", new { id, title = "Buurtbudget storing", neighbourhood = "oosterpark", amount = 10_000, eligibility = "codes", eligibleVoters = Voters }));
        var projects = new List<string>();
        foreach (var cost in new[] { 4_000, 5_000, 3_000 })
        {
            projects.Add((await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = $"Plan {cost}", description = "Een plan.", cost })))
                .GetProperty("projectId").GetString()!);
        }

        await OkAsync(await admin.PutAsJsonAsync($"/api/budgets/{id}/rules", new { voteType = "approval", minProjects = 1, maxProjects = 2, outcomeRule = "greedy" }));
        // Codes are made before voting opens (issue #12), then voting opens.
        var codes = new List<string>();
        while (codes.Count < Voters)
        {
            var response = await admin.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count = Math.Min(1_000, Voters - codes.Count) });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            codes.AddRange((await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')[2]));
        }

        await OkAsync(await admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));

        string[][] choices = [[projects[0]], [projects[1]], [projects[2]], [projects[0], projects[1]], [projects[0], projects[2]], [projects[1], projects[2]]];
        var random = new Random(13);
        var voters = codes.Select((code, i) =>
        {
            // Every fifth voter changes their mind once or twice, each time to a choice different from the one before.
            var count = i % 5 == 0 ? 2 + random.Next(2) : 1;
            var sequence = new List<string[]> { choices[random.Next(choices.Length)] };
            while (sequence.Count < count)
            {
                var next = choices[random.Next(choices.Length)];
                if (next != sequence[^1]) sequence.Add(next);
            }

            return new Voter(code, sequence);
        }).ToList();
        return (id, voters);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Casts one ballot as a browser would: a 5xx, a time-out or a broken connection is tried again, same code, same choice.</summary>
    private static async Task<string> VoteUntilAcceptedAsync(HttpClient http, string budgetId, string code, string[] projects)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(ClientTimeout);
            try
            {
                using var response = await http.PostAsJsonAsync($"/api/budgets/{budgetId}/ballots", new { code, projects }, timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
                }

                Assert.True((int)response.StatusCode >= 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException)
            {
            }

            // No deadline on the clock: on a loaded machine a ballot may wait long, but storage is back within seconds,
            // so a ballot that still fails after this many tries (several minutes) is one the platform cannot take.
            Assert.True(attempt < 60, $"a ballot with code {code[..4]}… was never accepted");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 4_000));
        }
    }

    private sealed record InitiativeCaseSummary(string TrackingCode, string Title, InitiativeStatus Status, DateTimeOffset? DueDate);

    private static async Task<string> SubmitUntilAcceptedAsync(HttpClient http, Submission submission)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
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

            Assert.True(attempt < 60, $"{submission.Title} was never accepted");
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
