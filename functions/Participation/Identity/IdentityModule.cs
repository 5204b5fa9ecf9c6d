using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Participation.App.Hosting;
using Participation.App.Demo;

namespace Participation.App.Identity;

public static class IdentityModule
{
    public const string PlatformScheme = "Platform";
    public const string StaffScheme = "Staff";
    public const string ResidentScheme = "Residents";
    public const string DevelopmentScheme = "Development";

    public static WebApplicationBuilder AddPlatformIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<DevelopmentSignIn>();
        services.AddSingleton<DemoUsers>();
        var isDevelopment = builder.Environment.IsDevelopment();

        var authentication = services.AddAuthentication(PlatformScheme)
            .AddPolicyScheme(PlatformScheme, "Staff, residents or development sign-in", options =>
            {
                // The token's issuer decides which validation applies; the token is still fully validated there.
                // Without a bearer token the site's session cookie decides.
                options.ForwardDefaultSelector = context => ReadIssuer(context) switch
                {
                    null when !HasBearerToken(context.Request) && BrowserSignIn.SessionSchemeOf(context.Request) is { } session => session,
                    DevelopmentSignIn.Issuer when isDevelopment => DevelopmentScheme,
                    var issuer when issuer is not null && ResidentsOf(context) is { IsConfigured: true } residents && SameAuthority(issuer, residents.Authority) => ResidentScheme,
                    _ => StaffScheme,
                };
            })
            .AddJwtBearer(StaffScheme, _ => { })
            .AddJwtBearer(ResidentScheme, _ => { })
            .AddBrowserSignIn();
        // Read when the options are first built, so settings from every configuration source count.
        services.AddOptions<JwtBearerOptions>(StaffScheme).Configure<IOptions<IdentityOptions>>((options, identity) => ConfigureOidc(options, identity.Value.Staff, resident: false));
        services.AddOptions<JwtBearerOptions>(ResidentScheme).Configure<IOptions<IdentityOptions>>((options, identity) => ConfigureOidc(options, identity.Value.Residents, resident: true));
        if (isDevelopment)
        {
            authentication.AddJwtBearer(DevelopmentScheme, _ => { });
            services.AddOptions<JwtBearerOptions>(DevelopmentScheme).Configure<DevelopmentSignIn>((options, signIn) =>
            {
                options.MapInboundClaims = false;
                options.Events = TokenFromCookie();
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = DevelopmentSignIn.Issuer,
                    ValidAudience = DevelopmentSignIn.Audience,
                    IssuerSigningKey = signIn.SigningKey,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        }

        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(RateLimits.Configure);
        services.AddTable(SharedRateCounters.Table);
        services.AddSingleton<SharedRateCounters>();
        services.AddSingleton<ActorRateLimits>();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The Functions host proxies requests from this machine; only it may tell us the client's address.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Add(IPAddress.Loopback);
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<IdentityOptions>>((options, identity) =>
        {
            // Behind Front Door the last X-Forwarded-For entry is Front Door's own address, shared by every client.
            if (identity.Value.ClientAddressHeader is { Length: > 0 } header)
            {
                options.ForwardedForHeaderName = header;
            }
        });
        services.AddAntiforgery();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UsePlatformIdentity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseApiCookieAntiforgery();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseSharedRateLimits();
        app.UseAntiforgery();
        app.MapBrowserSignIn();
        if (app.Environment.IsDevelopment())
        {
            var dev = app.MapGroup("/api/dev").WithTags("Development sign-in").AllowAnonymous();
            dev.MapGet("/users", DevelopmentSignIn.ListUsers).WithName("ListDemoUsers");
            dev.MapPost("/token", DevelopmentSignIn.IssueToken).WithName("IssueDevelopmentToken").DisableAntiforgery();
        }

        return app;
    }

    private static void ConfigureOidc(JwtBearerOptions options, OidcIssuerOptions issuer, bool resident)
    {
        options.MapInboundClaims = false;
        options.Events = TokenFromCookie();
        if (issuer.IsConfigured)
        {
            options.Authority = issuer.Authority;
            options.Audience = issuer.Audience;
            options.RequireHttpsMetadata = !issuer.IsLoopback;
        }

        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = issuer.Audience,
            NameClaimType = PlatformClaims.Name,
            RoleClaimType = issuer.RoleClaim,
            ClockSkew = TimeSpan.FromMinutes(2),
        };
        // Without a configured authority no token can validate here: no keys, no issuer.
        if (!issuer.IsConfigured)
        {
            options.TokenValidationParameters.ValidIssuer = "urn:participation:not-configured";
            options.TokenValidationParameters.IssuerSigningKeys = [];
            options.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
        }

        var roleClaim = issuer.RoleClaim;
        var neighbourhoodClaim = issuer.NeighbourhoodClaim;
        var teamClaim = issuer.TeamClaim;
        var tokenValidated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (resident && context.Principal is { } fromProvider)
            {
                // A resident's roles come from the server: whatever the provider put in the token grants nothing.
                context.Principal = PlatformPrincipal.Resident(fromProvider, context.HttpContext.RequestServices.GetRequiredService<Pseudonyms>(), ResidentScheme);
                return;
            }

            // Providers name roles and scopes their own way; the platform reads its own claim names.
            if (context.Principal?.Identity is ClaimsIdentity claims)
            {
                Copy(claims, roleClaim, PlatformClaims.Role);
                Copy(claims, neighbourhoodClaim, PlatformClaims.Neighbourhood);
                Copy(claims, teamClaim, PlatformClaims.Team);
            }
        };
    }

    private static void Copy(ClaimsIdentity identity, string from, string to)
    {
        if (from == to)
        {
            return;
        }

        foreach (var claim in identity.FindAll(from).ToList())
        {
            identity.AddClaim(new Claim(to, claim.Value));
        }
    }

    /// <summary>Pages carry the same token in an HttpOnly, SameSite=Strict cookie; the API takes it from the Authorization header.</summary>
    private static JwtBearerEvents TokenFromCookie() => new()
    {
        OnMessageReceived = context =>
        {
            if (string.IsNullOrEmpty(context.Request.Headers.Authorization) &&
                context.Request.Cookies.TryGetValue(DevelopmentSignIn.CookieName, out var token))
            {
                context.Token = token;
            }

            return Task.CompletedTask;
        },
    };

    private static OidcIssuerOptions ResidentsOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.Residents;

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static string? ReadIssuer(HttpContext context)
    {
        string? token = null;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (context.Request.Cookies.TryGetValue(DevelopmentSignIn.CookieName, out var cookie))
        {
            token = cookie;
        }

        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool SameAuthority(string issuer, string? authority) =>
        authority is not null && issuer.TrimEnd('/').Equals(authority.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
