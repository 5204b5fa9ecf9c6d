using System.Reflection;
using Participation.App.Hosting;

namespace Participation.InfraTests;

/// <summary>
/// Every app setting the infrastructure sets (<see cref="AppSettings.All"/>, which <see cref="AppSettingsTests"/> holds
/// against the Bicep) names a property the code actually binds: <c>Bot__MicrosoftAppId</c> must reach a <c>Bot</c> options
/// class with a <c>MicrosoftAppId</c>. The options classes are found by reflection (a public <c>const string Section</c>),
/// not from a hand-kept list, so a renamed property or a misspelt setting fails here instead of in Azure.
/// </summary>
public sealed class OptionsBindingTests
{
    // Read by the Functions host and the Azure SDK themselves, not by an options class of ours.
    private static readonly string[] ReadByThePlatform = ["AzureWebJobsStorage__accountName", "APPLICATIONINSIGHTS_CONNECTION_STRING"];

    public static TheoryData<string> BoundSettings => [.. AppSettings.All.Select(s => s.Name).Except(ReadByThePlatform)];

    [Theory]
    [MemberData(nameof(BoundSettings))]
    public void Setting_names_a_property_of_an_options_class(string name)
    {
        var path = name.Split("__");
        var candidates = OptionsClasses().Where(c => c.Section == path[0]).ToList();

        Assert.True(candidates.Count > 0, $"No options class binds section '{path[0]}' (of {name}).");
        Assert.True(candidates.Any(c => Resolves(c.Type, path[1..])),
            $"{name}: none of {string.Join(", ", candidates.Select(c => c.Type.Name))} has {string.Join('.', path[1..])}.");
    }

    [Fact]
    public void The_check_finds_the_known_mismatch_it_exists_for()
    {
        // The settings infra once set while the connector binds MicrosoftAppId/MicrosoftAppPassword.
        var bot = OptionsClasses().Where(c => c.Section == "Bot").ToList();

        Assert.DoesNotContain(bot, c => Resolves(c.Type, ["AppId"]));
        Assert.DoesNotContain(bot, c => Resolves(c.Type, ["AppPassword"]));
        Assert.Contains(bot, c => Resolves(c.Type, ["MicrosoftAppId"]));
    }

    private static bool Resolves(Type type, string[] path)
    {
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } && (path.Length == 1 || Resolves(property.PropertyType, path[1..]));
    }

    private static IEnumerable<(string Section, Type Type)> OptionsClasses() =>
        PlatformAssemblies()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .Select(type => (Field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static), Type: type))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type));

    private static IEnumerable<Assembly> PlatformAssemblies()
    {
        var seen = new Dictionary<string, Assembly>();
        var pending = new Queue<Assembly>([typeof(AppSettings).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Participation", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return seen.Values;
    }
}
