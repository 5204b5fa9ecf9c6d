using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Participation.App.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs. Exporters by configuration: <c>Telemetry:Console=true</c> prints them,
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> sends OTLP, <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> sends to Application Insights.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "participation";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var console = configuration.GetValue<bool>("Telemetry:Console");
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(FunctionInvoker.ActivitySource.Name, Participation.Bot.BotModule.AiTelemetrySource).AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, request) =>
                {
                    activity.SetTag("url.path", TracedPaths.Redact(request.Path.Value));
                    activity.SetTag("url.query", request.QueryString.HasValue ? TracedPaths.RedactedQuery : null);
                }).AddHttpClientInstrumentation();
                if (console) tracing.AddConsoleExporter();
                if (otlp) tracing.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (console) metrics.AddConsoleExporter();
                if (otlp) metrics.AddOtlpExporter();
                if (!string.IsNullOrWhiteSpace(appInsights)) metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
            });
        _ = telemetry;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            if (otlp) logging.AddOtlpExporter();
            if (!string.IsNullOrWhiteSpace(appInsights)) logging.AddAzureMonitorLogExporter(o => o.ConnectionString = appInsights);
        });
        return builder;
    }
}

/// <summary>
/// Links in e-mails carry secrets in their path (privacy links, ballot receipts, Direct Line conversations): whoever reads
/// the traces must not be able to follow them, so such segments are replaced before a trace leaves the process.
/// </summary>
public static partial class TracedPaths
{
    public const string Redacted = "{redacted}";
    public const string RedactedQuery = "?{redacted}";

    // The segment after one of these is a secret by route; any other long mixed token is treated as one too.
    private static readonly HashSet<string> SecretAfter = new(StringComparer.OrdinalIgnoreCase) { "requests", "receipts", "conversations" };

    public static string Redact(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path ?? "";
        }

        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var pagePrivacyLink = i == 2 && segments[1].Equals("privacy", StringComparison.OrdinalIgnoreCase);
            if ((pagePrivacyLink || SecretAfter.Contains(segments[i - 1])) && segments[i].Length > 0 || LooksLikeToken(segments[i]))
            {
                segments[i] = Redacted;
            }
        }

        return string.Join('/', segments);
    }

    // 32+ characters: our keys are 34–48 long, while budget ids and tracking codes (public) stay readable.
    private static bool LooksLikeToken(string segment) => segment.Length >= 32 && TokenShape().IsMatch(segment);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_~.%-]*[0-9][A-Za-z0-9_~.%-]*$")]
    private static partial System.Text.RegularExpressions.Regex TokenShape();
}

/// <summary>The platform's own counters; features add theirs here so the council's figures and ops dashboards agree.</summary>
public static class PlatformMetrics
{
    public const string MeterName = "Participation";
}
