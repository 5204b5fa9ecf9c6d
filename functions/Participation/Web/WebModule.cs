using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.StaticFiles;

namespace Participation.App.Web;

/// <summary>
/// The server-rendered site: Razor Pages under <c>Web/</c> (and the council's page), styled with the NL Design System CSS
/// that scripts/web.sh copies into <c>wwwroot/lib</c>. Pages call the same use-case handlers as the API; they add
/// nothing but forms, translations and layout.
/// </summary>
public static class WebModule
{
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BrandingOptions>().BindConfiguration(BrandingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<WebLanguage>();
        // First in line, so a browser gets the site's error page before the JSON writer claims its "*/*".
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ErrorPageWriter>());
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web";
            // Every page folder names who may open it, so no page can be added without a policy (EndpointPolicyTests).
            options.Conventions.AllowAnonymousToFolder("/Residents");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToFolder("/About");
            // Budget pages are public; voting in a residents' budget asks for the sign-in on the page (CastBallot decides).
            options.Conventions.AllowAnonymousToFolder("/Budgeting");
            // The caseload is the back office's; a case itself is also read by the council and admins (read-only for them).
            options.Conventions.AuthorizePage("/Officials/Inbox", Policies.Official);
            options.Conventions.AuthorizePage("/Officials/Case", Policies.CaseReader);
            // Hiding and restoring comments: officials and admins; the neighbourhood is checked per initiative.
            options.Conventions.AuthorizePage("/Officials/ModerateComment", Participation.App.Discussion.DiscussionAccess.ModeratorPolicy);
            options.Conventions.AuthorizePage("/Officials/RemovePhoto", Policies.Official);
            options.Conventions.AuthorizeFolder("/Agents", Policies.Agent);
            options.Conventions.AuthorizeFolder("/Council", Policies.Council);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            // Budget pages and paper ballots: officials of the neighbourhood and admins; the neighbourhood is checked per budget.
            options.Conventions.AuthorizeFolder("/BudgetAdmin", Policies.BudgetManager);
            options.Conventions.AllowAnonymousToFolder("/Privacy");
            options.Conventions.AuthorizeFolder("/MyPage", Policies.Resident);
            // What became of decisions is public; updating it is for the responsible team.
            options.Conventions.AllowAnonymousToPage("/Realisation/Index");
            options.Conventions.AllowAnonymousToPage("/Realisation/Item");
            options.Conventions.AuthorizePage("/Realisation/Team", Policies.Realisation);
            options.Conventions.AuthorizePage("/Realisation/Manage", Policies.Realisation);
        });

        // Navigation entries; another module adds its own with services.AddSingleton(new WebNavigationItem(...)), as Realisation does.
        services.AddSingleton(new WebNavigationItem("/initiatieven", "Initiatieven", "Initiatives", null));
        services.AddSingleton(new WebNavigationItem("/initiatieven/nieuw", "Initiatief indienen", "Submit an initiative", null));
        services.AddSingleton(new WebNavigationItem("/volgen", "Mijn aanvraag volgen", "Follow my request", null));
        services.AddSingleton(new WebNavigationItem("/buurtbudget", "Buurtbudget", "Neighbourhood budget", null));
        services.AddSingleton(new WebNavigationItem("/chat", "Chat", "Chat", null));
        services.AddSingleton(new WebNavigationItem("/behandelen", "Behandelen", "Cases", Policies.Official));
        services.AddSingleton(new WebNavigationItem("/beheer/buurtbudgetten", "Buurtbudgetten", "Neighbourhood budgets", Policies.BudgetManager));
        services.AddSingleton(new WebNavigationItem("/agent", "Live chat", "Live chat", Policies.Agent));
        services.AddSingleton(new WebNavigationItem("/raad", "Raadsdashboard", "Council dashboard", Policies.Council));
        services.AddSingleton(new WebNavigationItem("/beheer", "Beheer", "Administration", Policies.Admin));

        // A page that needs a sign-in sends the browser to the sign-in page instead of answering a bare 401/403;
        // the API keeps its 401/403 (its clients are programs).
        services.PostConfigureAll<JwtBearerOptions>(options =>
        {
            var events = options.Events ?? new JwtBearerEvents();
            var challenge = events.OnChallenge;
            var forbidden = events.OnForbidden;
            events.OnChallenge = async context =>
            {
                if (IsPageRequest(context.Request))
                {
                    context.HandleResponse();
                    context.Response.Redirect(SignInUrl(context.Request, denied: false));
                    return;
                }

                await challenge(context);
            };
            events.OnForbidden = async context =>
            {
                if (IsPageRequest(context.Request))
                {
                    context.Response.Redirect(SignInUrl(context.Request, denied: true));
                    return;
                }

                await forbidden(context);
            };
            options.Events = events;
        });
        return builder;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        // ?lang=en|nl on any page switches the language and keeps it in a cookie: a plain link, no script needed.
        app.Use(async (context, next) =>
        {
            if (WebLanguage.FromQuery(context.Request) is { } chosen)
            {
                context.Response.Cookies.Append(WebLanguage.CookieName, chosen, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), Path = "/",
                });
            }

            await next(context);
        });

        // Static files through one endpoint: under the Functions host only declared routes reach the app, so the
        // assets are one HTTP function (assets/{*path}) instead of a static-file middleware the host would never call.
        var contentTypes = new FileExtensionContentTypeProvider();
        app.MapGet("/assets/{**path}", (string path, IWebHostEnvironment environment, HttpContext http) =>
            {
                var file = environment.WebRootFileProvider.GetFileInfo(path);
                if (!file.Exists || file.IsDirectory || file.PhysicalPath is null || path.Split('/').Any(p => p.StartsWith('.')))
                {
                    return Results.NotFound();
                }

                http.Response.Headers.CacheControl = "public, max-age=3600";
                var type = contentTypes.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
                return Results.File(file.PhysicalPath, type, lastModified: file.LastModified);
            })
            .WithName("WebAssets").WithTags("Web").ExcludeFromDescription().AllowAnonymous();

        app.MapGet("/favicon.ico", (IWebHostEnvironment environment) =>
                Results.File(environment.WebRootFileProvider.GetFileInfo("img/favicon.svg").PhysicalPath!, "image/svg+xml"))
            .WithName("Favicon").WithTags("Web").ExcludeFromDescription().AllowAnonymous();

        app.MapRazorPages();
        return app;
    }

    internal static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/v3") && !request.Path.StartsWithSegments("/assets");

    private static string SignInUrl(HttpRequest request, bool denied) =>
        $"/aanmelden?terug={Uri.EscapeDataString(request.Path + request.QueryString)}{(denied ? "&geweigerd=1" : "")}";
}

/// <summary>An entry of the site's main navigation; <paramref name="Policy"/> null means everyone sees it.</summary>
public sealed record WebNavigationItem(string Path, string Dutch, string English, string? Policy);
