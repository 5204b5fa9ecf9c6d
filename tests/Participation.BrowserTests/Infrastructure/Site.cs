using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Participation.Bot.Handoff;

namespace Participation.BrowserTests.Infrastructure;

/// <summary>
/// The real app on real Kestrel (a free port) with its own Azurite, demo data and queue listeners, plus Debian's
/// chromium driven by Playwright. Classes that only look at what they made themselves share one through a collection
/// (<see cref="ResidentSite"/>, <see cref="BackOfficeSite"/>): each start costs Azurite, the app, its demo seed and a
/// browser. A class whose figures another class's submissions would change has its own (<c>IClassFixture&lt;Site&gt;</c>).
/// </summary>
public sealed class Site : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    /// <summary>The demo official of Binnenstad (and Westhaven): a submission there lands in her inbox.</summary>
    public const string Official = "lotte.smit";
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private readonly List<IBrowserContext> profiles = [];
    private Azurite azurite = null!;
    private IPlaywright playwright = null!;

    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Every run writes its screenshots to TestResults/screenshots for reviewers; with UPDATE_SCREENSHOTS=1 it refreshes
    /// the committed ones in docs/screenshots that the README shows, so an ordinary run leaves the work tree clean.
    /// </summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryRoot.Path, "docs", "screenshots")
        : Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        azurite = await Azurite.StartPrivateAsync();
        App = new AppFactory(azurite.ConnectionString);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium (scripts/web.sh ensure_chromium).");
        }

        // Two sites run side by side on two cores: a page's scripts may take longer than Playwright's 5 s default to react.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A fresh browser profile (cookies apart), optionally signed in as a demo user through the sign-in page, optionally
    /// without JavaScript (the forms must work without it).
    /// </summary>
    public async Task<IPage> NewPageAsync(string? userId = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "nl-NL", ViewportSize = Desktop, JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(45_000);
        lock (profiles) profiles.Add(context);
        var page = await context.NewPageAsync();
        if (userId is not null)
        {
            await page.GotoAsync("/aanmelden");
            await page.Locator($"button[data-user='{userId}']").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        return page;
    }

    /// <summary>
    /// Closes every browser profile opened so far. For a class on a shared site whose pages keep polling (the chat, the
    /// agent's queue): left open, they would load the app for as long as the other classes run.
    /// </summary>
    public async Task CloseProfilesAsync()
    {
        IBrowserContext[] open;
        lock (profiles)
        {
            open = [.. profiles];
            profiles.Clear();
        }

        foreach (var context in open) await context.CloseAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (azurite is not null) await azurite.DisposeAsync();
    }

    private sealed class AppFactory(string storage) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storage,
                ["Demo:Seed"] = "true",
                // One browser is one client address: the tests submit and support more than a resident would.
                ["RateLimits:submissions:PermitLimit"] = "1000",
                ["RateLimits:supports:PermitLimit"] = "1000",
                ["RateLimits:voting-codes:PermitLimit"] = "1000",
                // No network here: the maps draw polygons and markers on a blank background instead of fetching tiles.
                ["Map:TileUrl"] = "",
            }));
            // The chat test must not depend on the clock being within office hours.
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IAgentAvailability, AgentsAlwaysAvailable>()));
        }
    }

    private sealed class AgentsAlwaysAvailable : IAgentAvailability
    {
        public bool AgentsAvailable() => true;
    }
}
