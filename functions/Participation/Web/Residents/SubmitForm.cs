using System.Text.Json;
using Participation.Initiatives;
using Participation.Initiatives.Routing;

namespace Participation.Web.Residents;

/// <summary>The submission form's fields and errors, shared by the form page and the page that receives it.</summary>
public sealed class SubmitForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Theme { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    /// <summary>Sent as the Idempotency-Key: pressing submit twice gives one initiative.</summary>
    public string? Key { get; set; }

    public RoutingConfiguration Configuration { get; set; } = null!;
    public IDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();
    /// <summary>What went wrong with the form as a whole (not one field), in the resident's language.</summary>
    public string? Problem { get; set; }

    public string? ErrorFor(WebLanguage language, string field) =>
        Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? UseCaseResults.Say(language, messages[0]) : null;

    public SubmitInitiative.Request ToRequest(string locale) => new(
        Title, Description, Neighbourhood, string.IsNullOrWhiteSpace(Theme) ? null : Theme,
        string.IsNullOrWhiteSpace(Address) ? null : JsonSerializer.SerializeToElement(Address.Trim()),
        string.IsNullOrWhiteSpace(Email) ? null : Email, locale);
}
