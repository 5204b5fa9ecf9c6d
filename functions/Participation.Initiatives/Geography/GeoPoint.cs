namespace Participation.Initiatives.Geography;

/// <summary>A WGS84 position in degrees. GeoJSON writes it the other way round: <c>[lon, lat]</c>.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public bool IsValid => double.IsFinite(Lat) && double.IsFinite(Lon) && Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;
}

/// <summary>A rectangle in degrees, edges included: the municipality's bounds.</summary>
public sealed record GeoBounds(double South, double West, double North, double East)
{
    public bool Contains(GeoPoint point) =>
        point.Lat >= South && point.Lat <= North && point.Lon >= West && point.Lon <= East;

    public IEnumerable<string> Problems()
    {
        if (!new GeoPoint(South, West).IsValid || !new GeoPoint(North, East).IsValid) yield return "The bounds must be WGS84 degrees (lat -90..90, lon -180..180).";
        if (South >= North) yield return "The bounds' South must be less than North.";
        if (West >= East) yield return "The bounds' West must be less than East.";
    }
}
