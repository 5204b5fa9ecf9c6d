using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Participation.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback stand-in for the SendGrid API (the real SendGrid client points at it through SendGridClientOptions.Host).
/// It records every mail it accepts, and answers 500 for mail whose subject contains <see cref="FailMarker"/>.
/// </summary>
public sealed class SendGridStub : IAsyncDisposable
{
    public const string FailMarker = "SENDGRID-FAIL";
    private readonly WebApplication app;

    public sealed record Mail(string To, string Subject, string Body);

    public ConcurrentQueue<Mail> Accepted { get; } = new();
    public ConcurrentQueue<Mail> Refused { get; } = new();
    public string Url { get; }

    private SendGridStub(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public static async Task<SendGridStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        SendGridStub? stub = null;
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
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
                stub!.Refused.Enqueue(mail);
                return Results.StatusCode(500);
            }

            stub!.Accepted.Enqueue(mail);
            return Results.StatusCode(202);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new SendGridStub(app, url);
        return stub;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
