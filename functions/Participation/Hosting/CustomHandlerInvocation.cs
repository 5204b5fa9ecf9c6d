using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Participation.App.Hosting;

/// <summary>
/// <c>POST /{FunctionName}</c>: how the Azure Functions host invokes a queue or timer function of a custom handler.
/// The body is <c>{"Data": {binding: value}, "Metadata": {...}}</c>; the answer <c>{"Outputs", "Logs", "ReturnValue"}</c>.
/// A non-2xx answer fails the invocation, so the host retries and finally poisons the message.
/// </summary>
public static class CustomHandlerInvocation
{
    // The host reads these names exactly as written here, whatever the app's JSON naming policy.
    public sealed record Response(
        [property: JsonPropertyName("Outputs")] Dictionary<string, List<JsonElement>> Outputs,
        [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
        [property: JsonPropertyName("ReturnValue")] object? ReturnValue);

    public static async Task<Results<Ok<Response>, NotFound, ProblemHttpResult>> HandleAsync(
        string functionName, JsonElement invocation, HttpContext context, FunctionInvoker invoker, CancellationToken cancellationToken)
    {
        // Only the Functions host, on this machine, invokes functions; from outside this endpoint does not exist.
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            return TypedResults.NotFound();
        }

        var function = invoker.Find(functionName);
        if (function is null)
        {
            return TypedResults.NotFound();
        }

        if (!TryGetProperty(invocation, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return TypedResults.Problem("The invocation has no Data object.", statusCode: StatusCodes.Status400BadRequest);
        }

        TryGetProperty(invocation, "Metadata", out var metadata);
        FunctionOutputs outputs;
        try
        {
            outputs = function.Trigger switch
            {
                QueueTrigger => await invoker.InvokeQueueAsync(function, QueueEnvelope.Parse(Binding(data, FunctionCatalogue.TriggerBinding)), ReadQueueMetadata(metadata), cancellationToken),
                TimerTrigger => await invoker.InvokeTimerAsync(function, ReadTimer(Binding(data, FunctionCatalogue.TimerBinding)), cancellationToken),
                _ => throw new InvalidOperationException("Only queue and timer functions are invoked this way."),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(
                title: "The function failed.",
                detail: $"{function.Trigger.Name} failed with {exception.GetType().Name}; the host will retry.",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        return TypedResults.Ok(new Response(outputs.Collected.ToDictionary(p => p.Key, p => p.Value), [], null));
    }

    private static bool TryGetProperty(JsonElement parent, string name, out JsonElement value)
    {
        value = default;
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static JsonElement Binding(JsonElement data, string name) =>
        TryGetProperty(data, name, out var value) ? value
        : data.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind != JsonValueKind.Undefined) is { ValueKind: not JsonValueKind.Undefined } first ? first
        : throw new JsonException($"The invocation carries no '{name}' binding.");

    internal static QueueMetadata ReadQueueMetadata(JsonElement metadata) => new(
        Id: Text(metadata, "Id") ?? "",
        DequeueCount: long.TryParse(Text(metadata, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
        InsertionTime: Time(metadata, "InsertionTime"),
        NextVisibleTime: Time(metadata, "NextVisibleTime"),
        PopReceipt: Text(metadata, "PopReceipt"));

    private static TimerInfo ReadTimer(JsonElement timer)
    {
        var isPastDue = TryGetProperty(timer, "IsPastDue", out var due) && due.ValueKind == JsonValueKind.True;
        var scheduled = TryGetProperty(timer, "ScheduleStatus", out var status) ? Time(status, "Next") : null;
        return new TimerInfo(scheduled ?? DateTimeOffset.UtcNow, isPastDue);
    }

    // The host writes metadata values as JSON values, sometimes as JSON text inside a string ("\"abc\""): accept both.
    private static string? Text(JsonElement parent, string name)
    {
        if (!TryGetProperty(parent, name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        if (text is { Length: >= 2 } && text[0] == '"' && text[^1] == '"')
        {
            text = JsonNode.Parse(text)?.GetValue<string>();
        }

        return text;
    }

    private static DateTimeOffset? Time(JsonElement parent, string name) =>
        DateTimeOffset.TryParse(Text(parent, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
