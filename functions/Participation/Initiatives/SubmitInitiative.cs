using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives.Lifecycle;
using Participation.Initiatives.Routing;
using Participation.Initiatives.Tracking;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Initiatives;

/// <summary>
/// The front door: a resident submits an initiative once, completely. It is stored before anything else happens, then
/// queued for routing; the answer is 202 with a tracking code to follow it. A retried request with the same
/// <c>Idempotency-Key</c> header returns the first request's code instead of a second initiative.
/// </summary>
public static class SubmitInitiative
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 5_000;

    public sealed record Location(double? Lat, double? Lon, string? Address);
    public sealed record Request(string? Title, string? Description, string? Neighbourhood, string? Theme, JsonElement? Location, string? Email, string? Locale);
    public sealed record Response(string TrackingCode, string StatusUrl);

    public static async Task<Results<Accepted<Response>, ValidationProblem>> HandleAsync(
        Request request,
        HttpContext http,
        InitiativeStore store,
        RoutingDirectory routing,
        ContactStore contacts,
        QueueSender queue,
        Pseudonyms pseudonyms,
        InitiativeLifecycle lifecycle,
        IOptions<PlatformOptions> platform,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var (errors, location) = Validate(request, configuration);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The initiative cannot be submitted yet");
        }

        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        var code = TrackingCode.New().Value;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            code = await ClaimIdempotencyKeyAsync(store.Cases, pseudonyms.For("idempotency", idempotencyKey), code, cancellationToken);
            if (await store.FindAsync(code, cancellationToken) is not null)
            {
                return Accepted(code, platform.Value);
            }
        }

        var user = PlatformUser.From(http.User);
        var submitterId = user is not null && user.IsIn(Roles.Resident)
            ? "resident-" + pseudonyms.For("submitter", user.Id)
            : "anonymous-" + pseudonyms.For("submitter", code);
        var (state, entry) = lifecycle.Submit(code, submitterId);
        var locale = request.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
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

        if (!await store.CreateAsync(initiative, entry, cancellationToken))
        {
            throw new InvalidOperationException("A fresh tracking code collided with an existing one.");
        }

        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            await contacts.SaveAsync(new Contact(code, request.Email.Trim(), locale, clock.GetUtcNow(), null), cancellationToken);
            await queue.SendAsync(SendNotification.Queue, new NotificationRequested(
                $"{code}-received", "initiative-received", Recipient.ContactOf(code),
                InitiativeMessages.Values(initiative, platform.Value)), cancellationToken);
        }

        // If this send fails the initiative is still stored as submitted; RescueStrandedSubmissions queues it again.
        await queue.SendAsync(RouteSubmittedInitiative.Queue, new InitiativeSubmitted(code), cancellationToken);
        return Accepted(code, platform.Value);
    }

    private static Accepted<Response> Accepted(string code, PlatformOptions platform)
    {
        var statusUrl = $"/api/initiatives/{code}";
        return TypedResults.Accepted(statusUrl, new Response(code, statusUrl));
    }

    private static async Task<string> ClaimIdempotencyKeyAsync(TableClient table, string key, string code, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity("idempotency", key) { ["TrackingCode"] = code }, cancellationToken);
            return code;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>("idempotency", key, cancellationToken: cancellationToken);
            return existing.Value.GetString("TrackingCode")!;
        }
    }

    internal static (Dictionary<string, string[]> Errors, Location? Location) Validate(Request request, RoutingConfiguration configuration)
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

        return (errors, location);
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

        if (given.ValueKind == JsonValueKind.Object
            && given.TryGetProperty("lat", out var lat) && lat.TryGetDouble(out var latitude)
            && given.TryGetProperty("lon", out var lon) && lon.TryGetDouble(out var longitude))
        {
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180) problem = "lat must be -90..90 and lon -180..180.";
            return new Location(latitude, longitude, null);
        }

        problem = "The location is an address text or {\"lat\": .., \"lon\": ..}.";
        return null;
    }
}

/// <summary>The message that starts routing; only the tracking code travels, the case itself is read from storage.</summary>
public sealed record InitiativeSubmitted(string TrackingCode);
