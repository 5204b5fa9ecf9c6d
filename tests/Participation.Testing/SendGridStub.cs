using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Participation.Testing;

/// <summary>
/// A loopback stand-in for the SendGrid API (the real SendGrid client points at it through SendGridClientOptions.Host).
/// It records every mail it accepts, and answers 500 for mail whose subject contains <see cref="FailMarker"/>.
/// </summary>
public sealed class SendGridStub : LoopbackStub
{
    public const string FailMarker = "SENDGRID-FAIL";

    public sealed record Mail(string To, string Subject, string Body);

    public ConcurrentQueue<Mail> Accepted { get; } = new();
    public ConcurrentQueue<Mail> Refused { get; } = new();

    public static Task<SendGridStub> StartAsync() => StartAsync(new SendGridStub());

    protected override void Map(WebApplication app) => app.MapPost("/v3/mail/send", async (HttpRequest request) =>
    {
        if (request.Headers.Authorization.ToString() != "Bearer SG.test-key")
        {
            return Results.StatusCode(401);
        }

        var body = await JsonDocument.ParseAsync(request.Body);
        var personalization = body.RootElement.GetProperty("personalizations")[0];
        var mail = new Mail(
            personalization.GetProperty("to")[0].GetProperty("email").GetString()!,
            body.RootElement.TryGetProperty("subject", out var subject) ? subject.GetString()! : personalization.GetProperty("subject").GetString()!,
            body.RootElement.GetProperty("content")[0].GetProperty("value").GetString()!);
        if (mail.Subject.Contains(FailMarker, StringComparison.Ordinal))
        {
            Refused.Enqueue(mail);
            return Results.StatusCode(500);
        }

        Accepted.Enqueue(mail);
        return Results.StatusCode(202);
    });
}
