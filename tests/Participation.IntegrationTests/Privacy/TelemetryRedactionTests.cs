using System.Collections.Concurrent;
using System.Diagnostics;
using Participation.App.Hosting;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Privacy;

/// <summary>Privacy links, ballot receipts and Direct Line conversation ids are keys: traces keep the route, never the key.</summary>
public sealed class TelemetryRedactionTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private ActivityListener listener = null!;
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            ["RateLimits:submissions:PermitLimit"] = "1000",
        });
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        listener.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Secrets_in_request_paths_and_queries_do_not_reach_the_trace()
    {
        var privacyToken = "0123456789abcdef0123456789abcdef0123456789abcdef";
        string[] paths =
        [
            $"/privacy/{privacyToken}",
            $"/api/privacy/requests/{privacyToken}",
            "/api/budgets/oosterpark-2026/receipts/RCPT-SECRET-42",
            "/initiatieven/K7QXM2PD9RC/steun?token=feedfacefeedfacefeedfacefeedfacefeedface",
        ];
        var client = factory.CreateClient();
        foreach (var path in paths)
        {
            _ = await client.GetAsync(path);
        }

        // A request's activity stops just after its response is sent: wait for the last one.
        string[] expected = ["/privacy/{redacted}", "/api/privacy/requests/{redacted}", "/api/budgets/oosterpark-2026/receipts/{redacted}", "/initiatieven/K7QXM2PD9RC/steun"];
        await Eventually.HoldsAsync(() => Task.FromResult(expected.All(path => stopped.Any(a => a.GetTagItem("url.path") as string == path))),
            "every request is traced with its key replaced", TimeSpan.FromSeconds(10));
        var traced = stopped.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName)).ToList();

        Assert.Contains(traced, t => t == $"url.path=/privacy/{TracedPaths.Redacted}");
        Assert.Contains(traced, t => t == "url.query=" + TracedPaths.RedactedQuery);
        Assert.DoesNotContain(traced, t => t.Contains(privacyToken, StringComparison.Ordinal));
        Assert.DoesNotContain(traced, t => t.Contains("RCPT-SECRET-42", StringComparison.Ordinal));
        Assert.DoesNotContain(traced, t => t.Contains("feedface", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/initiatives/K7QXM2PD9RC", "/api/initiatives/K7QXM2PD9RC")]
    [InlineData("/api/budgets/noorderkwartier-2026/results", "/api/budgets/noorderkwartier-2026/results")]
    [InlineData("/initiatieven/K7QXM2PD9RC/steun/0123456789abcdef0123456789abcdef01234567", "/initiatieven/K7QXM2PD9RC/steun/{redacted}")]
    [InlineData("/v3/directline/conversations/dl0123456789abcdef0123456789abcdef/activities", "/v3/directline/conversations/{redacted}/activities")]
    [InlineData("/api/budgets/oosterpark-2026/receipts/ABCD-EFGH", "/api/budgets/oosterpark-2026/receipts/{redacted}")]
    [InlineData("/api/privacy/requests", "/api/privacy/requests")]
    [InlineData("/privacy", "/privacy")]
    [InlineData("/privacy/abc", "/privacy/{redacted}")]
    public void Paths_keep_their_shape_and_lose_their_keys(string path, string expected) => Assert.Equal(expected, TracedPaths.Redact(path));
}
