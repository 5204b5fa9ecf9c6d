using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Participation.App.Storage;

/// <summary>
/// The JSON every platform queue message is: the message itself plus the correlation id and W3C trace parent of
/// the request that caused it, so logs and traces follow a resident's request through every queue hop.
/// </summary>
public sealed record QueueEnvelope(
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("traceParent")] string? TraceParent,
    [property: JsonPropertyName("body")] JsonElement Body)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static JsonElement Wrap<T>(T message)
    {
        var envelope = new QueueEnvelope(
            Correlation.Current ?? Correlation.NewId(),
            Activity.Current?.Id,
            JsonSerializer.SerializeToElement(message, Json));
        return JsonSerializer.SerializeToElement(envelope, Json);
    }

    /// <summary>
    /// Reads a delivered message. The Functions host may hand a string message over JSON-encoded once more
    /// (a JSON string whose content is the JSON object), so string layers are peeled off first.
    /// </summary>
    public static QueueEnvelope Parse(JsonElement delivered)
    {
        var element = delivered;
        for (var depth = 0; element.ValueKind == JsonValueKind.String && depth < 3; depth++)
        {
            element = JsonDocument.Parse(element.GetString()!).RootElement.Clone();
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A queue message must be a JSON object, not {element.ValueKind}.");
        }

        if (element.TryGetProperty("body", out var body) && element.TryGetProperty("correlationId", out var correlationId))
        {
            var traceParent = element.TryGetProperty("traceParent", out var tp) && tp.ValueKind == JsonValueKind.String ? tp.GetString() : null;
            return new QueueEnvelope(correlationId.GetString() ?? Correlation.NewId(), traceParent, body.Clone());
        }

        // A message written by someone else (an operator, another system): take it whole as the body.
        return new QueueEnvelope(Correlation.NewId(), null, element.Clone());
    }

    public static QueueEnvelope Parse(string text) => Parse(JsonDocument.Parse(text).RootElement);
}
