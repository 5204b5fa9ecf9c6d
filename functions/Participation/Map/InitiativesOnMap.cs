using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;

namespace Participation.App.Map;

/// <summary>
/// <c>GET /api/initiatives.geojson</c>: the initiatives the public list shows, those with a point, as map markers —
/// tracking code, title, status, theme, neighbourhood and link only. No submitter, contact, address text or description.
/// </summary>
public static class InitiativesOnMap
{
    /// <summary>Markers per answer: the newest; a municipality has thousands of initiatives, a map shows what it can.</summary>
    public const int MaxFeatures = 1000;

    public sealed record Properties(string TrackingCode, string Title, string Status, string? Theme, string Neighbourhood, string Url);

    public static async Task<Results<JsonHttpResult<GeoJson.FeatureCollection<Properties>>, ValidationProblem>> HandleAsync(
        InitiativeStore store, IOptions<PlatformOptions> platform, HttpContext http,
        string? neighbourhood, string? status, string? theme, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(status) && !InitiativeStatusNames.TryParse(status, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Unknown status; one of: {string.Join(", ", InitiativeStatusNames.All)}."] });
        }

        var located = await store.ListLocatedAsync(new InitiativeFilter(neighbourhood, theme, status), MaxFeatures, cancellationToken);
        var site = platform.Value.PublicBaseUrl.TrimEnd('/');
        var features = located.Select(i => new GeoJson.Feature<Properties>(
                i.TrackingCode,
                GeoJson.Geometry.Point(i.Point),
                new Properties(i.TrackingCode, i.Title, i.Status.ToWireName(), i.Theme, i.Neighbourhood, $"{site}/initiatieven/{i.TrackingCode}")))
            .ToList();
        // Shared caches may keep it briefly: the answer is public and the same for everyone.
        http.Response.Headers.CacheControl = "public, max-age=30";
        return TypedResults.Json(new GeoJson.FeatureCollection<Properties>(features), contentType: GeoJson.ContentType);
    }
}
