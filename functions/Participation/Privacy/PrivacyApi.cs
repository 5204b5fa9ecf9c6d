using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.Notifications;
using Participation.Storage;

namespace Participation.Privacy;

/// <summary>
/// AVG rights without an account: a resident asks for a link at their e-mail address; following it (within 24 hours)
/// they see what we hold about them and can have it deleted. Asking never reveals whether an address is known.
/// </summary>
public static class PrivacyApi
{
    public const string Table = "PrivacyRequests";

    public sealed record Request(string? Email, string? Locale);
    public sealed record HeldContact(string Subject, string Email, string Locale, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? InitiativeTitle, string? InitiativeStatus);
    public sealed record Export(string Email, IReadOnlyList<HeldContact> Contacts, string Explanation);
    public sealed record Deleted(int ContactsDeleted);

    public static WebApplication MapPrivacyApi(this WebApplication app)
    {
        var privacy = app.MapGroup("/api/privacy").WithTags("Privacy").DisableAntiforgery().AllowAnonymous();
        privacy.MapPost("/requests", RequestLinkAsync).WithName("RequestPrivacyLink").RequireRateLimiting(RateLimits.Submissions);
        privacy.MapGet("/requests/{token}", ExportAsync).WithName("ExportMyData").RequireRateLimiting(RateLimits.Submissions);
        privacy.MapDelete("/requests/{token}/data", DeleteAsync).WithName("DeleteMyData").RequireRateLimiting(RateLimits.Submissions);
        return app;
    }

    public static async Task<Results<Accepted, ValidationProblem>> RequestLinkAsync(
        Request request, TableServiceClient tables, ContactStore contacts, QueueSender queue, IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(request.Email.Trim()))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Give the e-mail address you used."] });
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var locale = request.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
        // The address to answer is itself a contact that retention removes; the request row holds no address.
        await contacts.SaveAsync(new Contact(Subject(token), request.Email.Trim(), locale, now, now), cancellationToken);
        await tables.GetTableClient(Table).AddEntityAsync(new TableEntity(token, "request") { ["ExpiresAt"] = now.AddHours(24) }, cancellationToken);
        await queue.SendAsync(SendNotification.Queue, new NotificationRequested($"privacy-{token}", "privacy-link", Recipient.ContactOf(Subject(token)),
            new Dictionary<string, string> { ["privacyUrl"] = $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/privacy/{token}" }), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Ok<Export>, ProblemHttpResult>> ExportAsync(
        string token, TableServiceClient tables, ContactStore contacts, InitiativeStore initiatives, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VerifiedEmailAsync(token, tables, contacts, clock, cancellationToken) is not { } email)
        {
            return Invalid();
        }

        var held = new List<HeldContact>();
        foreach (var contact in await contacts.FindByEmailAsync(email, cancellationToken))
        {
            var initiative = await initiatives.FindAsync(contact.Subject, cancellationToken);
            held.Add(new HeldContact(contact.Subject, contact.Email, contact.Locale, contact.CreatedAt, contact.ClosedAt, initiative?.Title, initiative?.Status.ToWireName()));
        }

        return TypedResults.Ok(new Export(email, held,
            "We keep your e-mail address per request, apart from its public content, to keep you informed; it is deleted a set time after the request is closed. Initiatives themselves stay public without your address."));
    }

    public static async Task<Results<Ok<Deleted>, ProblemHttpResult>> DeleteAsync(
        string token, TableServiceClient tables, ContactStore contacts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VerifiedEmailAsync(token, tables, contacts, clock, cancellationToken) is not { } email)
        {
            return Invalid();
        }

        var deleted = await contacts.DeleteByEmailAsync(email, cancellationToken);
        await tables.GetTableClient(Table).DeleteEntityAsync(token, "request", ETag.All, cancellationToken);
        return TypedResults.Ok(new Deleted(deleted));
    }

    private static async Task<string?> VerifiedEmailAsync(string token, TableServiceClient tables, ContactStore contacts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (token.Length != 48 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var request = await tables.GetTableClient(Table).GetEntityIfExistsAsync<TableEntity>(token, "request", cancellationToken: cancellationToken);
        if (!request.HasValue || request.Value!.GetDateTimeOffset("ExpiresAt") < clock.GetUtcNow())
        {
            return null;
        }

        return (await contacts.FindAsync(Subject(token), cancellationToken))?.Email;
    }

    private static string Subject(string token) => "privacy-" + token;

    private static ProblemHttpResult Invalid() => TypedResults.Problem(
        "This link is not valid (any more). Ask for a new one.", statusCode: StatusCodes.Status404NotFound, title: "Unknown or expired link");
}
