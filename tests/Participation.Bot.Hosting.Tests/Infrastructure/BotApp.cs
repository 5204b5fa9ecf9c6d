using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Participation.Bot.Handoff;
using Participation.Bot.Hosting.Events;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Tests.Infrastructure;

/// <summary>
/// A minimal web app on a free loopback port that hosts the bot as Program.cs will: the bot's endpoints, an "agent"
/// policy, a "bot-messages" rate limit, real Azurite tables (own prefix per app group), a fake clock. It also plays
/// Bot Connector for /api/messages tests: a token endpoint and the conversation endpoints replies are posted to.
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    public const string AgentHeader = "X-Test-Agent";
    private readonly WebApplication app;

    private BotApp(WebApplication app, HttpClient client, FakeTimeProvider clock, RecordingRegistrar registrar, ConcurrentQueue<Activity> connectorReceived)
    {
        this.app = app;
        Client = client;
        Clock = clock;
        Registrar = registrar;
        ConnectorReceived = connectorReceived;
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingRegistrar Registrar { get; }

    /// <summary>Activities the bot posted to the loopback Bot Connector.</summary>
    public ConcurrentQueue<Activity> ConnectorReceived { get; }

    public string BaseAddress => Client.BaseAddress!.ToString();

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>Starts an app. Apps given the same <paramref name="tablePrefix"/> share tables: a second one is the app after a restart.</summary>
    public static async Task<BotApp> StartAsync(
        string tablePrefix, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null,
        IConfigurationManager<OpenIdConnectConfiguration>? channelMetadata = null, bool development = true)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = development ? "Development" : "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?> { ["BotStorage:TablePrefix"] = tablePrefix };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var registrar = new RecordingRegistrar();
        var services = builder.Services;
        services.AddSingleton(new TableServiceClient(await Azurite.SharedConnectionStringAsync()));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IAgentAvailability>(new AlwaysAvailable());
        services.AddSingleton<IBotCaseRegistrar>(registrar);
        if (channelMetadata is not null)
        {
            services.AddSingleton(channelMetadata);
        }

        services.AddAuthentication(TestAgentAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAgentAuthentication>(TestAgentAuthentication.SchemeName, null);
        services.AddAuthorization(options => options.AddPolicy("agent", p => p.RequireAuthenticatedUser().RequireRole("agent")));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy("bot-messages", _ => RateLimitPartition.GetNoLimiter("tests"));
            options.AddPolicy("conversation-starts", _ => RateLimitPartition.GetNoLimiter("tests"));
        });
        services.AddBotHosting(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapBotApi(isDevelopment: development);

        var received = new ConcurrentQueue<Activity>();
        app.MapPost("/connector/token", () => Results.Json(new JsonObject { ["access_token"] = "bot-access-token", ["expires_in"] = 3600, ["token_type"] = "Bearer" }))
            .AllowAnonymous();
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{*replyToId}", async (HttpRequest request) =>
        {
            if (request.Headers.Authorization != "Bearer bot-access-token")
            {
                return Results.Unauthorized();
            }

            received.Enqueue((await request.ReadFromJsonAsync(ProtocolJsonContext.Default.Activity))!);
            return Results.Json(new JsonObject { ["id"] = "connector-" + received.Count });
        }).AllowAnonymous();

        foreach (var table in app.Services.GetRequiredService<BotTables>().All)
        {
            await table.CreateIfNotExistsAsync();
        }

        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
        // The port is known only now; the connector reads this option when it first needs a token, after start.
        app.Services.GetRequiredService<IOptions<BotConnectorOptions>>().Value.TokenEndpoint = client.BaseAddress + "connector/token";
        return new BotApp(app, client, clock, registrar, received);
    }

    public static string NewTablePrefix() => "T" + Guid.NewGuid().ToString("N")[..12];

    public HttpRequestMessage AsAgent(HttpRequestMessage request, string agentId, string name)
    {
        request.Headers.Add(AgentHeader, $"{agentId}|{name}");
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class AlwaysAvailable : IAgentAvailability
    {
        public bool AgentsAvailable() => true;
    }
}

/// <summary>Collects what the bot registers, as the host's back office would.</summary>
public sealed class RecordingRegistrar : IBotCaseRegistrar
{
    public ConcurrentQueue<RegisteredQuestion> Questions { get; } = new();

    /// <summary>How many of the next registrations fail, as when the back office's storage is away.</summary>
    public int FailNext { get; set; }

    public Task RegisterQuestionAsync(RegisteredQuestion question, CancellationToken cancellationToken)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new InvalidOperationException("The back office is unreachable (test).");
        }

        Questions.Enqueue(question);
        return Task.CompletedTask;
    }
}

/// <summary>"X-Test-Agent: id|name" signs in an agent, as the platform's JWT would with roles=agent.</summary>
public sealed class TestAgentAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestAgent";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[BotApp.AgentHeader].ToString();
        if (header.Split('|') is not [var id, var name])
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim("sub", id), new Claim("name", name), new Claim("roles", "agent")], SchemeName, "name", "roles");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
