using Participation.Initiatives.Geography;

namespace Participation.App.Map;

/// <summary>The few GeoJSON (RFC 7946) shapes the maps need; positions are <c>[lon, lat]</c>.</summary>
public static class GeoJson
{
    public const string ContentType = "application/geo+json";

    public sealed record FeatureCollection<TProperties>(
        IReadOnlyList<Feature<TProperties>> Features,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] double[]? Bbox = null)
    {
        public string Type => "FeatureCollection";
    }

    public sealed record Feature<TProperties>(string Id, Geometry Geometry, TProperties Properties)
    {
        public string Type => "Feature";
    }

    /// <summary>A Point (<c>double[]</c>) or a Polygon (<c>double[][][]</c>); one record keeps the serialiser free of polymorphism.</summary>
    public sealed record Geometry(string Type, object Coordinates)
    {
        public static Geometry Point(GeoPoint point) => new("Point", new[] { point.Lon, point.Lat });

        /// <summary>A closed ring, counter-clockwise as RFC 7946 asks of an exterior ring.</summary>
        public static Geometry Polygon(GeoPolygon polygon)
        {
            var ring = polygon.Area() >= 0 ? polygon.Ring.ToList() : polygon.Ring.Reverse().ToList();
            ring.Add(ring[0]);
            return new Geometry("Polygon", new[] { ring.Select(p => new[] { p.Lon, p.Lat }).ToArray() });
        }
    }
}
