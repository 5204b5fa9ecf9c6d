using System.Text.Json;

namespace Participation.InfraTests;

/// <summary>One resource of a compiled ARM template, with the template (main or a module's) that declares it.</summary>
internal sealed record ArmResource(string Type, JsonElement Json, JsonElement Template)
{
    /// <summary>The value at a dotted path such as <c>properties.functionAppConfig.runtime.name</c>, if present.</summary>
    public JsonElement? Find(string path)
    {
        var current = Json;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    public JsonElement Get(string path) =>
        Find(path) ?? throw new KeyNotFoundException($"{Type} has no {path}:\n{Json}");

    /// <summary>Names of the parameters of the declaring template that are secure (securestring, secureObject).</summary>
    public IReadOnlySet<string> SecureParameters() => ArmTemplate.SecureParametersOf(Template);
}

/// <summary>A compiled ARM template (System.Text.Json), with module deployments opened up.</summary>
internal sealed class ArmTemplate(JsonDocument document)
{
    public JsonElement Root => document.RootElement;

    public static ArmTemplate Parse(string json) => new(JsonDocument.Parse(json));

    /// <summary>Every template in the tree: the main one and each module's nested template.</summary>
    public IEnumerable<JsonElement> Templates() => TemplatesUnder(Root);

    /// <summary>Every resource in the main template and in all module templates.</summary>
    public IEnumerable<ArmResource> Resources() =>
        Templates().SelectMany(template => ResourcesOf(template).Select(resource =>
            new ArmResource(resource.GetProperty("type").GetString()!, resource, template)));

    public IEnumerable<ArmResource> Resources(string type) =>
        Resources().Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var matches = Resources(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    public static IReadOnlySet<string> SecureParametersOf(JsonElement template) =>
        Parameters(template)
            .Where(parameter => IsSecure(parameter.Value))
            .Select(parameter => parameter.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<JsonProperty> Parameters(JsonElement template) =>
        template.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateObject() : [];

    public static bool IsSecure(JsonElement parameter) =>
        parameter.TryGetProperty("type", out var type)
        && type.GetString() is { } name
        && name.StartsWith("secure", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonElement> TemplatesUnder(JsonElement template)
    {
        yield return template;
        foreach (var resource in ResourcesOf(template))
        {
            if (resource.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in TemplatesUnder(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    // Templates in languageVersion 2.0 keep resources in an object keyed by symbolic name; older ones in an array.
    private static IEnumerable<JsonElement> ResourcesOf(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            return [];
        }

        return resources.ValueKind switch
        {
            JsonValueKind.Array => resources.EnumerateArray().ToList(),
            JsonValueKind.Object => resources.EnumerateObject().Select(property => property.Value)
                .Where(resource => !resource.TryGetProperty("existing", out var existing) || !existing.GetBoolean())
                .ToList(),
            _ => [],
        };
    }
}
