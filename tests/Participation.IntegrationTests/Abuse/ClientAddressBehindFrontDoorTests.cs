using System.Net;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Abuse;

/// <summary>
/// Behind Azure Front Door every request's last X-Forwarded-For entry is one of Front Door's own addresses. With
/// <c>Identity:ClientAddressHeader</c> set as the infrastructure sets it there, the app keys its per-address limits on
/// the client address Front Door reports, so one client's limit does not fall on everyone behind the same edge.
/// </summary>
public sealed class ClientAddressBehindFrontDoorTests : IAsyncLifetime
{
    private const int HealthCeiling = 3;
    private const string FrontDoorBackend = "147.243.0.10";
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["Identity:ClientAddressHeader"] = "X-Azure-SocketIP",
            ["RateLimits:health:AddressPermitLimit"] = $"{HealthCeiling}",
            ["FunctionHost:RunTriggers"] = "false",
        });
        factory.UseKestrel(0);
        factory.StartServer();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Two_clients_through_the_same_front_door_address_have_their_own_limits()
    {
        var first = Through("198.51.100.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= HealthCeiling; i++)
        {
            statuses.Add((await first.GetAsync("/api/health")).StatusCode);
        }

        Assert.All(statuses.Take(HealthCeiling), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Through("198.51.100.8").GetAsync("/api/health")).StatusCode);
    }

    /// <summary>A client as Front Door forwards it: its own address in X-Azure-SocketIP, Front Door's last in X-Forwarded-For.</summary>
    private HttpClient Through(string clientAddress)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"{clientAddress}, {FrontDoorBackend}");
        client.DefaultRequestHeaders.Add("X-Azure-SocketIP", clientAddress);
        return client;
    }
}
