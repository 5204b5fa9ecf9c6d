using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Participation.App.Storage;

/// <summary>
/// The correlation id of the current request or message, carried as OpenTelemetry baggage so it flows with
/// the trace into every log scope and, through <see cref="QueueEnvelope"/>, into queue messages.
/// </summary>
public static partial class Correlation
{
    public const string HeaderName = "X-Correlation-Id";
    private const string BaggageKey = "correlation.id";

    public static string? Current => Activity.Current?.GetBaggageItem(BaggageKey);

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Only short ids of safe characters are taken from outside; anything else is replaced, never logged as is.</summary>
    public static string Accept(string? candidate) =>
        candidate is not null && SafeId().IsMatch(candidate) ? candidate : NewId();

    public static void Set(Activity? activity, string correlationId) => activity?.SetBaggage(BaggageKey, correlationId).SetTag(BaggageKey, correlationId);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeId();
}
