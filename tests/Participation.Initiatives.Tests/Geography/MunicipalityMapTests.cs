using System.Text.Json;
using Participation.Initiatives.Geography;
using Participation.Initiatives.Routing;

namespace Participation.Initiatives.Tests.Geography;

public sealed class MunicipalityMapTests
{
    private static GeoPolygon Polygon(params (double Lat, double Lon)[] ring) => new(ring.Select(p => new GeoPoint(p.Lat, p.Lon)));

    private static readonly GeoBounds Bounds = new(52.00, 5.00, 52.30, 5.60);

    // Two neighbourhoods side by side, sharing the meridian 5.30 between 52.10 and 52.20.
    private static MunicipalityMap TwoNeighbourhoods() => new(Bounds, new Dictionary<string, GeoPolygon>
    {
        ["west"] = Polygon((52.10, 5.20), (52.20, 5.20), (52.20, 5.30), (52.10, 5.30)),
        ["oost"] = Polygon((52.10, 5.30), (52.20, 5.30), (52.20, 5.40), (52.10, 5.40)),
    });

    [Fact]
    public void A_point_outside_the_bounds_is_outside_the_municipality_whatever_the_neighbourhood()
    {
        var map = TwoNeighbourhoods();

        Assert.Equal(LocationVerdict.OutsideMunicipality, map.Check(new GeoPoint(52.37, 4.90), "west"));      // Amsterdam
        Assert.Equal(LocationVerdict.OutsideMunicipality, map.Check(new GeoPoint(52.15, 5.6001), "oost"));
        Assert.Equal(LocationVerdict.OutsideMunicipality, map.Check(new GeoPoint(double.NaN, 5.3), "oost"));
    }

    [Fact]
    public void A_point_in_the_other_neighbourhood_is_outside_the_chosen_one_and_the_map_knows_where_it_is()
    {
        var map = TwoNeighbourhoods();
        var inOost = new GeoPoint(52.15, 5.35);

        Assert.Equal(LocationVerdict.OutsideNeighbourhood, map.Check(inOost, "west"));
        Assert.Equal(LocationVerdict.Inside, map.Check(inOost, "oost"));
        Assert.Equal("oost", map.NeighbourhoodAt(inOost));
        Assert.Null(map.NeighbourhoodAt(new GeoPoint(52.05, 5.10)));
    }

    [Fact]
    public void A_point_on_the_shared_border_is_allowed_for_both_neighbourhoods()
    {
        var map = TwoNeighbourhoods();
        var border = new GeoPoint(52.15, 5.30);

        Assert.Equal(LocationVerdict.Inside, map.Check(border, "west"));
        Assert.Equal(LocationVerdict.Inside, map.Check(border, "oost"));
        Assert.Equal("oost", map.NeighbourhoodAt(border)); // the first in code order
    }

    [Fact]
    public void A_neighbourhood_without_a_polygon_accepts_any_point_in_the_municipality()
    {
        var map = TwoNeighbourhoods();

        Assert.Equal(LocationVerdict.Inside, map.Check(new GeoPoint(52.15, 5.35), "haven"));
        Assert.Equal(LocationVerdict.OutsideMunicipality, map.Check(new GeoPoint(53.0, 5.35), "haven"));
    }

    [Fact]
    public void Neighbourhoods_that_only_share_a_border_are_a_valid_map()
    {
        Assert.Empty(TwoNeighbourhoods().Problems());
    }

    [Fact]
    public void Overlapping_or_repeated_neighbourhoods_and_bad_bounds_are_reported()
    {
        var square = Polygon((52.10, 5.20), (52.20, 5.20), (52.20, 5.30), (52.10, 5.30));
        var shifted = Polygon((52.15, 5.25), (52.25, 5.25), (52.25, 5.35), (52.15, 5.35));
        var inside = Polygon((52.12, 5.22), (52.18, 5.22), (52.18, 5.28));
        var outside = Polygon((52.10, 5.50), (52.40, 5.50), (52.40, 5.55));

        Assert.Contains("Neighbourhoods 'a' and 'b' overlap.", Problems(("a", square), ("b", shifted)));
        Assert.Contains("Neighbourhoods 'a' and 'b' overlap.", Problems(("a", square), ("b", square)));
        Assert.Contains("Neighbourhoods 'a' and 'b' overlap.", Problems(("a", square), ("b", inside)));
        Assert.Contains("Neighbourhood 'c' reaches outside the municipality's bounds.", Problems(("c", outside)));
        Assert.Contains("The bounds' South must be less than North.", new MunicipalityMap(new GeoBounds(52.3, 5.0, 52.0, 5.6), new Dictionary<string, GeoPolygon>()).Problems());
    }

    [Fact]
    public void The_demo_map_in_appsettings_tiles_the_demo_neighbourhoods_without_overlap()
    {
        var map = DemoMap();
        Assert.Empty(map.Problems());
        Assert.Equal(DemoMunicipality.Neighbourhoods.Select(n => n.Code).Order(), map.Neighbourhoods.Keys.Order());

        // A grid over the polygons' outer rectangle: no point lies strictly inside two neighbourhoods, and every point
        // strictly inside that rectangle lies in one (the five tile it, no gaps).
        var ring = map.Neighbourhoods.Values.SelectMany(p => p.Ring).ToList();
        var (south, north, west, east) = (ring.Min(p => p.Lat), ring.Max(p => p.Lat), ring.Min(p => p.Lon), ring.Max(p => p.Lon));
        var gaps = 0;
        for (var lat = south + 0.0005; lat < north; lat += 0.001)
        {
            for (var lon = west + 0.0005; lon < east; lon += 0.001)
            {
                var point = new GeoPoint(lat, lon);
                var count = map.Neighbourhoods.Values.Count(p => p.StrictlyInside(point));
                Assert.True(count <= 1, $"{lat:F4},{lon:F4} lies in {count} neighbourhoods");
                if (count == 0 && map.Neighbourhoods.Values.All(p => !p.OnBoundary(point))) gaps++;
            }
        }

        // Only the bulges of the outer edges (north and south) leave room outside every polygon within the rectangle.
        var westEdge = map.Check(new GeoPoint(52.155, 5.3401), "westhaven");
        Assert.Equal(LocationVerdict.Inside, westEdge);
        Assert.Equal("binnenstad", map.NeighbourhoodAt(new GeoPoint(52.155, 5.3875)));
        Assert.True(gaps < 700, $"{gaps} grid points fall between neighbourhoods");
    }

    private static IReadOnlyList<string> Problems(params (string Code, GeoPolygon Polygon)[] polygons) =>
        new MunicipalityMap(Bounds, polygons.ToDictionary(p => p.Code, p => p.Polygon)).Problems();

    /// <summary>The <c>Map</c> section of the app's appsettings.json, read as the app binds it.</summary>
    internal static MunicipalityMap DemoMap()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Participation.sln"))) directory = directory.Parent;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "functions", "Participation", "appsettings.json")));
        var section = json.RootElement.GetProperty("Map");
        var b = section.GetProperty("Bounds");
        return new MunicipalityMap(
            new GeoBounds(b.GetProperty("South").GetDouble(), b.GetProperty("West").GetDouble(), b.GetProperty("North").GetDouble(), b.GetProperty("East").GetDouble()),
            section.GetProperty("Neighbourhoods").EnumerateObject().ToDictionary(
                n => n.Name,
                n => new GeoPolygon(n.Value.EnumerateArray().Select(p => new GeoPoint(p.GetProperty("Lat").GetDouble(), p.GetProperty("Lon").GetDouble())))));
    }
}
