namespace Participation.Initiatives.Geography;

/// <summary>
/// One outer ring (no holes), its first vertex not repeated at the end. Degrees are treated as a plane: at the size of a
/// municipality the error is far below what a click on a map can tell apart. A point on an edge or vertex is inside, so a
/// point on the border of two neighbourhoods is allowed for either.
/// </summary>
public sealed class GeoPolygon
{
    // About 1 mm: floating-point noise on an edge must not decide which side a point is on.
    private const double Tolerance = 1e-8;

    public GeoPolygon(IEnumerable<GeoPoint> ring)
    {
        var points = ring.ToList();
        if (points.Count > 1 && points[0] == points[^1])
        {
            points.RemoveAt(points.Count - 1);
        }

        Ring = points;
    }

    public IReadOnlyList<GeoPoint> Ring { get; }

    public bool Contains(GeoPoint point) => OnBoundary(point) || StrictlyInside(point);

    public bool OnBoundary(GeoPoint point)
    {
        for (var i = 0; i < Ring.Count; i++)
        {
            if (OnSegment(point, Ring[i], Ring[(i + 1) % Ring.Count]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Inside and not on an edge: crossing count of a ray towards growing longitude.</summary>
    public bool StrictlyInside(GeoPoint point)
    {
        if (Ring.Count < 3 || OnBoundary(point))
        {
            return false;
        }

        var inside = false;
        for (int i = 0, j = Ring.Count - 1; i < Ring.Count; j = i++)
        {
            var a = Ring[i];
            var b = Ring[j];
            // Half-open on latitude, so a ray through a vertex counts the two edges meeting there once together.
            if (a.Lat > point.Lat != b.Lat > point.Lat)
            {
                var lonAtLat = a.Lon + (point.Lat - a.Lat) * (b.Lon - a.Lon) / (b.Lat - a.Lat);
                if (point.Lon < lonAtLat)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Whether an edge of this ring and an edge of <paramref name="other"/> cross at a point inside both edges.</summary>
    public bool EdgesCross(GeoPolygon other)
    {
        for (var i = 0; i < Ring.Count; i++)
        {
            for (var j = 0; j < other.Ring.Count; j++)
            {
                if (ProperlyCross(Ring[i], Ring[(i + 1) % Ring.Count], other.Ring[j], other.Ring[(j + 1) % other.Ring.Count]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public IEnumerable<string> Problems()
    {
        if (Ring.Distinct().Count() < 3) yield return "needs at least three different vertices";
        if (Ring.Any(p => !p.IsValid)) yield return "has a vertex that is not WGS84 degrees";
        // Square degrees: 1e-12 is under a hundredth of a square metre here, far below any real neighbourhood, and above
        // the rounding noise of the shoelace sum over coordinates of about 50.
        if (Math.Abs(Area()) < 1e-12) yield return "has no area";
        for (var i = 0; i < Ring.Count; i++)
        {
            for (var j = i + 2; j < Ring.Count; j++)
            {
                if (i == 0 && j == Ring.Count - 1) continue;
                if (ProperlyCross(Ring[i], Ring[i + 1], Ring[j], Ring[(j + 1) % Ring.Count]))
                {
                    yield return "crosses itself";
                    yield break;
                }
            }
        }
    }

    /// <summary>A point strictly inside the ring (a centroid of one of its fan triangles), or null for a ring without area.</summary>
    public GeoPoint? InteriorPoint()
    {
        for (var i = 1; i + 1 < Ring.Count; i++)
        {
            var candidate = new GeoPoint((Ring[0].Lat + Ring[i].Lat + Ring[i + 1].Lat) / 3, (Ring[0].Lon + Ring[i].Lon + Ring[i + 1].Lon) / 3);
            if (StrictlyInside(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Signed area in square degrees (shoelace); its sign tells the ring's direction, which does not matter here.</summary>
    public double Area()
    {
        var sum = 0.0;
        for (var i = 0; i < Ring.Count; i++)
        {
            var a = Ring[i];
            var b = Ring[(i + 1) % Ring.Count];
            sum += a.Lon * b.Lat - b.Lon * a.Lat;
        }

        return sum / 2;
    }

    private static double Cross(GeoPoint o, GeoPoint a, GeoPoint b) => (a.Lon - o.Lon) * (b.Lat - o.Lat) - (a.Lat - o.Lat) * (b.Lon - o.Lon);

    private static bool OnSegment(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var length = Math.Sqrt((b.Lon - a.Lon) * (b.Lon - a.Lon) + (b.Lat - a.Lat) * (b.Lat - a.Lat));
        if (Math.Abs(Cross(a, b, p)) > Tolerance * Math.Max(length, Tolerance))
        {
            return false;
        }

        return p.Lon >= Math.Min(a.Lon, b.Lon) - Tolerance && p.Lon <= Math.Max(a.Lon, b.Lon) + Tolerance
            && p.Lat >= Math.Min(a.Lat, b.Lat) - Tolerance && p.Lat <= Math.Max(a.Lat, b.Lat) + Tolerance;
    }

    private static bool ProperlyCross(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d)
    {
        var d1 = Cross(c, d, a);
        var d2 = Cross(c, d, b);
        var d3 = Cross(a, b, c);
        var d4 = Cross(a, b, d);
        const double eps = Tolerance * Tolerance;
        return (d1 > eps && d2 < -eps || d1 < -eps && d2 > eps) && (d3 > eps && d4 < -eps || d3 < -eps && d4 > eps);
    }
}
