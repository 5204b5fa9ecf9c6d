using CsCheck;
using Participation.Initiatives.Geography;

namespace Participation.Initiatives.Tests.Geography;

public sealed class GeoPolygonTests
{
    private static GeoPolygon Polygon(params (double Lat, double Lon)[] ring) => new(ring.Select(p => new GeoPoint(p.Lat, p.Lon)));

    // 52.10–52.20 N, 5.30–5.40 E.
    private static readonly GeoPolygon Square = Polygon((52.10, 5.30), (52.20, 5.30), (52.20, 5.40), (52.10, 5.40));

    [Theory]
    [InlineData(52.15, 5.35, true)]     // middle
    [InlineData(52.25, 5.35, false)]    // north of it
    [InlineData(52.15, 5.45, false)]    // east of it
    [InlineData(52.15, 5.25, false)]    // west: the ray towards the east crosses both sides
    [InlineData(52.10, 5.35, true)]     // on the southern edge
    [InlineData(52.20, 5.40, true)]     // on a vertex
    [InlineData(52.0999, 5.35, false)]  // just south of the edge
    public void A_point_is_inside_a_square_when_within_it_or_on_its_border(double lat, double lon, bool inside)
    {
        Assert.Equal(inside, Square.Contains(new GeoPoint(lat, lon)));
    }

    [Fact]
    public void A_point_in_the_notch_of_a_concave_polygon_is_outside()
    {
        // An L: the north-east quarter of the square is cut away.
        var l = Polygon((52.10, 5.30), (52.20, 5.30), (52.20, 5.35), (52.15, 5.35), (52.15, 5.40), (52.10, 5.40));

        Assert.False(l.Contains(new GeoPoint(52.18, 5.38)));
        Assert.True(l.Contains(new GeoPoint(52.18, 5.32)));
        Assert.True(l.Contains(new GeoPoint(52.12, 5.38)));
        Assert.True(l.Contains(new GeoPoint(52.15, 5.37)), "on the inner edge of the notch");
    }

    [Fact]
    public void A_ray_through_a_vertex_is_counted_once()
    {
        var diamond = Polygon((52.10, 5.35), (52.15, 5.30), (52.20, 5.35), (52.15, 5.40));

        // The ray east from these points passes exactly through the eastern vertex (52.15, 5.40).
        Assert.True(diamond.Contains(new GeoPoint(52.15, 5.35)));
        Assert.False(diamond.Contains(new GeoPoint(52.15, 5.25)));
        // And through the northern vertex's latitude from outside.
        Assert.False(diamond.Contains(new GeoPoint(52.20, 5.30)));
    }

    [Fact]
    public void A_closed_ring_is_the_same_polygon_as_an_open_one()
    {
        var closed = Polygon((52.10, 5.30), (52.20, 5.30), (52.20, 5.40), (52.10, 5.40), (52.10, 5.30));

        Assert.Equal(4, closed.Ring.Count);
        Assert.True(closed.Contains(new GeoPoint(52.15, 5.35)));
        Assert.Empty(closed.Problems());
    }

    [Fact]
    public void A_bow_tie_and_a_line_are_reported()
    {
        var bowTie = Polygon((52.10, 5.30), (52.20, 5.40), (52.20, 5.30), (52.10, 5.40));
        var line = Polygon((52.10, 5.30), (52.15, 5.35), (52.20, 5.40));

        Assert.Contains("crosses itself", bowTie.Problems());
        Assert.Contains("has no area", line.Problems());
        Assert.Contains("needs at least three different vertices", Polygon((52.1, 5.3), (52.2, 5.4)).Problems());
    }

    [Fact]
    public void Containment_in_a_rectangle_agrees_with_comparing_coordinates()
    {
        var rectangles = Gen.Select(Gen.Double[50, 54], Gen.Double[3, 7], Gen.Double[0.001, 0.5], Gen.Double[0.001, 0.5]);
        var points = Gen.Select(Gen.Double[49, 55], Gen.Double[2, 8]);
        Gen.Select(rectangles, points).Sample(sample =>
        {
            var ((south, west, height, width), (lat, lon)) = sample;
            var (north, east) = (south + height, west + width);
            var polygon = Polygon((south, west), (north, west), (north, east), (south, east));
            var expected = lat >= south && lat <= north && lon >= west && lon <= east;
            return polygon.Contains(new GeoPoint(lat, lon)) == expected
                && new GeoBounds(south, west, north, east).Contains(new GeoPoint(lat, lon)) == expected;
        }, iter: 5_000);
    }
}
