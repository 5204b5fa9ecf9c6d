namespace Participation.Initiatives.Geography;

/// <summary>What a check of a resident's point says.</summary>
public enum LocationVerdict
{
    Inside,
    OutsideMunicipality,
    OutsideNeighbourhood,
}

/// <summary>
/// The municipality's bounds and the polygon of each neighbourhood (by code). A neighbourhood without a polygon accepts
/// any point within the bounds: polygons may be added one at a time.
/// </summary>
public sealed class MunicipalityMap(GeoBounds bounds, IReadOnlyDictionary<string, GeoPolygon> neighbourhoods)
{
    public GeoBounds Bounds { get; } = bounds;
    public IReadOnlyDictionary<string, GeoPolygon> Neighbourhoods { get; } = neighbourhoods;

    public LocationVerdict Check(GeoPoint point, string neighbourhood)
    {
        if (!point.IsValid || !Bounds.Contains(point))
        {
            return LocationVerdict.OutsideMunicipality;
        }

        return Neighbourhoods.TryGetValue(neighbourhood, out var polygon) && !polygon.Contains(point)
            ? LocationVerdict.OutsideNeighbourhood
            : LocationVerdict.Inside;
    }

    /// <summary>The neighbourhood the point lies in, or null; on a shared border, the first in code order.</summary>
    public string? NeighbourhoodAt(GeoPoint point) =>
        Bounds.Contains(point)
            ? Neighbourhoods.OrderBy(n => n.Key, StringComparer.Ordinal).FirstOrDefault(n => n.Value.Contains(point)).Key
            : null;

    /// <summary>What is wrong with this map; empty when submissions can be checked against it.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Bounds.Problems());
        var polygons = Neighbourhoods.OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
        foreach (var (code, polygon) in polygons)
        {
            problems.AddRange(polygon.Problems().Select(p => $"Neighbourhood '{code}' {p}."));
            if (polygon.Ring.Any(p => !Bounds.Contains(p)))
            {
                problems.Add($"Neighbourhood '{code}' reaches outside the municipality's bounds.");
            }
        }

        for (var i = 0; i < polygons.Count; i++)
        {
            for (var j = i + 1; j < polygons.Count; j++)
            {
                var (a, pa) = polygons[i];
                var (b, pb) = polygons[j];
                // Neighbourhoods may share borders, never area: crossing edges, a vertex of one strictly inside the other,
                // or an inner point of one inside the other (the same polygon twice) is an overlap.
                if (pa.EdgesCross(pb) || pa.Ring.Any(pb.StrictlyInside) || pb.Ring.Any(pa.StrictlyInside)
                    || pa.InteriorPoint() is { } ia && pb.StrictlyInside(ia) || pb.InteriorPoint() is { } ib && pa.StrictlyInside(ib))
                {
                    problems.Add($"Neighbourhoods '{a}' and '{b}' overlap.");
                }
            }
        }

        return problems;
    }
}
