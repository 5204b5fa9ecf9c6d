namespace Participation.App.Hosting;

internal static partial class FunctionHostLog
{
    [LoggerMessage(LogLevel.Debug, "Function {FunctionName} succeeded in {ElapsedMs} ms")]
    public static partial void FunctionSucceeded(this ILogger logger, string functionName, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "Function {FunctionName} failed")]
    public static partial void FunctionFailed(this ILogger logger, Exception exception, string functionName);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} of queue {Queue} failed {DequeueCount} times and was moved to {PoisonQueue}")]
    public static partial void MovedToPoison(this ILogger logger, string messageId, string queue, long dequeueCount, string poisonQueue);

    [LoggerMessage(LogLevel.Warning, "Queue {Queue} could not be polled; retrying in {DelayMs} ms")]
    public static partial void PollFailed(this ILogger logger, Exception exception, string queue, double delayMs);

    [LoggerMessage(LogLevel.Information, "Listening to queue {Queue} for {FunctionName}")]
    public static partial void Listening(this ILogger logger, string queue, string functionName);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} of queue {Queue} was released at shutdown and will be delivered again")]
    public static partial void ReleasedAtShutdown(this ILogger logger, string messageId, string queue);

    [LoggerMessage(LogLevel.Warning, "Timer function {FunctionName} failed; next run at {NextRun}")]
    public static partial void TimerFailed(this ILogger logger, Exception exception, string functionName, DateTimeOffset nextRun);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} of queue {Queue}: its retry or poison verdict could not be recorded; it becomes visible again when its lease ends")]
    public static partial void VerdictNotRecorded(this ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(LogLevel.Debug, "Lease of message {MessageId} of queue {Queue} renewed until {Until}")]
    public static partial void LeaseRenewed(this ILogger logger, string messageId, string queue, DateTimeOffset until);

    [LoggerMessage(LogLevel.Warning, "Lease of message {MessageId} of queue {Queue} could not be renewed; trying again")]
    public static partial void LeaseNotRenewed(this ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(LogLevel.Warning, "A storage call for queue {QueueName} failed; trying again in {DelayMs} ms")]
    public static partial void StorageCallRetried(this ILogger logger, Exception exception, string queueName, double delayMs);

    [LoggerMessage(LogLevel.Warning, "Outputs of timer function {FunctionName} could not all be sent; its next run emits them again")]
    public static partial void TimerOutputsNotSent(this ILogger logger, Exception exception, string functionName);
}
