using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Participation.IntegrationTests.Infrastructure;

public static class SignIn
{
    /// <summary>Signs in as a demo user through the development sign-in, exactly as a developer would.</summary>
    public static async Task<HttpClient> AsAsync(this PlatformFactory factory, string userId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(factory, userId));
        return client;
    }

    public static async Task<string> TokenAsync(PlatformFactory factory, string userId)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/dev/token", new { userId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
