using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Initiatives.Routing;

namespace Participation.App.Routing;

/// <summary>Reference data for forms (neighbourhoods, themes) and the administrators' routing configuration.</summary>
public static class RoutingApi
{
    public sealed record CodeAndName(string Code, string Name);
    public sealed record VersionedConfiguration(RoutingConfiguration Configuration, string Version);

    public static WebApplication MapRoutingApi(this WebApplication app)
    {
        var reference = app.MapGroup("/api").WithTags("Reference data").AllowAnonymous();
        reference.MapGet("/neighbourhoods", ListNeighbourhoodsAsync).WithName("ListNeighbourhoods").WithSummary("The municipality's neighbourhoods");
        reference.MapGet("/themes", ListThemesAsync).WithName("ListThemes").WithSummary("The themes an initiative can have");

        var admin = app.MapGroup("/api/admin/routing").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", ReadAsync).WithName("GetRoutingConfiguration").WithSummary("The routing configuration with its version");
        admin.MapPut("/", ReplaceAsync).WithName("ReplaceRoutingConfiguration")
            .WithSummary("Replace the routing configuration, based on the version read; 409 when someone else changed it");
        return app;
    }

    private static async Task<Ok<IEnumerable<CodeAndName>>> ListNeighbourhoodsAsync(RoutingDirectory routing, CancellationToken cancellationToken) =>
        TypedResults.Ok((await routing.CurrentAsync(cancellationToken)).Neighbourhoods.Select(n => new CodeAndName(n.Code, n.Name)));

    private static async Task<Ok<IEnumerable<CodeAndName>>> ListThemesAsync(RoutingDirectory routing, CancellationToken cancellationToken) =>
        TypedResults.Ok((await routing.CurrentAsync(cancellationToken)).Themes.Select(t => new CodeAndName(t.Code, t.Name)));

    private static async Task<Ok<VersionedConfiguration>> ReadAsync(RoutingDirectory routing, CancellationToken cancellationToken)
    {
        var (configuration, version) = await routing.ReadAsync(cancellationToken);
        return TypedResults.Ok(new VersionedConfiguration(configuration, version));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        VersionedConfiguration request, ClaimsPrincipal user, ReplaceRoutingConfiguration replace, CancellationToken cancellationToken)
    {
        var outcome = await replace.HandleAsync(request.Configuration, request.Version, PlatformUser.From(user)!, cancellationToken);
        if (outcome.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return outcome.Refusals[0].Field is not null ? OutcomeResults.Validation(outcome.Refusals) : OutcomeResults.Problem(outcome.Refusals[0]);
    }
}
