using Microsoft.AspNetCore.Http.HttpResults;
using Participation.Initiatives.Geography;
using Participation.App.Routing;

namespace Participation.App.Map;

/// <summary><c>GET /api/neighbourhoods.geojson</c>: a Polygon per neighbourhood that has one, named as the routing directory names it.</summary>
public static class NeighbourhoodsOnMap
{
    public sealed record Properties(string Code, string Name);

    public static async Task<JsonHttpResult<GeoJson.FeatureCollection<Properties>>> HandleAsync(
        MunicipalityMap map, RoutingDirectory routing, HttpContext http, CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var features = configuration.Neighbourhoods
            .Where(n => map.Neighbourhoods.ContainsKey(n.Code))
            .Select(n => new GeoJson.Feature<Properties>(n.Code, GeoJson.Geometry.Polygon(map.Neighbourhoods[n.Code]), new Properties(n.Code, n.Name)))
            .ToList();
        var b = map.Bounds;
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Json(new GeoJson.FeatureCollection<Properties>(features, [b.West, b.South, b.East, b.North]), contentType: GeoJson.ContentType);
    }
}
