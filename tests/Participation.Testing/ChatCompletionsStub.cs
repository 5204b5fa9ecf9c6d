using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Participation.Testing;

/// <summary>A loopback stand-in for Azure OpenAI's chat completions API (any deployment), answering what the test tells it to.</summary>
public sealed class ChatCompletionsStub : LoopbackStub
{
    public ConcurrentQueue<JsonDocument> Requests { get; } = new();
    /// <summary>The assistant's content for the next answers; null makes the stub answer 500.</summary>
    public string? Answer { get; set; }

    public static Task<ChatCompletionsStub> StartAsync() => StartAsync(new ChatCompletionsStub());

    protected override void Map(WebApplication app) => app.MapPost("/openai/deployments/{deployment}/chat/completions", async (HttpRequest request) =>
    {
        Requests.Enqueue(await JsonDocument.ParseAsync(request.Body));
        if (Answer is null)
        {
            return Results.StatusCode(500);
        }

        return Results.Json(new
        {
            id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model = "gpt-test",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Answer }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
    });
}
