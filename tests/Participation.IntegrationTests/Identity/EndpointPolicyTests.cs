using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Identity;

public sealed class EndpointPolicyTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        _ = factory.Server;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void Every_endpoint_declares_a_policy_or_is_explicitly_public()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();

        Assert.True(endpoints.Count > 5, "the app's endpoints were found");
        Assert.Empty(undeclared);
    }
}
