using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Participation.Testing;

/// <summary>A stand-in for an outside API on a free loopback port, so the real client library talks to it over HTTP.</summary>
public abstract class LoopbackStub : IAsyncDisposable
{
    private WebApplication? app;

    public string Url { get; private set; } = "";

    protected abstract void Map(WebApplication app);

    protected static async Task<T> StartAsync<T>(T stub) where T : LoopbackStub
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        stub.app = builder.Build();
        stub.Map(stub.app);
        await stub.app.StartAsync();
        stub.Url = stub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
