using System.Text.RegularExpressions;

namespace Participation.InfraTests;

[Collection(InfrastructureCollection.Name)]
public sealed partial class BicepBuildTests(CompiledInfrastructure infrastructure)
{
    public static TheoryData<string> ParameterFiles => [.. CompiledInfrastructure.ParameterFiles().Select(file => Path.GetFileName(file))];

    [Fact]
    public void Main_template_compiles_without_warnings_or_errors()
    {
        var run = infrastructure.MainBuild;

        Assert.True(run.ExitCode == 0 && run.Problems.Count == 0, run.ToString());
    }

    [Fact]
    public void There_are_parameter_files_for_test_and_production()
    {
        Assert.Contains("test.bicepparam", infrastructure.ParameterBuilds.Keys);
        Assert.Contains("production.bicepparam", infrastructure.ParameterBuilds.Keys);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Parameter_file_compiles_without_warnings_or_errors(string file)
    {
        var run = infrastructure.ParameterBuilds[file];

        Assert.True(run.ExitCode == 0 && run.Problems.Count == 0, run.ToString());
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Parameter_file_takes_every_secret_from_the_environment(string file)
    {
        var secureParameters = ArmTemplate.SecureParametersOf(infrastructure.RequireTemplate().Root);
        var values = infrastructure.ParameterValues(file);
        var fromEnvironment = CompiledInfrastructure.DeployEnvironment.Values.ToHashSet();

        Assert.NotEmpty(secureParameters);
        Assert.All(secureParameters, name =>
        {
            Assert.True(values.TryGetValue(name, out var value), $"{file} does not set {name}.");
            Assert.Contains(value.GetString(), fromEnvironment);
        });
    }

    [Fact]
    public void Secure_parameters_have_no_default_values()
    {
        var withDefaults = infrastructure.RequireTemplate().Templates()
            .SelectMany(ArmTemplate.Parameters)
            .Where(parameter => ArmTemplate.IsSecure(parameter.Value) && parameter.Value.TryGetProperty("defaultValue", out _))
            .Select(parameter => parameter.Name);

        Assert.Empty(withDefaults);
    }

    [Fact]
    public void Modules_are_local_files_so_that_nothing_is_fetched_from_a_registry()
    {
        var remote = Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select(line => (file, line)))
            .Where(entry => RegistryModule().IsMatch(entry.line))
            .Select(entry => $"{Path.GetFileName(entry.file)}: {entry.line.Trim()}");

        Assert.Empty(remote);
    }

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(br|ts)[:/]")]
    private static partial Regex RegistryModule();
}
