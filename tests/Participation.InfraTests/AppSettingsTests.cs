using System.Text.Json;
using Participation.App.Hosting;

namespace Participation.InfraTests;

/// <summary>The Function App's settings against <see cref="AppSettings.All"/>, the one list of what the app reads.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AppSettingsTests(CompiledInfrastructure infrastructure)
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=";

    // Flex Consumption refuses these app settings: the runtime, scale and deployment live in functionAppConfig.
    private static readonly string[] RejectedByFlexConsumption =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_NODE_DEFAULT_VERSION",
        "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        "SCALE_CONTROLLER_SCALING_ENABLED",
        "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED",
    ];

    public static TheoryData<string> Settings => [.. AppSettings.All.Select(setting => setting.Name)];

    public static TheoryData<string> Secrets => [.. AppSettings.All.Where(setting => setting.IsSecret).Select(setting => setting.Name)];

    public static TheoryData<string> PlainSettings => [.. AppSettings.All.Where(setting => !setting.IsSecret).Select(setting => setting.Name)];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Function_app_sets(string name)
    {
        var settings = EffectiveAppSettings();

        Assert.True(settings.ContainsKey(name), $"infra/ does not set {name}; it sets {string.Join(", ", settings.Keys)}.");
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Secret_is_a_key_vault_reference(string name)
    {
        var value = EffectiveAppSettings()[name];

        Assert.Contains(KeyVaultReference, value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PlainSettings))]
    public void Plain_setting_never_carries_a_secure_parameter(string name)
    {
        var configuration = AppSettingsResource();
        var value = EffectiveAppSettings()[name];

        Assert.DoesNotContain(KeyVaultReference, value, StringComparison.Ordinal);
        Assert.All(configuration.SecureParameters(), secure =>
            Assert.DoesNotContain($"parameters('{secure}')", value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_setting_holds_a_secure_parameter()
    {
        var configuration = AppSettingsResource();
        var leaking = EffectiveAppSettings()
            .Where(setting => configuration.SecureParameters().Any(secure =>
                setting.Value.Contains($"parameters('{secure}')", StringComparison.OrdinalIgnoreCase)))
            .Select(setting => setting.Key);

        Assert.Empty(leaking);
    }

    [Fact]
    public void Settings_that_flex_consumption_rejects_are_absent()
    {
        var template = infrastructure.RequireTemplate();
        var everySetting = template.Resources("Microsoft.Web/sites/config")
            .SelectMany(config => config.Get("properties").EnumerateObject().Select(property => property.Name))
            .Concat(template.Resources("Microsoft.Web/sites")
                .SelectMany(site => SiteConfigSettings(site).Keys));

        Assert.Empty(everySetting.Intersect(RejectedByFlexConsumption, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(AppSettings.All.Select(setting => setting.Name).Intersect(RejectedByFlexConsumption, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The settings the app ends up with: a sites/config 'appsettings' resource replaces the whole list, so when one
    /// exists it is the truth; otherwise the site's own siteConfig.appSettings.
    /// </summary>
    private Dictionary<string, string> EffectiveAppSettings()
    {
        var configuration = FindAppSettingsResource();
        if (configuration is not null)
        {
            return configuration.Get("properties").EnumerateObject()
                .ToDictionary(property => property.Name, property => Text(property.Value), StringComparer.Ordinal);
        }

        return SiteConfigSettings(infrastructure.RequireTemplate().Single("Microsoft.Web/sites"));
    }

    private ArmResource AppSettingsResource() =>
        FindAppSettingsResource() ?? infrastructure.RequireTemplate().Single("Microsoft.Web/sites");

    private ArmResource? FindAppSettingsResource() =>
        infrastructure.RequireTemplate().Resources("Microsoft.Web/sites/config")
            .SingleOrDefault(config => config.Get("name").GetString()!.Contains("appsettings", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> SiteConfigSettings(ArmResource site) =>
        site.Find("properties.siteConfig.appSettings") is { ValueKind: JsonValueKind.Array } settings
            ? settings.EnumerateArray().ToDictionary(
                setting => setting.GetProperty("name").GetString()!,
                setting => setting.TryGetProperty("value", out var value) ? Text(value) : "",
                StringComparer.Ordinal)
            : [];

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
