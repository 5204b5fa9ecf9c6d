using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Participation.Initiatives.Geography;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.App.MyPage;
using Participation.App.Notifications;
using Participation.App.Privacy;
using Participation.App.Routing;

namespace Participation.App.Initiatives;

/// <summary>
/// The front door: a resident submits an initiative once, completely. The case and everything that must follow (its
/// index row, the routing message, the confirmation e-mail) are stored in one transaction; the answer is its tracking
/// code to follow it. A retried request with the same idempotency key (scoped to the submitter) returns the first
/// request's code instead of a second initiative and completes whatever the first attempt left undone; the same key
/// with a different request is refused.
/// </summary>
public sealed class SubmitInitiative(
    InitiativeStore store,
    RoutingDirectory routing,
    MunicipalityMap map,
    ContactStore contacts,
    Pseudonyms pseudonyms,
    InitiativeLifecycle lifecycle,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    ResidentActivity activity)
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 5_000;
    public const string KeyReusedCode = "idempotency.key_reused";
    public const string OutsideMunicipalityCode = "location.outside_municipality";
    public const string OutsideNeighbourhoodCode = "location.outside_neighbourhood";

    public sealed record Location(double? Lat, double? Lon, string? Address);
    public sealed record Request(string? Title, string? Description, string? Neighbourhood, string? Theme, JsonElement? Location, string? Email, string? Locale);
    public sealed record Response(string TrackingCode, string StatusUrl);

    /// <param name="user">The signed-in user, if any: a resident's submission is theirs (My page, replies without the key).</param>
    /// <param name="idempotencyKey">The client's key for this submission; null or empty for none.</param>
    public async Task<Outcome<Response>> HandleAsync(Request request, PlatformUser? user, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var (refusals, location) = Validate(request, configuration, map);
        if (refusals.Count > 0)
        {
            return Outcome<Response>.Refused(refusals);
        }

        var resident = user is not null && user.IsIn(Roles.Resident) ? "resident-" + pseudonyms.For("submitter", user.Id) : null;
        var code = TrackingCode.New().Value;
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var locale = request.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            // Scoped to the signed-in resident (or to anonymous submitters as a group) and bound to the request's content:
            // a stranger who reuses someone's key gets a refusal, never that person's tracking code.
            var scopedKey = pseudonyms.For("idempotency", $"{resident ?? "anonymous"}|{idempotencyKey}");
            var fingerprint = Fingerprint(request, location);
            var claim = await store.ClaimIdempotencyKeyAsync(scopedKey, code, fingerprint, cancellationToken);
            if (claim.Fingerprint is not null && claim.Fingerprint != fingerprint)
            {
                return InitiativeRefusals.IdempotencyKeyReused;
            }

            code = claim.TrackingCode;
            if (await store.FindAsync(code, cancellationToken) is { } stored)
            {
                await CompleteAsync(stored, email, locale, cancellationToken);
                return await AcceptedAsync(code);
            }
        }

        var submitterId = resident ?? "anonymous-" + pseudonyms.For("submitter", code);
        var (state, entry) = lifecycle.Submit(code, submitterId);
        var initiative = new InitiativeCase
        {
            TrackingCode = code,
            Title = request.Title!.Trim(),
            Description = request.Description!.Trim(),
            Neighbourhood = request.Neighbourhood!.Trim(),
            Theme = string.IsNullOrWhiteSpace(request.Theme) ? null : request.Theme.Trim(),
            ThemeSource = string.IsNullOrWhiteSpace(request.Theme) ? "none" : "resident",
            LocationText = location?.Address,
            Latitude = location?.Lat,
            Longitude = location?.Lon,
            Locale = locale,
            Status = state.Status,
            SubmitterId = state.SubmitterId,
            SubmittedAt = entry.At,
        };

        // The contact first: it lives in another table, and the e-mail queued with the case must find it. A retry with
        // the same key saves it again (an upsert of the same row).
        if (email is not null)
        {
            await contacts.SaveAsync(new Contact(code, email, locale, clock.GetUtcNow(), null), cancellationToken);
        }

        if (!await store.CreateAsync(initiative, entry, cancellationToken, Effects(initiative, email is not null, platform.Value)))
        {
            if (!string.IsNullOrEmpty(idempotencyKey) && await store.FindAsync(code, cancellationToken) is { } raced)
            {
                // Two requests with the same key raced past the claim: the other stored it first.
                await CompleteAsync(raced, email, locale, cancellationToken);
                return await AcceptedAsync(code);
            }

            throw new InvalidOperationException("A fresh tracking code collided with an existing one.");
        }

        return await AcceptedAsync(code);

        async Task<Response> AcceptedAsync(string stored)
        {
            if (user is not null && resident is not null)
            {
                await activity.RecordAsync(user, ResidentActivity.Submitted, stored, cancellationToken);
            }

            return new Response(stored, StatusUrl(stored));
        }
    }

    public static string StatusUrl(string trackingCode) => $"/api/initiatives/{trackingCode}";

    private static List<SideEffect> Effects(InitiativeCase initiative, bool hasContact, PlatformOptions platform)
    {
        var effects = new List<SideEffect> { SideEffect.Enqueue(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(initiative.TrackingCode)) };
        if (hasContact)
        {
            effects.Add(SideEffect.Notify(ReceivedNotification(initiative, platform)));
        }

        return effects;
    }

    internal static Notification ReceivedNotification(InitiativeCase initiative, PlatformOptions platform) =>
        new Notification.AboutInitiative($"{initiative.TrackingCode}-received", Recipient.ContactOf(initiative.TrackingCode),
            Notification.AboutInitiative.Received, InitiativeMessages.Values(initiative, platform));

    /// <summary>
    /// A replay of a stored submission: whatever the first attempt may have left undone is done again. Every step is
    /// idempotent (the contact row is upserted, routing skips a routed case, the e-mail's id is sent once).
    /// </summary>
    private async Task CompleteAsync(InitiativeCase stored, string? email, string locale, CancellationToken cancellationToken)
    {
        if (email is not null && await contacts.FindAsync(stored.TrackingCode, cancellationToken) is null)
        {
            await contacts.SaveAsync(new Contact(stored.TrackingCode, email, locale, clock.GetUtcNow(), null), cancellationToken);
        }

        // Effects the first attempt stored but could not carry out are in the outbox; nothing pending means they were
        // carried out, but a case still waiting for routing, or a confirmation never sent, is queued again to be sure.
        var pending = await store.DispatchAsync(stored.TrackingCode, cancellationToken);
        await store.IndexIfNewerAsync(stored, cancellationToken);
        if (pending == 0 && stored.Status == InitiativeStatus.Submitted)
        {
            await store.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(stored.TrackingCode), cancellationToken);
        }

        var confirmation = ReceivedNotification(stored, platform.Value);
        if (pending == 0 && email is not null && !await store.NotificationSentAsync(confirmation.Id, cancellationToken))
        {
            await store.SendAsync(SendNotification.Queue, confirmation.Request(), cancellationToken);
        }
    }

    private static string Fingerprint(Request request, Location? location)
    {
        var canonical = JsonSerializer.Serialize(new[]
        {
            request.Title?.Trim(), request.Description?.Trim(), request.Neighbourhood?.Trim(),
            string.IsNullOrWhiteSpace(request.Theme) ? null : request.Theme.Trim(),
            location?.Address, location?.Lat?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            location?.Lon?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            request.Email?.Trim().ToLowerInvariant(),
            request.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl",
        });
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Every field's refusal, in the form's order (one per field), and the location as read.</summary>
    internal static (IReadOnlyList<Refusal> Refusals, Location? Location) Validate(
        Request request, RoutingConfiguration configuration, MunicipalityMap map)
    {
        var refusals = new List<Refusal>();

        if (string.IsNullOrWhiteSpace(request.Title)) refusals.Add(InitiativeRefusals.TitleMissing);
        else if (request.Title.Trim().Length > MaxTitle) refusals.Add(InitiativeRefusals.TitleTooLong);

        if (string.IsNullOrWhiteSpace(request.Description)) refusals.Add(InitiativeRefusals.DescriptionMissing);
        else if (request.Description.Trim().Length > MaxDescription) refusals.Add(InitiativeRefusals.DescriptionTooLong);

        var neighbourhoodKnown = false;
        if (string.IsNullOrWhiteSpace(request.Neighbourhood)) refusals.Add(InitiativeRefusals.NeighbourhoodMissing);
        else if (configuration.Neighbourhoods.All(n => n.Code != request.Neighbourhood.Trim())) refusals.Add(InitiativeRefusals.NeighbourhoodUnknown.Format(request.Neighbourhood));
        else neighbourhoodKnown = true;

        if (!string.IsNullOrWhiteSpace(request.Theme) && configuration.Themes.All(t => t.Code != request.Theme.Trim()))
            refusals.Add(InitiativeRefusals.ThemeUnknown.Format(request.Theme));

        if (!string.IsNullOrWhiteSpace(request.Email) && !new EmailAddressAttribute().IsValid(request.Email.Trim()) || request.Email?.Length > 254)
            refusals.Add(InitiativeRefusals.EmailInvalid);

        if (request.Locale is { Length: > 0 } locale && !locale.StartsWith("nl", StringComparison.OrdinalIgnoreCase) && !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            refusals.Add(InitiativeRefusals.LocaleUnknown);

        Location? location = null;
        if (request.Location is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } given)
        {
            location = ReadLocation(given, out var problem);
            if (problem is not null) refusals.Add(problem);
            else if (neighbourhoodKnown && location is { Lat: { } lat, Lon: { } lon }
                     && Refuse(new GeoPoint(lat, lon), request.Neighbourhood!.Trim(), configuration, map) is { } outside)
                refusals.Add(outside);
        }

        return (refusals, location);
    }

    // The point must lie in the municipality and in the chosen neighbourhood: a resident who picks Oosterpark and clicks
    // in Westhaven has made a mistake in one of the two, and routing would otherwise follow the select, not the map.
    private static Refusal? Refuse(GeoPoint point, string neighbourhood, RoutingConfiguration configuration, MunicipalityMap map)
    {
        string NameOf(string code) => configuration.Neighbourhoods.FirstOrDefault(n => n.Code == code)?.Name ?? code;
        switch (map.Check(point, neighbourhood))
        {
            case LocationVerdict.OutsideMunicipality:
                return InitiativeRefusals.OutsideMunicipality;
            case LocationVerdict.OutsideNeighbourhood:
                var name = NameOf(neighbourhood);
                return map.NeighbourhoodAt(point) is { } code && configuration.Neighbourhoods.Any(n => n.Code == code)
                    ? InitiativeRefusals.OutsideNeighbourhoodIn(name, NameOf(code))
                    : InitiativeRefusals.OutsideNeighbourhood.Format(name);
            default:
                return null;
        }
    }

    private static Location? ReadLocation(JsonElement given, out Refusal? problem)
    {
        problem = null;
        if (given.ValueKind == JsonValueKind.String)
        {
            var address = given.GetString()!.Trim();
            if (address.Length is 0 or > 200) problem = InitiativeRefusals.AddressLength;
            return new Location(null, null, address);
        }

        // A number that is not a JSON number (a string "52.1") is refused, not parsed: TryGetDouble throws on those.
        if (given.ValueKind == JsonValueKind.Object
            && given.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number && lat.TryGetDouble(out var latitude)
            && given.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number && lon.TryGetDouble(out var longitude))
        {
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180) problem = InitiativeRefusals.PointOutOfRange;
            string? address = null;
            if (given.TryGetProperty("address", out var text) && text.ValueKind != JsonValueKind.Null)
            {
                address = text.ValueKind == JsonValueKind.String ? text.GetString()!.Trim() : null;
                if (address is null or { Length: 0 or > 200 }) problem = InitiativeRefusals.AddressLength;
            }

            return new Location(latitude, longitude, address);
        }

        problem = InitiativeRefusals.LocationShape;
        return null;
    }
}

/// <summary>The message that starts routing; only the tracking code travels, the case itself is read from storage.</summary>
public sealed record InitiativeSubmitted(string TrackingCode);
