using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Identity;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Identity;

/// <summary>
/// The site's sign-in with the production configuration pointed at a real OpenID Connect provider: authorization code
/// with PKCE, session cookies, roles from the provider for staff and from the server for residents, and the refusals
/// a forged or replayed callback must meet.
/// </summary>
public sealed class BrowserSignInTests(BrowserSignInTests.Platform platform) : IClassFixture<BrowserSignInTests.Platform>
{
    private readonly LocalOidcProvider provider = platform.Provider;
    private readonly PlatformFactory factory = platform.Factory;

    /// <summary>One provider and app for the class: each test signs in with a fresh cookie jar of its own.</summary>
    public sealed class Platform : IAsyncLifetime
    {
        public LocalOidcProvider Provider { get; private set; } = null!;
        public PlatformFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await LocalOidcProvider.StartAsync(OidcBrowser.AppAddress.ToString().TrimEnd('/'));
            Factory = new PlatformFactory(
                await Azurite.SharedConnectionStringAsync(),
                new Dictionary<string, string?>(Provider.Settings())
                {
                    ["FunctionHost:RunTriggers"] = "false",
                    ["Identity:Pepper"] = new string('p', 40),
                },
                // Demo:Seed is read before test settings apply, so the demo municipality is asked for directly.
                services => services.AddHostedService<Participation.App.Demo.DemoDataSeeder>(),
                environment: "Production");
            var client = Factory.CreateClient();
            await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/neighbourhoods")).IsSuccessStatusCode, "reference data is seeded");
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task Official_signs_in_through_the_provider_and_gets_a_secure_lax_http_only_session_for_the_back_office()
    {
        using var browser = new OidcBrowser(factory);

        var callback = await browser.SignInAsync("/aanmelden/medewerker?terug=%2Fbehandelen", "fatima.bakker");

        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        var cookie = callback.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(BrowserSignIn.StaffCookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var landing = await browser.App.GetAsync(callback.Headers.Location);
        Assert.Equal("/behandelen", landing.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.App.GetAsync("/behandelen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.App.GetAsync("/api/cases")).StatusCode);
    }

    [Theory]
    [InlineData("%2Faanmelden")]
    [InlineData("%2Faanmelden%3Fterug%3D%252Fbehandelen")]
    [InlineData("%2Fafmelden")]
    public async Task Signing_in_with_the_sign_in_page_as_the_page_to_return_to_lands_on_the_officials_work_instead(string returnTo)
    {
        using var browser = new OidcBrowser(factory);

        var callback = await browser.SignInAsync($"/aanmelden/medewerker?terug={returnTo}", "fatima.bakker");

        var landing = await browser.App.GetAsync(callback.Headers.Location);
        Assert.Equal("/behandelen", landing.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Resident_whose_provider_sends_admin_and_official_roles_is_only_a_resident()
    {
        using var browser = new OidcBrowser(factory);

        var callback = await browser.SignInAsync("/aanmelden/inwoner", "999990032");

        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        Assert.Contains(browser.AppCookies.GetCookies(OidcBrowser.AppAddress), c => c.Name == BrowserSignIn.ResidentCookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.App.GetAsync("/api/admin/audit.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.App.GetAsync("/api/cases")).StatusCode);
        var page = await browser.App.GetAsync("/behandelen");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/aanmelden?terug=%2Fbehandelen&geweigerd=1", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resident_session_keeps_a_pseudonym_not_the_providers_subject()
    {
        using var browser = new OidcBrowser(factory);

        await browser.SignInAsync("/aanmelden/inwoner", "999990019");

        var session = browser.AppCookies.GetCookies(OidcBrowser.AppAddress)[BrowserSignIn.ResidentCookie]!.Value;
        var ticket = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(BrowserSignIn.ResidentSession).TicketDataFormat.Unprotect(session)!;
        var subject = ticket.Principal.FindFirst(PlatformClaims.Subject)!.Value;
        Assert.NotEqual("999990019", subject);
        Assert.Equal(factory.Services.GetRequiredService<Pseudonyms>().For(PlatformPrincipal.ResidentPurpose, "999990019"), subject);
        Assert.DoesNotContain(ticket.Principal.Claims, c => c.Value.Contains("999990019", StringComparison.Ordinal) || c.Value == "Sanne Jansen");
        Assert.Equal([Roles.Resident], ticket.Principal.FindAll(PlatformClaims.Role).Select(c => c.Value));
    }

    [Fact]
    public async Task Resident_bearer_token_carrying_admin_and_official_roles_grants_only_the_resident_role()
    {
        using var browser = new OidcBrowser(factory);
        var token = await browser.ResidentAppTokenAsync(provider.Authority, "999990032");
        Assert.Contains("\"admin\"", System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[1])), StringComparison.Ordinal);
        await using var residentApp = factory.WithWebHostBuilder(builder => builder.UseSetting("Identity:Residents:Audience", "participation-resident-app")
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Identity:Residents:Audience"] = "participation-resident-app" })));
        var client = residentApp.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/audit.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases")).StatusCode);
        var initiative = await factory.CreateClient().PostAsJsonAsync("/api/initiatives", new { title = "Speeltuin", description = "Een wip erbij.", neighbourhood = "oosterpark", theme = "groen" });
        var code = (await initiative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/initiatives/{code}/supports", null)).StatusCode);
    }

    [Fact]
    public async Task Replayed_code_is_refused()
    {
        using var browser = new OidcBrowser(factory);
        var callback = await browser.LogInAtProviderAsync("/aanmelden/medewerker", "anouk.devries");
        var carried = browser.AppCookies.GetCookies(OidcBrowser.AppAddress).ToList();
        Assert.Equal(HttpStatusCode.Found, (await browser.DeliverAsync(callback)).StatusCode);
        using var attacker = new OidcBrowser(factory);
        // Everything the first browser carried to the callback, the code included.
        carried.Where(c => !c.Name.StartsWith("participation_", StringComparison.Ordinal)).ToList().ForEach(attacker.AppCookies.Add);

        var replay = await attacker.DeliverAsync(callback);

        Assert.Equal("/aanmelden?mislukt=1", replay.Headers.Location?.OriginalString);
        Assert.DoesNotContain(attacker.AppCookies.GetCookies(OidcBrowser.AppAddress), c => c.Name.StartsWith("participation_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tampered_state_is_refused()
    {
        using var browser = new OidcBrowser(factory);
        var callback = await browser.LogInAtProviderAsync("/aanmelden/medewerker", "anouk.devries");
        var state = callback.Form["state"];
        callback.Form["state"] = state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await browser.DeliverAsync(callback);

        Assert.Equal("/aanmelden?mislukt=1", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.App.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Callback_without_the_browsers_nonce_is_refused()
    {
        using var browser = new OidcBrowser(factory);
        var callback = await browser.LogInAtProviderAsync("/aanmelden/medewerker", "anouk.devries");
        // Another sign-in's nonce cookie in place of this one's: the id token's nonce matches no cookie.
        using var other = new OidcBrowser(factory);
        await other.App.GetAsync("/aanmelden/medewerker");
        var jar = new System.Net.CookieContainer();
        foreach (var cookie in browser.AppCookies.GetCookies(OidcBrowser.AppAddress).Where(c => !c.Name.Contains("Nonce", StringComparison.Ordinal)))
        {
            jar.Add(cookie);
        }

        foreach (var cookie in other.AppCookies.GetCookies(OidcBrowser.AppAddress).Where(c => c.Name.Contains("Nonce", StringComparison.Ordinal)))
        {
            jar.Add(cookie);
        }

        using var swapped = new OidcBrowser(factory);
        jar.GetCookies(OidcBrowser.AppAddress).ToList().ForEach(swapped.AppCookies.Add);

        var response = await swapped.DeliverAsync(callback);

        Assert.Equal("/aanmelden?mislukt=1", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await swapped.App.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Api_refuses_a_change_signed_in_with_the_site_cookie_without_the_antiforgery_token()
    {
        using var browser = new OidcBrowser(factory);
        await browser.SignInAsync("/aanmelden/inwoner", "999990020");
        var initiative = await factory.CreateClient().PostAsJsonAsync("/api/initiatives", new { title = "Bankje", description = "Een bankje bij de speeltuin.", neighbourhood = "oosterpark", theme = "groen" });
        var code = (await initiative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();

        var response = await browser.App.PostAsync($"/api/initiatives/{code}/supports", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiCookieAntiforgery.ErrorCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var tracked = await (await factory.CreateClient().GetAsync($"/api/initiatives/{code}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, tracked.GetProperty("supports").GetInt32());
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_the_providers_and_returns_to_the_page()
    {
        using var browser = new OidcBrowser(factory);
        await browser.SignInAsync("/aanmelden/medewerker", "anouk.devries");
        var form = await browser.App.GetStringAsync("/initiatieven");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var signOut = await browser.App.PostAsync("/afmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["terug"] = "/initiatieven",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.StartsWith(provider.Authority + "/session/end", endSession.ToString(), StringComparison.Ordinal);
        Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString("https://localhost/signout-callback-oidc"), endSession.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.App.GetAsync("/api/cases")).StatusCode);
        var back = await browser.EndProviderSessionAsync(endSession);
        Assert.Equal("/initiatieven", back.Headers.Location?.OriginalString);
        // The provider's session is gone too: starting again asks for the login, not a silent sign-in.
        var again = await browser.LogInAtProviderAsync("/aanmelden/medewerker", "anouk.devries");
        Assert.NotEmpty(again.Form["code"]);
    }
}
