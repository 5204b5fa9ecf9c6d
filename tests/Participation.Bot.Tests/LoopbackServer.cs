using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Participation.Bot.Tests;

/// <summary>A Kestrel server on a free loopback port, standing in for a service the bot calls (Bot Connector, Azure OpenAI).</summary>
internal static class LoopbackServer
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        map(server);
        await server.StartAsync();
        return server;
    }
}
