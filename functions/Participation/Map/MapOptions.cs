using System.ComponentModel.DataAnnotations;
using Participation.Initiatives.Geography;

namespace Participation.App.Map;

/// <summary>
/// <c>Map:*</c> settings: the municipality's bounds, a polygon per neighbourhood code (WGS84 degrees) and the tiles under
/// the map. An empty <see cref="TileUrl"/> shows the polygons and markers on a blank background (no network needed).
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";
    /// <summary>The Dutch government's public background map (PDOK BRT achtergrondkaart, WMTS in EPSG:3857).</summary>
    public const string PdokTiles = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

    /// <summary>An XYZ tile template with <c>{z}</c>, <c>{x}</c>, <c>{y}</c>; empty for no tiles.</summary>
    public string? TileUrl { get; set; } = PdokTiles;
    [MaxLength(300)]
    public string TileAttribution { get; set; } = "Kaartgegevens &copy; <a href=\"https://www.kadaster.nl\">Kadaster</a>";
    [Required]
    public BoundsSetting? Bounds { get; set; }
    /// <summary>Neighbourhood code → its outer ring, vertices in order, the first not repeated.</summary>
    public Dictionary<string, List<PointSetting>> Neighbourhoods { get; set; } = [];

    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>The tiles' origin (scheme, host, port) for the Content-Security-Policy's img-src; null without tiles.</summary>
    public string? TileOrigin => HasTiles && Uri.TryCreate(TileUrl!.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;

    public MunicipalityMap ToMap() => new(
        Bounds is { } b ? new GeoBounds(b.South, b.West, b.North, b.East) : new GeoBounds(0, 0, 0, 0),
        Neighbourhoods.ToDictionary(n => n.Key, n => new GeoPolygon(n.Value.Select(p => new GeoPoint(p.Lat, p.Lon))), StringComparer.Ordinal));

    public sealed class BoundsSetting
    {
        public double South { get; set; }
        public double West { get; set; }
        public double North { get; set; }
        public double East { get; set; }
    }

    public sealed class PointSetting
    {
        public double Lat { get; set; }
        public double Lon { get; set; }
    }
}

/// <summary>Refuses to start with a map that cannot check a point: bad bounds, broken or overlapping polygons, a tile URL that is not one.</summary>
public sealed class ValidateMapOptions : IValidateOptions<MapOptions>
{
    public ValidateOptionsResult Validate(string? name, MapOptions options)
    {
        if (options.Bounds is null)
        {
            return ValidateOptionsResult.Skip; // [Required] reports it.
        }

        var problems = options.ToMap().Problems().ToList();
        if (options.HasTiles)
        {
            var template = options.TileUrl!;
            if (options.TileOrigin is not { } origin || !origin.StartsWith("https://", StringComparison.Ordinal) && !origin.StartsWith("http://", StringComparison.Ordinal))
            {
                problems.Add("Map:TileUrl must be an absolute http(s) URL, or empty for no tiles.");
            }

            if (!template.Contains("{z}", StringComparison.Ordinal) || !template.Contains("{x}", StringComparison.Ordinal) || !template.Contains("{y}", StringComparison.Ordinal))
            {
                problems.Add("Map:TileUrl must contain {z}, {x} and {y}.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => "Map: " + p));
    }
}
