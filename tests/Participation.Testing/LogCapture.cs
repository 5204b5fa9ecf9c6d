using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Participation.Testing;

/// <summary>Keeps every log line the app writes, with its structured values and scopes, to check what logs reveal.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{category} {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values) line.Append($" {key}={value}");
            }

            capture.scopes.ForEachScope((scope, builder) =>
            {
                if (scope is System.Collections.IEnumerable items and not string)
                {
                    foreach (var item in items) builder.Append($" scope={item}");
                }
                else
                {
                    builder.Append($" scope={scope}");
                }
            }, line);
            capture.Lines.Enqueue(line.ToString());
        }
    }
}
