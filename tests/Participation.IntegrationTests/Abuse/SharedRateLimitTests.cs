using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Abuse;

/// <summary>
/// Two instances of the app on one storage account, as on Flex Consumption: a client that spreads its submissions over
/// both still gets the limit once. Each instance alone has seen fewer than the limit, so only the shared counter can stop it.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private Azurite storage = null!;

    public async Task InitializeAsync() => storage = await Azurite.StartPrivateAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Submissions_spread_over_two_instances_are_stopped_at_the_limit_of_one()
    {
        await using var first = Instance(shared: true);
        await using var second = Instance(shared: true);

        var answers = await SubmitAlternatelyAsync(first, second, Limit + 1);

        Assert.All(answers.Take(Limit), status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[Limit]);
    }

    [Fact]
    public async Task Without_shared_counters_each_instance_counts_alone_and_lets_the_extra_submission_through()
    {
        await using var first = Instance(shared: false);
        await using var second = Instance(shared: false);

        var answers = await SubmitAlternatelyAsync(first, second, Limit + 1);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Accepted, status));
    }

    [Fact]
    public async Task The_shared_answer_is_a_429_problem_with_retry_after_and_the_dutch_text()
    {
        await using var first = Instance(shared: true);
        await using var second = Instance(shared: true);
        await SubmitAlternatelyAsync(first, second, Limit);

        var response = await first.CreateClient().PostAsJsonAsync("/api/initiatives", Initiative(Limit));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names the seconds to wait");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.StartsWith("Wacht", problem.GetProperty("dutch").GetString());
    }

    private PlatformFactory Instance(bool shared) => new(storage.ConnectionString, new Dictionary<string, string?>
    {
        ["RateLimits:SharedCounters"] = shared ? "true" : "false",
        ["RateLimits:submissions:PermitLimit"] = Limit.ToString(),
        ["FunctionHost:RunTriggers"] = "false",
        ["Demo:Seed"] = "false",
    });

    private static async Task<List<HttpStatusCode>> SubmitAlternatelyAsync(PlatformFactory first, PlatformFactory second, int count)
    {
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            answers.Add((await clients[i % 2].PostAsJsonAsync("/api/initiatives", Initiative(i))).StatusCode);
        }

        return answers;
    }

    private static object Initiative(int number) =>
        new { title = $"Bankje {number} bij de speeltuin", description = "Een bankje voor ouders.", neighbourhood = "oosterpark" };
}
