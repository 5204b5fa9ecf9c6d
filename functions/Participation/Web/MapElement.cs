namespace Participation.App.Web;

/// <summary>
/// A map drawn by <c>wwwroot/js/map.js</c> (Leaflet) from data attributes <c>Shared/_Map.cshtml</c> writes. Mode
/// <c>list</c> shows the markers of <see cref="InitiativesUrl"/>, <c>initiative</c> one point, <c>picker</c> lets the
/// resident choose a point on the submit form. Without JavaScript nothing is shown: the page says it all in text.
/// </summary>
public sealed record MapElement(string Id, string Mode, string Label)
{
    public string? InitiativesUrl { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? MarkerLabel { get; init; }
}
