using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.App.Hosting;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Storage;

namespace Participation.IntegrationTests.Identity;

/// <summary>
/// Who may do what, for every role against one case in Binnenstad (owned by Lotte Smit): the whole matrix, including
/// 404 — not 403 — for an official of another neighbourhood, so a case's existence does not leak.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Platform platform) : IClassFixture<RoleMatrixTests.Platform>
{
    private readonly PlatformFactory factory = platform.Factory;
    private readonly string code = platform.Code;

    private static readonly string[] Users =
        ["anonymous", "resident-sanne", "lotte.smit", "jeroen.meijer", "mohamed.elamrani", "agent-noor", "council-jeroen", "admin-ingrid"];

    /// <summary>One app and one routed case for the class: each row of the matrix reads the case or adds to it, and only one supports it.</summary>
    public sealed class Platform : IAsyncLifetime
    {
        public PlatformFactory Factory { get; private set; } = null!;
        public string Code { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
            {
                ["FunctionHost:RunTriggers"] = "false",
                ["RateLimits:submissions:PermitLimit"] = "1000",
                ["RateLimits:supports:PermitLimit"] = "1000",
            });
            var client = Factory.CreateClient();
            await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
            var submitted = await client.PostAsJsonAsync("/api/initiatives", new { title = "Matrix", description = "Rollen en rechten.", neighbourhood = "binnenstad", theme = "verkeer" });
            Code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
            var routed = await client.PostAsJsonAsync($"/{nameof(RouteSubmittedInitiative)}", new
            {
                Data = new { message = QueueEnvelope.Wrap(new InitiativeSubmitted(Code)) },
                Metadata = new { DequeueCount = 1, Id = "matrix" },
            });
            Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    // Expected status per user, in the order of Users.
    public static TheoryData<string, string, int[]> Matrix => new()
    {
        { "track", "GET /api/initiatives/{code}", [200, 200, 200, 200, 200, 200, 200, 200] },
        { "inbox", "GET /api/cases", [401, 403, 200, 200, 200, 403, 403, 403] },
        { "case", "GET /api/cases/{code}", [401, 403, 200, 200, 404, 403, 200, 200] },
        { "note", "POST /api/cases/{code}/note", [401, 403, 200, 200, 404, 403, 403, 403] },
        { "audit-export", "GET /api/admin/audit.csv", [401, 403, 403, 403, 403, 403, 403, 200] },
        { "routing-config", "GET /api/admin/routing", [401, 403, 403, 403, 403, 403, 403, 200] },
        { "poison", "GET /api/admin/poison", [401, 403, 403, 403, 403, 403, 403, 200] },
        { "agenda", "GET /api/council/agenda", [401, 403, 403, 403, 403, 403, 200, 200] },
        { "handoffs", "GET /api/agent/handoffs", [401, 403, 403, 403, 403, 200, 403, 403] },
        { "support", "POST /api/initiatives/{code}/supports", [401, 200, 403, 403, 403, 403, 403, 403] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_what_it_may(string action, string request, int[] expected)
    {
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1].Replace("{code}", code));
        var actual = new List<int>();
        foreach (var user in Users)
        {
            var client = user == "anonymous" ? factory.CreateClient() : await factory.AsAsync(user);
            var message = new HttpRequestMessage(new HttpMethod(method), path);
            if (action == "note")
            {
                message.Content = JsonContent.Create(new { version = await CurrentVersionAsync(), note = $"note by {user}" });
            }

            actual.Add((int)(await client.SendAsync(message)).StatusCode);
        }

        Assert.Equal(expected, actual);
    }

    private async Task<string> CurrentVersionAsync()
    {
        var admin = await factory.AsAsync("admin-ingrid");
        return (await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString()!;
    }
}
