using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Hosting;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Hosting;

public sealed class FunctionCatalogueTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(
            await Azurite.SharedConnectionStringAsync(),
            new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" },
            services => services.AddQueueFunction<ProbeFunction, ProbeMessage>().AddTimerFunction<TickFunction>());
        _ = factory.Server;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void Generated_function_json_matches_the_catalogue()
    {
        var catalogue = factory.Services.GetRequiredService<FunctionCatalogue>();
        var folder = Directory.CreateTempSubdirectory("functions-").FullName;

        catalogue.WriteFunctionJson(folder);

        var functions = catalogue.All();
        Assert.Equal(functions.Select(f => f.Name).Order(), Directory.GetDirectories(folder).Select(Path.GetFileName).Order());
        foreach (var function in functions)
        {
            var bindings = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, function.Name, "function.json"))).RootElement.GetProperty("bindings").EnumerateArray().ToList();
            var trigger = bindings[0];
            Assert.Equal("in", trigger.GetProperty("direction").GetString());
            switch (function)
            {
                case HttpTrigger http:
                    Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal(http.Route, trigger.GetProperty("route").GetString());
                    Assert.Equal(http.Methods.Select(m => m.ToLowerInvariant()), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
                    var output = Assert.Single(bindings.Skip(1));
                    Assert.Equal("http", output.GetProperty("type").GetString());
                    Assert.Equal("out", output.GetProperty("direction").GetString());
                    break;
                case QueueTrigger queue:
                    Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal(queue.Queue, trigger.GetProperty("queueName").GetString());
                    Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
                    Assert.Equal(queue.Outputs.Count, bindings.Count - 1);
                    foreach (var (declared, written) in queue.Outputs.Zip(bindings.Skip(1)))
                    {
                        Assert.Equal("queue", written.GetProperty("type").GetString());
                        Assert.Equal("out", written.GetProperty("direction").GetString());
                        Assert.Equal(declared.Binding, written.GetProperty("name").GetString());
                        Assert.Equal(declared.Queue, written.GetProperty("queueName").GetString());
                        Assert.Equal("AzureWebJobsStorage", written.GetProperty("connection").GetString());
                    }

                    break;
                case TimerTrigger timer:
                    Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal(timer.Schedule, trigger.GetProperty("schedule").GetString());
                    break;
            }
        }

        Assert.Contains(functions, f => f is HttpTrigger { Route: "api/health" });
        Assert.Contains(functions, f => f.Name == "Probe");
        Assert.Contains(functions, f => f.Name == "Tick");
        Assert.DoesNotContain(functions, f => f.Name.StartsWith("InvokeFunction", StringComparison.Ordinal));
    }
}
