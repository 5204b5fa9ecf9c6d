using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Initiatives;

/// <summary>
/// Bad input gets a 400 problem+json naming the field, and nothing is stored. "Nothing" is counted on a private emulator:
/// on the shared one other test classes submit at the same time, so a global count would blame this test for their rows.
/// </summary>
public sealed class BadInputTests(PrivatePlatform platform) : IClassFixture<PrivatePlatform>
{
    private readonly Azurite storage = platform.Storage;
    private readonly PlatformFactory factory = platform.Factory;

    public static TheoryData<string, string> Cases => new()
    {
        { """{"description":"d","neighbourhood":"oosterpark"}""", "title" },
        { """{"title":"   ","description":"d","neighbourhood":"oosterpark"}""", "title" },
        { $$"""{"title":"{{new string('t', 121)}}","description":"d","neighbourhood":"oosterpark"}""", "title" },
        { """{"title":"t","neighbourhood":"oosterpark"}""", "description" },
        { $$"""{"title":"t","description":"{{new string('d', 5001)}}","neighbourhood":"oosterpark"}""", "description" },
        { """{"title":"t","description":"d"}""", "neighbourhood" },
        { """{"title":"t","description":"d","neighbourhood":"atlantis"}""", "neighbourhood" },
        { """{"title":"t","description":"d","neighbourhood":"oosterpark","theme":"dragons"}""", "theme" },
        { """{"title":"t","description":"d","neighbourhood":"oosterpark","email":"not-an-address"}""", "email" },
        { """{"title":"t","description":"d","neighbourhood":"oosterpark","location":{"lat":123,"lon":5}}""", "location" },
        { """{"title":"t","description":"d","neighbourhood":"oosterpark","locale":"fr"}""", "locale" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_submission_is_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var before = await CountAsync();

        var response = await factory.CreateClient().PostAsync("/api/initiatives", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}': {problem}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await factory.CreateClient().PostAsync("/api/initiatives", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_a_problem()
    {
        // The limit is Kestrel's: this test runs the app on a real Kestrel port, not the in-memory test server.
        await using var kestrel = new PlatformFactory(storage.ConnectionString, new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false" });
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var huge = JsonSerializer.Serialize(new { title = "t", description = new string('x', 70 * 1024), neighbourhood = "oosterpark" });
        var before = await CountAsync();

        var response = await kestrel.CreateClient().PostAsync("/api/initiatives", new StringContent(huge, Encoding.UTF8, "application/json"));

        // 413 Content Too Large, the status HTTP defines for it, as problem+json; Kestrel refuses before any handler reads it.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Html_is_stored_as_text_and_returned_as_data()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/initiatives", new { title = "<script>alert(1)</script>", description = "<b>vet</b>", neighbourhood = "oosterpark" });
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();

        var view = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/initiatives/{code}");

        Assert.Equal("<script>alert(1)</script>", view.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Same_idempotency_key_gives_the_same_initiative_once()
    {
        var key = Guid.NewGuid().ToString("N");
        async Task<string> SubmitAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/initiatives") { Content = JsonContent.Create(new { title = "Eén keer", description = "d", neighbourhood = "oosterpark" }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await factory.CreateClient().SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        }

        var first = await SubmitAsync();
        var retried = await SubmitAsync();

        Assert.Equal(first, retried);
    }

    [Fact]
    public async Task Unknown_tracking_code_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/initiatives/0000-0000-000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<int> CountAsync()
    {
        var store = factory.Services.GetService(typeof(Participation.App.Initiatives.InitiativeStore)) as Participation.App.Initiatives.InitiativeStore;
        return (await store!.ListAllAsync(null, CancellationToken.None)).Count;
    }
}
