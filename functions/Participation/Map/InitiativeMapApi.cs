namespace Participation.App.Map;

public static class InitiativeMapApi
{
    /// <summary>
    /// GeoJSON for the maps. Both are literal routes beside <c>/api/initiatives/{trackingCode}</c>, a segment of their own
    /// (<c>initiatives.geojson</c> is not <c>initiatives</c>), so they cannot be taken for a tracking code.
    /// </summary>
    public static WebApplication MapInitiativeMapApi(this WebApplication app)
    {
        var map = app.MapGroup("/api").WithTags("Map").AllowAnonymous();
        map.MapGet("/initiatives.geojson", InitiativesOnMap.HandleAsync).WithName(nameof(InitiativesOnMap))
            .WithSummary("Public initiatives with a point, as a GeoJSON FeatureCollection (application/geo+json)");
        map.MapGet("/neighbourhoods.geojson", NeighbourhoodsOnMap.HandleAsync).WithName(nameof(NeighbourhoodsOnMap))
            .WithSummary("The neighbourhoods' polygons and the municipality's bounds, as GeoJSON");
        return app;
    }
}
