using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Participation.App.Identity;

/// <summary>
/// The site's own sign-in: OpenID Connect authorization code with PKCE against Entra ID (staff) and against the
/// municipality's residents' provider (DigiD through a broker), each ending in an HttpOnly, Secure, SameSite=Lax session
/// cookie that holds only what <see cref="PlatformPrincipal"/> keeps. API clients keep using bearer tokens.
/// </summary>
public static class BrowserSignIn
{
    public const string StaffSession = "StaffSession";
    public const string ResidentSession = "ResidentSession";
    public const string StaffProvider = "StaffOidc";
    public const string ResidentProvider = "ResidentOidc";
    public const string StaffCookie = "participation_staff";
    public const string ResidentCookie = "participation_resident";
    public const string StaffCallback = "/signin-oidc";
    public const string ResidentCallback = "/signin-oidc-inwoner";
    public const string StaffSignedOut = "/signout-callback-oidc";
    public const string ResidentSignedOut = "/signout-callback-oidc-inwoner";
    private const string SignedInAt = "signed-in-at";

    public static AuthenticationBuilder AddBrowserSignIn(this AuthenticationBuilder authentication)
    {
        // Every scheme exists whether configured or not (a stray cookie or callback meets a scheme that refuses it); the
        // settings are read when the options are first built, so any configuration source counts.
        authentication
            .AddCookie(StaffSession).AddCookie(ResidentSession)
            .AddOpenIdConnect(StaffProvider, _ => { })
            .AddOpenIdConnect(ResidentProvider, _ => { });
        var services = authentication.Services;
        services.AddOptions<CookieAuthenticationOptions>(StaffSession).Configure<IOptions<IdentityOptions>>((options, identity) => ConfigureSession(options, StaffCookie, identity.Value.Staff));
        services.AddOptions<CookieAuthenticationOptions>(ResidentSession).Configure<IOptions<IdentityOptions>>((options, identity) => ConfigureSession(options, ResidentCookie, identity.Value.Residents));
        services.AddOptions<OpenIdConnectOptions>(StaffProvider).Configure<IOptions<IdentityOptions>>((options, identity) =>
            ConfigureProvider(options, identity.Value.Staff, StaffSession, StaffCallback, StaffSignedOut,
                (principal, _) => PlatformPrincipal.Staff(principal, identity.Value.Staff, StaffSession)));
        services.AddOptions<OpenIdConnectOptions>(ResidentProvider).Configure<IOptions<IdentityOptions>>((options, identity) =>
            ConfigureProvider(options, identity.Value.Residents, ResidentSession, ResidentCallback, ResidentSignedOut,
                (principal, services) => PlatformPrincipal.Resident(principal, services.GetRequiredService<Pseudonyms>(), ResidentSession)));
        return authentication;
    }

    /// <summary>Whether the site offers this kind of sign-in: its provider and client are configured.</summary>
    public static bool Offers(IdentityOptions identity, string provider) =>
        (provider == StaffProvider ? identity.Staff : identity.Residents).OffersBrowserSignIn;

    /// <summary>The session cookie this request carries, if any: the platform's default scheme reads it when no bearer token is sent.</summary>
    public static string? SessionSchemeOf(HttpRequest request) =>
        request.Cookies.ContainsKey(StaffCookie) ? StaffSession
        : request.Cookies.ContainsKey(ResidentCookie) ? ResidentSession
        : null;

    public static WebApplication MapBrowserSignIn(this WebApplication app)
    {
        var group = app.MapGroup("/aanmelden").WithTags("Sign-in").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/medewerker", (string? terug, HttpContext http, IOptions<IdentityOptions> identity) =>
            StartAsync(http, identity.Value, StaffProvider, "/aanmelden/medewerker", terug)).WithName("SignInStaff");
        group.MapGet("/inwoner", (string? terug, HttpContext http, IOptions<IdentityOptions> identity) =>
            StartAsync(http, identity.Value, ResidentProvider, "/aanmelden/inwoner", terug)).WithName("SignInResident");

