namespace Participation.App.Storage;

/// <summary>host.json → extensions.queues, with the Functions host's defaults.</summary>
public sealed class QueuesOptions
{
    // host.json's extensions.queues, as the Functions host and AddHostJson put it in configuration.
    public const string Section = "AzureFunctionsJobHost:extensions:queues";

    public int BatchSize { get; set; } = 16;
    /// <summary>When fewer messages than this are in flight, the next batch is fetched; the host's default is half the batch size.</summary>
    public int? NewBatchThreshold { get; set; }
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a failed message stays invisible before it is tried again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;
    public int MaxDequeueCount { get; set; } = 5;
    /// <summary><c>base64</c> (the host's default) or <c>none</c>.</summary>
    public string MessageEncoding { get; set; } = "base64";

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? Math.Max(1, BatchSize / 2);
}
