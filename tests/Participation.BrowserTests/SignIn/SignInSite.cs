using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Participation.BrowserTests.Infrastructure;

namespace Participation.BrowserTests.SignIn;

/// <summary>
/// The app with its production configuration (no development sign-in) pointed at the real local OpenID Connect
/// provider, on real Kestrel, with the demo municipality and Debian's chromium. The residents' idle timeout is
/// shortened so a test can wait it out.
/// </summary>
public sealed class SignInSite : IAsyncLifetime
{
    public static readonly TimeSpan ResidentIdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The sessions' clock: a test moves it forward instead of waiting out an idle timeout.</summary>
    public MovableClock SessionClock { get; } = new();
    private Azurite azurite = null!;
    private IPlaywright playwright = null!;

    public LocalOidcProvider Provider { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        azurite = await Azurite.StartPrivateAsync();
        // The provider must know the app's address before the app starts, so the app's port is chosen first.
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Provider = await LocalOidcProvider.StartAsync(BaseUrl);
        App = new AppFactory(azurite.ConnectionString, Provider.Settings(), SessionClock);
        App.UseKestrel(port);
        App.StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Site.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>Through /aanmelden and the provider's own login page, as a person would.</summary>
    public async Task SignInAsync(IPage page, string way, string login, string? returnTo = null)
    {
        await page.GotoAsync(returnTo is null ? "/aanmelden" : $"/aanmelden?terug={Uri.EscapeDataString(returnTo)}");
        await page.Locator($"a[data-sign-in='{way}']").ClickAsync();
        await page.Locator("input[name='login']").FillAsync(login);
        await page.Locator("input[name='password']").FillAsync("any password");
        await page.Locator("button[type='submit']").ClickAsync();
        // Through the provider's redirects and the app's callback to the page the sign-in was for.
        await page.WaitForURLAsync(url => url.StartsWith(BaseUrl + "/", StringComparison.Ordinal)
            && !url.Contains("/signin-oidc", StringComparison.Ordinal) && !url.Contains("/aanmelden", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
        if (azurite is not null) await azurite.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class AppFactory(string storage, Dictionary<string, string?> identity, TimeProvider sessionClock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>(identity)
            {
                ["AzureWebJobsStorage"] = storage,
                ["Identity:Pepper"] = new string('p', 40),
                ["Identity:Residents:IdleTimeout"] = ResidentIdleTimeout.ToString(),
                ["RateLimits:submissions:PermitLimit"] = "1000",
                ["RateLimits:supports:PermitLimit"] = "1000",
            }));
            // Demo:Seed is read before test settings apply, so the demo municipality is asked for directly.
            builder.ConfigureServices(services =>
            {
                services.AddHostedService<Participation.App.Demo.DemoDataSeeder>();
                services.PostConfigureAll<CookieAuthenticationOptions>(options => options.TimeProvider = sessionClock);
            });
        }
    }
}

/// <summary>The system clock plus however far a test has moved it.</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}
