using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Participation.Hosting;

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
                tracing.AddSource(FunctionInvoker.ActivitySource.Name, Participation.Bot.BotModule.AiTelemetrySource).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
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

/// <summary>The platform's own counters; features add theirs here so the council's figures and ops dashboards agree.</summary>
public static class PlatformMetrics
{
    public const string MeterName = "Participation";
}
