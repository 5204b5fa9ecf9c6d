using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Participation.Budgeting.Pabulib;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Budgeting;

/// <summary>The public recount tool over HTTP, on real elections with their official winners.</summary>
public sealed class TallyPabulibFileTests(TallyPabulibFileTests.Platform platform) : IClassFixture<TallyPabulibFileTests.Platform>
{
    private readonly PlatformFactory factory = platform.Factory;

    /// <summary>One app for the class: a recount stores nothing.</summary>
    public sealed class Platform : IAsyncLifetime
    {
        public PlatformFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
            Factory.UseKestrel(0); // a real server: the file is larger than the API's default body limit
            Factory.StartServer();
            await Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

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
    [InlineData("mes")]
    [InlineData("mes-complete")]
    public async Task The_crafted_file_that_needs_millions_of_increments_is_counted_at_once(string rule)
    {
        // Issue 12: 119 bytes that made the add1 completion run budget / 2 full counts (10^7: over 20 s on all cores).
        const string text = "META\nkey;value\nbudget;1000000000000\nPROJECTS\nproject_id;cost\na;999999999999\nb;1\nVOTES\nvoter_id;vote\n1;a\n2;b\n";
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15);

        var response = await client.PostAsync($"/api/pb/tally?rule={rule}", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["a", "b"], result.GetProperty("selected").EnumerateArray().Select(p => p.GetString()!).Order());
        Assert.Equal(0, result.GetProperty("leftover").GetInt64());
    }

    [Fact]
    public async Task A_hundred_thousand_columns_are_refused_with_a_problem_saying_so()
    {
        var header = "voter_id;vote;" + string.Join(';', Enumerable.Range(0, 100_000).Select(i => $"c{i}"));
        var row = "1;a;" + string.Join(';', Enumerable.Repeat("1", 100_000));
        var text = $"META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\n{header}\n{string.Join('\n', Enumerable.Repeat(row, 20))}\n";

        var response = await factory.CreateClient().PostAsync("/api/pb/tally?rule=greedy", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("columns", problem.GetProperty("limit").GetString());
        Assert.Contains("columns", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("budget;99999999999999999999999999999999", "a;5")]
    [InlineData("budget;100", "a;99999999999999999999999999999999")]
    [InlineData("budget;100", "a;1e300")]
    [InlineData("budget;9223372036854775807", "a;5")]
    public async Task Huge_numbers_are_refused_with_a_problem_not_a_server_error(string budgetLine, string projectLine)
    {
        var text = $"META\nkey;value\n{budgetLine}\nPROJECTS\nproject_id;cost\n{projectLine}\nVOTES\nvoter_id;vote\n1;a\n";

        var response = await factory.CreateClient().PostAsync("/api/pb/tally?rule=mes", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("money", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limit").GetString());
    }

    [Fact]
    public async Task A_count_beyond_the_configured_counting_time_is_refused_with_a_problem_saying_why()
    {
        await using var bounded = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            ["Tally:MaxCountingTime"] = "00:00:00",
        });
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "data", "pabulib", "Netherlands_Assen_2024.pb"));

        var response = await bounded.CreateClient().PostAsync("/api/pb/tally?rule=mes", new StringContent(text, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("counting_time", problem.GetProperty("limit").GetString());
        Assert.Contains("takes more than", problem.GetProperty("detail").GetString());
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
