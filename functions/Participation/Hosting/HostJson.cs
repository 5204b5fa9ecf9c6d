using System.Text.Json.Nodes;

namespace Participation.App.Hosting;

/// <summary>
/// host.json is the single source of the queue settings: the Functions host reads it in Azure, and standalone we read
/// the same file into configuration under <c>AzureFunctionsJobHost</c>, where, as in the host, environment variables
/// such as <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> override it.
/// </summary>
public static class HostJson
{
    public const string Section = "AzureFunctionsJobHost";
    public const string FileName = "host.json";

    public static string? Locate(string contentRoot) =>
        new[] { AppContext.BaseDirectory, contentRoot, Path.Combine(contentRoot, "..", "..") }
            .Select(folder => Path.Combine(folder, FileName))
            .FirstOrDefault(File.Exists);

    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder configuration, string contentRoot)
    {
        var path = Locate(contentRoot) ?? throw new FileNotFoundException($"{FileName} was not found next to the app.");
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(JsonNode.Parse(File.ReadAllText(path)), Section, values);
        configuration.AddInMemoryCollection(values);
        // Environment variables must still win over host.json, as they do in the Functions host.
        configuration.AddEnvironmentVariables();
        return configuration;
    }

    private static void Flatten(JsonNode? node, string prefix, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj) Flatten(child, $"{prefix}:{key}", values);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Flatten(array[i], $"{prefix}:{i}", values);
                break;
            case JsonValue value:
                values[prefix] = value.ToString();
                break;
        }
    }
}
