using System.Text.Json;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Routing;

namespace Participation.App.Web.Residents;

/// <summary>The submission form's fields and errors, shared by the form page and the page that receives it.</summary>
public sealed class SubmitForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Theme { get; set; }
    public string? Address { get; set; }
    /// <summary>The point chosen on the map (hidden fields the map script fills), WGS84 degrees with a dot; empty for none.</summary>
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Email { get; set; }
    /// <summary>Sent as the Idempotency-Key: pressing submit twice gives one initiative.</summary>
    public string? Key { get; set; }

    public RoutingConfiguration Configuration { get; set; } = null!;
    /// <summary>Why the submission was refused, one refusal per field.</summary>
    public IReadOnlyList<Refusal> Errors { get; set; } = [];
    /// <summary>What went wrong with the form as a whole (not one field), in the resident's language.</summary>
    public string? Problem { get; set; }

    public string? ErrorFor(WebLanguage language, string field) =>
        Errors.FirstOrDefault(refusal => refusal.Field == field)?.In(language.IsEnglish);

    public bool HasPoint => !string.IsNullOrWhiteSpace(Latitude) || !string.IsNullOrWhiteSpace(Longitude);

    public SubmitInitiative.Request ToRequest(string locale) => new(
        Title, Description, Neighbourhood, string.IsNullOrWhiteSpace(Theme) ? null : Theme, Location(),
        string.IsNullOrWhiteSpace(Email) ? null : Email, locale);

    // As the API takes it: the address alone as text, a point as {"lat","lon","address"?}. Numbers that do not parse
    // are passed on as text, so the handler refuses them with its own message instead of the point silently vanishing.
    private JsonElement? Location()
    {
        var address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim();
        if (!HasPoint)
        {
            return address is null ? null : JsonSerializer.SerializeToElement(address);
        }

        object Number(string? value) =>
            double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : value ?? "";
        return JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["lat"] = Number(Latitude), ["lon"] = Number(Longitude), ["address"] = address });
    }
}