        // The authentication middleware answers these before routing; declaring them lets the Functions host forward them.
        foreach (var (path, name) in new[] { (StaffCallback, "StaffSignInCallback"), (ResidentCallback, "ResidentSignInCallback"), (StaffSignedOut, "StaffSignedOutCallback"), (ResidentSignedOut, "ResidentSignedOutCallback") })
        {
            app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], () => TypedResults.NotFound()).WithName(name).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        }

        return app;
    }

    /// <summary>
    /// The schemes to sign out of: the site's session and, when it came from a provider, the provider's session too
    /// (its end-session endpoint, which then returns the browser to the page). Empty without a provider session.
    /// </summary>
    public static async Task<string[]> SessionsToEndAsync(HttpContext http, IdentityOptions identity)
    {
        foreach (var (session, provider) in new[] { (StaffSession, StaffProvider), (ResidentSession, ResidentProvider) })
        {
            if ((await http.AuthenticateAsync(session)).Succeeded)
            {
                return Offers(identity, provider) ? [session, provider] : [session];
            }
        }

        return [];
    }

    /// <summary>
    /// A page of this site to return to after signing in; never another site, and never the sign-in or sign-out page
    /// itself (returning there would ask the visitor to sign in again).
    /// </summary>
    public static string SafeReturnUrl(string? requested, string fallback) =>
        !string.IsNullOrEmpty(requested) && requested.StartsWith('/') && !requested.StartsWith("//", StringComparison.Ordinal) && !requested.StartsWith("/\\", StringComparison.Ordinal)
            && !IsSignInOrOut(requested)
            ? requested
            : fallback;

    private static bool IsSignInOrOut(string path) =>
        path.Split('?', '#')[0].TrimEnd('/') is var page
        && (page.Equals("/aanmelden", StringComparison.OrdinalIgnoreCase) || page.Equals("/afmelden", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where someone lands after signing in without a page to return to: the page their role works on.</summary>
    public static string LandingPage(IReadOnlyCollection<string> roles) => roles switch
    {
        var r when r.Contains(Roles.Official) || r.Contains(Roles.TeamLead) => "/behandelen",
        var r when r.Contains(Roles.Agent) => "/agent",
        var r when r.Contains(Roles.Council) || r.Contains(Roles.Admin) => "/raad",
        _ => "/initiatieven",
    };

    private static async Task<IResult> StartAsync(HttpContext http, IdentityOptions identity, string provider, string self, string? terug)
    {
        if (!Offers(identity, provider))
        {
            return TypedResults.LocalRedirect("/aanmelden?niet-beschikbaar=1");
        }

        var session = provider == StaffProvider ? StaffSession : ResidentSession;
        var signedIn = await http.AuthenticateAsync(session);
        if (signedIn.Succeeded && PlatformUser.From(signedIn.Principal!) is { } user)
        {
            return TypedResults.LocalRedirect(SafeReturnUrl(terug, LandingPage(user.Roles)));
        }

        // Back through this endpoint after the provider: then the session exists and the branch above picks the page.
        var returnTo = SafeReturnUrl(terug, "");
        var again = returnTo.Length == 0 ? self : $"{self}?terug={Uri.EscapeDataString(returnTo)}";
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = again }, [provider]);
    }

    private static void ConfigureSession(CookieAuthenticationOptions options, string cookieName, OidcIssuerOptions issuer)
    {
        options.Cookie.Name = cookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = issuer.IdleTimeout;
        options.SlidingExpiration = true;
        // Challenges and refusals behave as for tokens: pages go to /aanmelden, the API answers 401/403.
        options.ForwardChallenge = IdentityModule.StaffScheme;
        options.ForwardForbid = IdentityModule.StaffScheme;
        var absolute = issuer.AbsoluteTimeout;
        options.Events = new CookieAuthenticationEvents
        {
            OnSigningIn = context =>
            {
                context.Properties.Items[SignedInAt] = context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            },
            OnValidatePrincipal = async context =>
            {
                if (absolute is null)
                {
                    return;
                }

                var now = context.Options.TimeProvider!.GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInAt, out var stamp)
                    || !DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
                    || now - signedInAt > absolute)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(context.Scheme.Name);
                    return;
                }

                // The idle time counts from the last request, not from the last renewal halfway through the window.
                context.ShouldRenew = true;
            },
        };
    }

    private static void ConfigureProvider(
        OpenIdConnectOptions options, OidcIssuerOptions issuer, string session, string callback, string signedOut,
        Func<ClaimsPrincipal, IServiceProvider, ClaimsPrincipal> keep)
    {
        options.SignInScheme = session;
        options.SignOutScheme = session;
        options.CallbackPath = callback;
        options.SignedOutCallbackPath = signedOut;
        if (!issuer.OffersBrowserSignIn)
        {
            // Not offered: an empty provider configuration that no callback can satisfy.
            options.ClientId = "not-configured";
            options.Configuration = new OpenIdConnectConfiguration();
            options.Events = new OpenIdConnectEvents { OnRemoteFailure = RefuseSignIn };
            return;
        }

        options.Authority = issuer.Authority;
        options.ClientId = issuer.ClientId;
        options.ClientSecret = issuer.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        // Tokens stay out of the cookie: a residents' id token may carry a BSN.
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.RequireHttpsMetadata = !issuer.IsLoopback;
        options.Scope.Clear();
        foreach (var scope in issuer.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options.Scope.Add(scope);
        }

        options.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
        options.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
        options.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = context =>
            {
                if (!string.IsNullOrWhiteSpace(issuer.AcrValues))
                {
                    context.ProtocolMessage.AcrValues = issuer.AcrValues;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                context.Principal = keep(context.Principal!, context.HttpContext.RequestServices);
                return Task.CompletedTask;
            },
            // Without a saved id token the provider learns the client from client_id, so it may honour the return address.
            OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.ClientId = issuer.ClientId;
                return Task.CompletedTask;
            },
            OnRemoteFailure = RefuseSignIn,
        };
    }

    // A forged, replayed or refused callback changes nothing and says so on the sign-in page.
    private static Task RefuseSignIn(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrowserSignIn))
            .SignInRefused(context.Scheme.Name, context.Failure?.GetType().Name ?? "unknown");
        context.Response.Redirect("/aanmelden?mislukt=1");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}

internal static partial class IdentityLog
{
    // The failure's type only: its message may quote a token or a provider's error text.
    [LoggerMessage(LogLevel.Warning, "Sign-in through {Scheme} refused: {Failure}")]
    public static partial void SignInRefused(this ILogger logger, string scheme, string failure);
}
