using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Participation.IntegrationTests.Infrastructure;

/// <summary>A loopback stand-in for Azure OpenAI's v1 chat completions API, answering what the test tells it to.</summary>
public sealed class ChatCompletionsStub : IAsyncDisposable
{
    private readonly WebApplication app;

    public ConcurrentQueue<JsonDocument> Requests { get; } = new();
    /// <summary>The assistant's content for the next answers; null makes the stub answer 500.</summary>
    public string? Answer { get; set; }
    public string Url { get; }

    private ChatCompletionsStub(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public static async Task<ChatCompletionsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        ChatCompletionsStub? stub = null;
        app.MapPost("/openai/v1/chat/completions", async (HttpRequest request) =>
        {
            stub!.Requests.Enqueue(await JsonDocument.ParseAsync(request.Body));
            if (stub.Answer is null)
            {
                return Results.StatusCode(500);
            }

            return Results.Json(new
            {
                id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model = "gpt-test",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = stub.Answer }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            });
        });
        await app.StartAsync();
        stub = new ChatCompletionsStub(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return stub;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
