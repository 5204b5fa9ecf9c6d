using Participation.Demo;
using Participation.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.Municipality.Tracking;
using Participation.Storage;

namespace Participation.Map;

/// <summary>Development: three initiatives with a point in the demo polygons, so the maps have markers from the first start.</summary>
public sealed class MapDemoSeed(InitiativeStore store, InitiativeLifecycle lifecycle, QueueSender queue) : IDemoSeed
{
    private static readonly (string Title, string Description, string Neighbourhood, string? Theme, double Lat, double Lon)[] Located =
    [
        ("Watertappunt bij de Grote Kerk", "Een kraan met drinkwater op het kerkplein, voor wandelaars en marktbezoekers.", "binnenstad", "groen", 52.1556, 5.3862),
        ("Oversteekplaats bij het Oosterparkbad", "Kinderen steken de drukke weg naar het zwembad over zonder zebrapad.", "oosterpark", "verkeer", 52.1580, 5.4210),
        ("Jeu-de-boulesbaan aan de Havenkade", "Een baan langs het water waar buren elkaar ontmoeten.", "westhaven", "ontmoeting", 52.1500, 5.3500),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (title, description, neighbourhood, theme, lat, lon) in Located)
        {
            var code = TrackingCode.New().Value;
            var (state, entry) = lifecycle.Submit(code, "anonymous-demo-" + code);
            await store.CreateAsync(new InitiativeCase
            {
                TrackingCode = code, Title = title, Description = description, Neighbourhood = neighbourhood, Theme = theme, ThemeSource = "resident",
                Latitude = lat, Longitude = lon, Status = state.Status, SubmitterId = state.SubmitterId, SubmittedAt = entry.At,
            }, entry, cancellationToken);
            await queue.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(code), cancellationToken);
        }
    }
}
