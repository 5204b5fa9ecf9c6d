using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Identity;

/// <summary>HSTS outside Development: a browser that once reached the site over HTTPS never falls back to plain HTTP.</summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task Https_responses_outside_development_carry_hsts_for_a_year()
    {
        await using var production = new PlatformFactory(
            await Azurite.SharedConnectionStringAsync(),
            new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false", ["Identity:Pepper"] = new string('p', 40) },
            environment: "Production");
        var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://participatie.gemeente.example/") });

        var response = await client.GetAsync("/api/health");

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Development_sends_no_hsts_so_a_developers_localhost_is_not_pinned_to_https()
    {
        await using var development = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        var client = development.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://participatie.gemeente.example/") });

        var response = await client.GetAsync("/api/health");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
