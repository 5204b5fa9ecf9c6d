using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Hosting;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Hosting;

/// <summary>Invocations posted exactly as the Azure Functions host posts them to a custom handler.</summary>
public sealed class CustomHandlerProtocolTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(
            await Azurite.SharedConnectionStringAsync(),
            new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" },
            services => services.AddQueueFunction<ProbeFunction, ProbeMessage>().AddQueueFunction<FailingFunction, ProbeMessage>());
        client = factory.CreateClient();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Double_encoded_string_message_reaches_the_handler_with_the_hosts_metadata()
    {
        var text = "double-" + Guid.NewGuid();
        var envelope = QueueEnvelope.Wrap(new ProbeMessage(text));
        // The host hands a string queue message over JSON-encoded once more: a JSON string holding a JSON string.
        var doubleEncoded = JsonSerializer.Serialize(JsonSerializer.Serialize(envelope.GetRawText()));
        var body = $$"""
            {
              "Data": { "message": {{doubleEncoded}} },
              "Metadata": {
                "DequeueCount": 3,
                "Id": "\"7a1b4f6e-0000-4000-8000-000000000001\"",
                "InsertionTime": "2026-11-23T10:00:00+00:00",
                "NextVisibleTime": "2026-11-23T10:10:00+00:00",
                "PopReceipt": "AgAAAAMAAAAAAAAA",
                "sys": { "MethodName": "Probe", "UtcNow": "2026-11-23T10:00:01Z" }
              }
            }
            """;

        var response = await client.PostAsync("/Probe", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("Logs").ValueKind);
        Assert.True(answer.TryGetProperty("ReturnValue", out _));
        var (message, metadata) = Assert.Single(ProbeFunction.Received, r => r.Message.Text == text);
        Assert.Equal(3, metadata.DequeueCount);
        Assert.Equal("7a1b4f6e-0000-4000-8000-000000000001", metadata.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), metadata.InsertionTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 10, 0, TimeSpan.Zero), metadata.NextVisibleTime);
        Assert.Equal("AgAAAAMAAAAAAAAA", metadata.PopReceipt);
        Assert.False(message.Echo);
    }

    [Fact]
    public async Task Outputs_carry_emitted_messages_as_json_objects_under_their_binding()
    {
        var text = "echo-" + Guid.NewGuid();
        var response = await client.PostAsJsonAsync("/Probe", new
        {
            Data = new { message = QueueEnvelope.Wrap(new ProbeMessage(text, Echo: true)) },
            Metadata = new { DequeueCount = 1, Id = "m1" },
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var emitted = Assert.Single(answer.GetProperty("Outputs").GetProperty("echo").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, emitted.ValueKind);
        Assert.Equal("echo:" + text, QueueEnvelope.Parse(emitted).Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failing_handler_answers_non_2xx_so_the_host_retries()
    {
        var text = "fail-" + Guid.NewGuid();
        var response = await client.PostAsJsonAsync("/AlwaysFails", new
        {
            Data = new { message = QueueEnvelope.Wrap(new ProbeMessage(text)).GetRawText() },
            Metadata = new { DequeueCount = 1, Id = "m2" },
        });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, FailingFunction.Attempts[text]);
    }

    [Fact]
    public async Task An_unknown_function_is_not_found_and_a_malformed_invocation_is_a_bad_request()
    {
        var unknown = await client.PostAsJsonAsync("/NoSuchFunction", new { Data = new { message = "{}" } });
        var malformed = await client.PostAsync("/Probe", new StringContent("{\"Data\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Readiness_probe_answers_on_the_root()
    {
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
