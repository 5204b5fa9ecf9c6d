using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Identity;

public sealed class AbuseAndHeadersTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            ["RateLimits:submissions:PermitLimit"] = "2",
            ["RateLimits:submissions:Window"] = "00:10:00",
        });
        var client = factory.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Too_many_submissions_get_429_problem_with_retry_after_and_store_nothing()
    {
        var client = factory.CreateClient();
        var body = new { title = "Te vaak", description = "d", neighbourhood = "oosterpark" };
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/initiatives", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/initiatives", body)).StatusCode);

        var refused = await client.PostAsJsonAsync("/api/initiatives", body with { });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says how long to wait");
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_cors()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/neighbourhoods");
        request.Headers.Add("Origin", "https://evil.example.org");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Pages_run_only_our_own_script_files_and_the_api_reference_its_one_inline_script_by_a_fresh_nonce()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/");
        var first = await client.GetAsync("/scalar");
        var second = await client.GetAsync("/scalar");

        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
        var nonces = new List<string>();
        foreach (var reference in new[] { first, second })
        {
            var policy = reference.Headers.GetValues("Content-Security-Policy").Single();
            var nonce = System.Text.RegularExpressions.Regex.Match(policy, "script-src 'self' 'nonce-([^']+)';").Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"nonce=\"{nonce}\"", await reference.Content.ReadAsStringAsync());
            Assert.DoesNotContain("unsafe-inline", policy.Split("script-src")[1].Split(';')[0]);
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_given_one_is_kept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/themes");
        request.Headers.Add("X-Correlation-Id", "test-correlation-42");

        var response = await factory.CreateClient().SendAsync(request);
        var generated = await factory.CreateClient().GetAsync("/api/themes");

        Assert.Equal("test-correlation-42", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", generated.Headers.GetValues("X-Correlation-Id").Single());
        _ = await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
