using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Identity;
using Participation.Initiatives.Routing;

namespace Participation.Routing;

public static class RoutingApi
{
    public sealed record CodeAndName(string Code, string Name);
    public sealed record VersionedConfiguration(RoutingConfiguration Configuration, string Version);

    public static WebApplication MapRoutingApi(this WebApplication app)
    {
        app.MapGet("/api/neighbourhoods", async (RoutingDirectory routing, CancellationToken ct) =>
                TypedResults.Ok((await routing.CurrentAsync(ct)).Neighbourhoods.Select(n => new CodeAndName(n.Code, n.Name))))
            .WithName("ListNeighbourhoods").WithTags("Reference data").AllowAnonymous();
        app.MapGet("/api/themes", async (RoutingDirectory routing, CancellationToken ct) =>
                TypedResults.Ok((await routing.CurrentAsync(ct)).Themes.Select(t => new CodeAndName(t.Code, t.Name))))
            .WithName("ListThemes").WithTags("Reference data").AllowAnonymous();

        var admin = app.MapGroup("/api/admin/routing").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", async (RoutingDirectory routing, CancellationToken ct) =>
        {
            var (configuration, version) = await routing.ReadAsync(ct);
            return TypedResults.Ok(new VersionedConfiguration(configuration, version));
        }).WithName("GetRoutingConfiguration");
        admin.MapPut("/", ReplaceAsync).WithName("ReplaceRoutingConfiguration");
        return app;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        VersionedConfiguration request, HttpContext http, RoutingDirectory routing, CancellationToken cancellationToken)
    {
        var admin = PlatformUser.From(http.User)!;
        var (outcome, problems) = await routing.ReplaceAsync(request.Configuration, request.Version, admin, cancellationToken);
        return outcome switch
        {
            RoutingDirectory.ReplaceOutcome.Replaced => TypedResults.NoContent(),
            RoutingDirectory.ReplaceOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["configuration"] = [.. problems] }),
            _ => TypedResults.Problem(problems[0], statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else"),
        };
    }
}
