using System.Text.Json;

namespace Participation.InfraTests;

/// <summary>
/// infra/main.bicep and every infra/*.bicepparam compiled once for all tests (the CLI takes a few seconds a run).
/// </summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    /// <summary>Values the parameter files must read from the environment; none may appear in a file itself.</summary>
    internal static readonly IReadOnlyDictionary<string, string?> DeployEnvironment = new Dictionary<string, string?>
    {
        ["BOT_APP_ID"] = "0b07a99e-0000-4000-8000-000000000001",
        ["SENDGRID_API_KEY"] = "sentinel-sendgrid-api-key",
        ["IDENTITY_PEPPER"] = "sentinel-identity-pepper",
        ["BOT_APP_PASSWORD"] = "sentinel-bot-app-password",
        ["BOT_DIRECTLINE_SECRET"] = "sentinel-bot-directline-secret",
        ["STAFF_CLIENT_SECRET"] = "sentinel-staff-client-secret",
        ["RESIDENTS_CLIENT_SECRET"] = "sentinel-residents-client-secret",
    };

    internal static string MainBicep => RepositoryRoot.Combine("infra", "main.bicep");

    internal static IEnumerable<string> ParameterFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicepparam").Order(StringComparer.Ordinal);

    internal BicepRun MainBuild { get; private set; } = null!;

    internal IReadOnlyDictionary<string, BicepRun> ParameterBuilds { get; private set; } = null!;

    /// <summary>The compiled main template; null when the build failed (the build test says why).</summary>
    internal ArmTemplate? Template { get; private set; }

    internal ArmTemplate RequireTemplate() =>
        Template ?? throw new InvalidOperationException($"infra/main.bicep did not compile:\n{MainBuild}");

    public async Task InitializeAsync()
    {
        var files = ParameterFiles().ToList();
        var main = BicepCli.BuildAsync(MainBicep);
        var parameters = files.Select(file => BicepCli.BuildParamsAsync(file, DeployEnvironment)).ToList();
        MainBuild = await main;
        var builds = await Task.WhenAll(parameters);
        ParameterBuilds = files.Zip(builds).ToDictionary(pair => Path.GetFileName(pair.First), pair => pair.Second);
        if (MainBuild.ExitCode == 0)
        {
            Template = ArmTemplate.Parse(MainBuild.StandardOutput);
        }
    }

    /// <summary>The parameter values a .bicepparam file compiles to.</summary>
    internal IReadOnlyDictionary<string, JsonElement> ParameterValues(string fileName)
    {
        var run = ParameterBuilds[fileName];
        Assert.True(run.ExitCode == 0, run.ToString());
        using var output = JsonDocument.Parse(run.StandardOutput);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        return parameters.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(parameter => parameter.Name, parameter => parameter.Value.GetProperty("value").Clone());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "Compiled infrastructure";
}
