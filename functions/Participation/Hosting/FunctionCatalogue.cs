using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cronos;

namespace Participation.App.Hosting;

/// <summary>Marks an endpoint that is not an HTTP function of the deployed app (e.g. the host's own invocation endpoint).</summary>
public sealed class ExcludeFromFunctionsMetadata;

/// <summary>
/// Every function of the app, in one place: HTTP functions are the app's endpoints, queue and timer functions are the
/// registered handlers. Publishing writes one <c>function.json</c> per entry from here, so nothing is kept twice.
/// </summary>
public sealed partial class FunctionCatalogue(FunctionInvoker invoker)
{
    private ICollection<EndpointDataSource> endpointSources = [];

    /// <summary>The app's endpoints, as mapped; read when the catalogue is asked, so endpoints mapped later count too.</summary>
    public void UseEndpointsOf(IEndpointRouteBuilder app) => endpointSources = app.DataSources;

    public const string TriggerBinding = "message";
    public const string TimerBinding = "timer";
    public const string StorageConnection = "AzureWebJobsStorage";
    private static readonly string[] AnyMethod = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public IReadOnlyList<FunctionTrigger> All()
    {
        var http = endpointSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ExcludeFromFunctionsMetadata>() is null)
            .Select(ToHttpTrigger)
            .OfType<HttpTrigger>();
        var all = http.Concat(invoker.Functions.Select(f => f.Trigger)).ToList();
        var duplicate = all.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'; function names must be unique.");
        }

        return all.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public static CronExpression ParseSchedule(string schedule) => CronExpression.Parse(schedule, CronFormat.IncludeSeconds);

    /// <summary>The function.json the Functions host reads for one function.</summary>
    public static JsonObject FunctionJson(FunctionTrigger trigger)
    {
        var bindings = new JsonArray();
        switch (trigger)
        {
            case HttpTrigger http:
                bindings.Add(new JsonObject
                {
                    ["type"] = "httpTrigger", ["direction"] = "in", ["name"] = "req", ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray(http.Methods.Select(m => (JsonNode)m.ToLowerInvariant()).ToArray()),
                    ["route"] = http.Route,
                });
                bindings.Add(new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" });
                break;
            case QueueTrigger queue:
                bindings.Add(new JsonObject
                {
                    ["type"] = "queueTrigger", ["direction"] = "in", ["name"] = TriggerBinding,
                    ["queueName"] = queue.Queue, ["connection"] = StorageConnection,
                });
                AddOutputs(bindings, queue.Outputs);
                break;
            case TimerTrigger timer:
                bindings.Add(new JsonObject { ["type"] = "timerTrigger", ["direction"] = "in", ["name"] = TimerBinding, ["schedule"] = timer.Schedule });
                AddOutputs(bindings, timer.Outputs);
                break;
        }

        return new JsonObject { ["bindings"] = bindings };
    }

    /// <summary>Writes <c>&lt;FunctionName&gt;/function.json</c> for every function under <paramref name="appFolder"/>.</summary>
    public IReadOnlyList<string> WriteFunctionJson(string appFolder)
    {
        var written = new List<string>();
        foreach (var function in All())
        {
            var folder = Path.Combine(appFolder, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "function.json");
            File.WriteAllText(path, FunctionJson(function).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            written.Add(path);
        }

        return written;
    }

    private static void AddOutputs(JsonArray bindings, IReadOnlyList<QueueOutput> outputs)
    {
        foreach (var output in outputs)
        {
            bindings.Add(new JsonObject
            {
                ["type"] = "queue", ["direction"] = "out", ["name"] = output.Binding,
                ["queueName"] = output.Queue, ["connection"] = StorageConnection,
            });
        }
    }

    private static HttpTrigger? ToHttpTrigger(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : AnyMethod;
        var raw = endpoint.RoutePattern.RawText?.Trim('/');
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        // Functions routes know a single-star catch-all only.
        var route = raw.Replace("{**", "{*", StringComparison.Ordinal);
        var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            ?? string.Join('_', methods.Select(m => m.ToLowerInvariant())) + "_" + NotAllowedInName().Replace(raw, "_").Trim('_');
        return new HttpTrigger(name, route, methods.ToList());
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotAllowedInName();
}
