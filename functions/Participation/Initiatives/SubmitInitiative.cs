using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives.Geography;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.Municipality.Tracking;
using Participation.MyPage;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Initiatives;

/// <summary>
/// The front door: a resident submits an initiative once, completely. The case and everything that must follow (its
/// index row, the routing message, the confirmation e-mail) are stored in one transaction; the answer is 202 with a
/// tracking code to follow it. A retried request with the same <c>Idempotency-Key</c> header (scoped to the submitter)
/// returns the first request's code instead of a second initiative and completes whatever the first attempt left undone;
/// the same key with a different request is refused with 422.
/// </summary>
public static class SubmitInitiative
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 5_000;
    public const string KeyReusedCode = "idempotency.key_reused";
    public const string OutsideMunicipalityCode = "location.outside_municipality";
    public const string OutsideNeighbourhoodCode = "location.outside_neighbourhood";

    public sealed record Location(double? Lat, double? Lon, string? Address);
    public sealed record Request(string? Title, string? Description, string? Neighbourhood, string? Theme, JsonElement? Location, string? Email, string? Locale);
    public sealed record Response(string TrackingCode, string StatusUrl);
    /// <summary>A point refused by the map: a stable code, and the text in English (the API's) and Dutch.</summary>
    public sealed record LocationRefusal(string Code, string English, string Dutch);

    public static async Task<Results<Accepted<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request,
        HttpContext http,
        InitiativeStore store,
        RoutingDirectory routing,
        MunicipalityMap map,
        ContactStore contacts,
        QueueSender queue,
        Pseudonyms pseudonyms,
        InitiativeLifecycle lifecycle,
        IOptions<PlatformOptions> platform,
        TimeProvider clock,
        ResidentActivity activity,
        CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var (errors, location, refusal) = Validate(request, configuration, map);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The initiative cannot be submitted yet",
                extensions: refusal is null ? null : new Dictionary<string, object?> { ["code"] = refusal.Code, ["dutch"] = refusal.Dutch });
        }

        var user = PlatformUser.From(http.User);
        var resident = user is not null && user.IsIn(Roles.Resident) ? "resident-" + pseudonyms.For("submitter", user.Id) : null;
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
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
                return TypedResults.Problem(
                    detail: "This Idempotency-Key was used for a different request. Use a new key for a new initiative.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Idempotency-Key reused",
                    extensions: new Dictionary<string, object?> { ["code"] = KeyReusedCode });
            }

            code = claim.TrackingCode;
            if (await store.FindAsync(code, cancellationToken) is { } stored)
            {
                await CompleteAsync(stored, email, locale, store, contacts, platform.Value, clock, cancellationToken);
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
                await CompleteAsync(raced, email, locale, store, contacts, platform.Value, clock, cancellationToken);
                return await AcceptedAsync(code);
            }

            throw new InvalidOperationException("A fresh tracking code collided with an existing one.");
        }

        return await AcceptedAsync(code);

        async Task<Accepted<Response>> AcceptedAsync(string stored)
        {
            if (user is not null && resident is not null)
            {
                await activity.RecordAsync(user, ResidentActivity.Submitted, stored, cancellationToken);
            }

            return Accepted(stored);
        }
    }

    private static List<SideEffect> Effects(InitiativeCase initiative, bool hasContact, PlatformOptions platform)
    {
        var effects = new List<SideEffect> { SideEffect.Enqueue(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(initiative.TrackingCode)) };
        if (hasContact)
        {
            effects.Add(SideEffect.Notify(ReceivedNotification(initiative, platform)));
        }

        return effects;
    }

    internal static NotificationRequested ReceivedNotification(InitiativeCase initiative, PlatformOptions platform) =>
        new($"{initiative.TrackingCode}-received", "initiative-received", Recipient.ContactOf(initiative.TrackingCode),
            InitiativeMessages.Values(initiative, platform));

    /// <summary>
    /// A replay of a stored submission: whatever the first attempt may have left undone is done again. Every step is
    /// idempotent (the contact row is upserted, routing skips a routed case, the e-mail's id is sent once).
    /// </summary>
    private static async Task CompleteAsync(InitiativeCase stored, string? email, string locale, InitiativeStore store, ContactStore contacts,
        PlatformOptions platform, TimeProvider clock, CancellationToken cancellationToken)
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

        var confirmation = ReceivedNotification(stored, platform);
        if (pending == 0 && email is not null && !await store.NotificationSentAsync(confirmation.NotificationId, cancellationToken))
        {
            await store.SendAsync(SendNotification.Queue, confirmation, cancellationToken);
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

    private static Accepted<Response> Accepted(string code)
    {
        var statusUrl = $"/api/initiatives/{code}";
        return TypedResults.Accepted(statusUrl, new Response(code, statusUrl));
    }

    internal static (Dictionary<string, string[]> Errors, Location? Location, LocationRefusal? Refusal) Validate(
        Request request, RoutingConfiguration configuration, MunicipalityMap map)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(request.Title)) Fail("title", "Give your initiative a title.");
        else if (request.Title.Trim().Length > MaxTitle) Fail("title", $"The title may be at most {MaxTitle} characters.");

        if (string.IsNullOrWhiteSpace(request.Description)) Fail("description", "Describe your initiative.");
        else if (request.Description.Trim().Length > MaxDescription) Fail("description", $"The description may be at most {MaxDescription} characters.");

        if (string.IsNullOrWhiteSpace(request.Neighbourhood)) Fail("neighbourhood", "Choose the neighbourhood of your initiative.");
        else if (configuration.Neighbourhoods.All(n => n.Code != request.Neighbourhood.Trim())) Fail("neighbourhood", $"'{request.Neighbourhood}' is not a known neighbourhood; see /api/neighbourhoods.");

        if (!string.IsNullOrWhiteSpace(request.Theme) && configuration.Themes.All(t => t.Code != request.Theme.Trim()))
            Fail("theme", $"'{request.Theme}' is not a known theme; see /api/themes.");

        if (!string.IsNullOrWhiteSpace(request.Email) && !new EmailAddressAttribute().IsValid(request.Email.Trim()) || request.Email?.Length > 254)
            Fail("email", "This is not a valid e-mail address.");

        if (request.Locale is { Length: > 0 } locale && !locale.StartsWith("nl", StringComparison.OrdinalIgnoreCase) && !locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            Fail("locale", "The language must be nl or en.");

        Location? location = null;
        if (request.Location is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } given)
        {
            location = ReadLocation(given, out var problem);
            if (problem is not null) Fail("location", problem);
        }

        var refusal = location is { Lat: { } lat, Lon: { } lon } && !errors.ContainsKey("location") && !errors.ContainsKey("neighbourhood")
            ? Refuse(new GeoPoint(lat, lon), request.Neighbourhood!.Trim(), configuration, map)
            : null;
        if (refusal is not null) Fail("location", refusal.English);

        return (errors, location, refusal);
    }

    // The point must lie in the municipality and in the chosen neighbourhood: a resident who picks Oosterpark and clicks
    // in Westhaven has made a mistake in one of the two, and routing would otherwise follow the select, not the map.
    private static LocationRefusal? Refuse(GeoPoint point, string neighbourhood, RoutingConfiguration configuration, MunicipalityMap map)
    {
        string NameOf(string code) => configuration.Neighbourhoods.FirstOrDefault(n => n.Code == code)?.Name ?? code;
        switch (map.Check(point, neighbourhood))
        {
            case LocationVerdict.OutsideMunicipality:
                return new LocationRefusal(OutsideMunicipalityCode,
                    "The point lies outside the municipality. Choose a point within it, or give no point.",
                    "Het punt ligt buiten de gemeente. Kies een punt binnen de gemeente, of geef geen punt op.");
            case LocationVerdict.OutsideNeighbourhood:
                var name = NameOf(neighbourhood);
                var actual = map.NeighbourhoodAt(point) is { } code && configuration.Neighbourhoods.Any(n => n.Code == code) ? NameOf(code) : null;
                return new LocationRefusal(OutsideNeighbourhoodCode,
                    $"The point is not in {name}." + (actual is null ? $" Choose a point in {name}." : $" It lies in {actual}: choose that neighbourhood or another point."),
                    $"Het punt ligt niet in {name}." + (actual is null ? $" Kies een punt in {name}." : $" Het ligt in {actual}: kies die buurt of een ander punt."));
            default:
                return null;
        }
    }

    private static Location? ReadLocation(JsonElement given, out string? problem)
    {
        problem = null;
        if (given.ValueKind == JsonValueKind.String)
        {
            var address = given.GetString()!.Trim();
            if (address.Length is 0 or > 200) problem = "An address must be 1 to 200 characters.";
            return new Location(null, null, address);
        }

        // A number that is not a JSON number (a string "52.1") is refused, not parsed: TryGetDouble throws on those.
        if (given.ValueKind == JsonValueKind.Object
            && given.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number && lat.TryGetDouble(out var latitude)
            && given.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number && lon.TryGetDouble(out var longitude))
        {
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180) problem = "lat must be -90..90 and lon -180..180.";
            string? address = null;
            if (given.TryGetProperty("address", out var text) && text.ValueKind != JsonValueKind.Null)
            {
                address = text.ValueKind == JsonValueKind.String ? text.GetString()!.Trim() : null;
                if (address is null or { Length: 0 or > 200 }) problem = "An address must be 1 to 200 characters.";
            }

            return new Location(latitude, longitude, address);
        }

        problem = "The location is an address text or {\"lat\": .., \"lon\": .., \"address\"?: ..}.";
        return null;
    }
}

/// <summary>The message that starts routing; only the tracking code travels, the case itself is read from storage.</summary>
public sealed record InitiativeSubmitted(string TrackingCode);
