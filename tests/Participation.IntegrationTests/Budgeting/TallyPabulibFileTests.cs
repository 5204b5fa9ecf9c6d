using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Participation.Budgeting.Pabulib;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Budgeting;

/// <summary>The public recount tool over HTTP, on real elections with their official winners.</summary>
public sealed class TallyPabulibFileTests : IAsyncLifetime
{
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        factory.UseKestrel(0); // a real server: the file is larger than the API's default body limit
        factory.StartServer();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("Netherlands_Assen_2024.pb")]
    [InlineData("Poland_Swiecie_2023.pb")]
    public async Task Mes_reproduces_the_official_winners(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "data", "pabulib", file));

        var response = await factory.CreateClient().PostAsync("/api/pb/tally?rule=mes", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var official = PabulibReader.Parse(text).Selected;
        Assert.Equal(official.Order(), result.GetProperty("selected").EnumerateArray().Select(p => p.GetString()!).Order());
        Assert.True(result.GetProperty("cost").GetInt64() <= result.GetProperty("budget").GetInt64());
        Assert.Equal("mes", result.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_large_real_file_is_accepted()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "data", "pabulib", "Netherlands_Amsterdam_252.pb"));

        var response = await factory.CreateClient().PostAsync("/api/pb/tally?rule=greedy", new ByteArrayContent(bytes));

        Assert.True(bytes.Length > 64 * 1024);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("?rule=borda", "META\nkey;value\nbudget;100\n")]
    [InlineData("", "META\nkey;value\nbudget;100\n")]
    [InlineData("?rule=greedy", "this is not a pabulib file")]
    [InlineData("?rule=greedy", "")]
    public async Task Bad_requests_get_a_problem(string query, string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/pb/tally" + query, new StringContent(body, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
