using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Following;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.App.Notifications;

namespace Participation.IntegrationTests.Following;

/// <summary>
/// A private platform whose e-mail goes to the local outbox mail sender (no SendGrid key), with queues that can be made
/// to fail on demand and a public address that is not the local one, so tests see where links point.
/// </summary>
public sealed partial class FollowingFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://participatie.voorbeeldstad.test";

    public BackOffice Office { get; private set; } = null!;
    public FailingQueues Queues { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Office = await BackOffice.StartAsync(
            extra: new Dictionary<string, string?>
            {
                ["SendGrid:ApiKey"] = "",
                ["Platform:PublicBaseUrl"] = PublicBaseUrl,
                ["RateLimits:supports:PermitLimit"] = "1000",
                ["Privacy:MaxMailsPerAddressPerHour"] = "1000",
            },
            services: s => s.AddSingleton<QueueServiceClient>(provider =>
                new FailingQueues(provider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["AzureWebJobsStorage"]!)));
        Queues = (FailingQueues)Office.Factory.Services.GetRequiredService<QueueServiceClient>();
    }

    public async Task DisposeAsync() => await Office.DisposeAsync();

    public Followers Followers => Office.Factory.Services.GetRequiredService<Followers>();

    /// <summary>Every e-mail the local outbox mail sender holds for <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<OutboxMailSender.OutboxEmail>> MailToAsync(string to) =>
        [.. (await OutboxMailSender.ReadAsync(Office.Factory.Services.GetRequiredService<TableServiceClient>(), 10_000, CancellationToken.None)).Where(m => m.To == to)];

    public async Task<OutboxMailSender.OutboxEmail> WaitForMailAsync(string to, Func<OutboxMailSender.OutboxEmail, bool> which, string what, int timeoutSeconds = 30)
    {
        OutboxMailSender.OutboxEmail? found = null;
        await Eventually.HoldsAsync(async () => (found = (await MailToAsync(to)).FirstOrDefault(which)) is not null, what, TimeSpan.FromSeconds(timeoutSeconds));
        return found!;
    }

    /// <summary>Submits an initiative in Binnenstad (routed to Lotte Smit) and waits until it is routed.</summary>
    public async Task<string> RoutedInitiativeAsync(string title, string submitter, string locale = "nl")
    {
        var code = await Office.SubmitAsync(new { title, description = "Een bankje bij de speeltuin.", neighbourhood = "binnenstad", theme = "groen", email = submitter, locale });
        await Office.WaitForStatusAsync(code, "routed");
        return code;
    }

    /// <summary>Follows by e-mail and opens the link from the confirmation mail, as a resident would.</summary>
    public async Task FollowAndConfirmAsync(string code, string email, string locale = "nl")
    {
        var before = (await MailToAsync(email)).Count(m => m.Subject.Contains(code));
        var response = await Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers", new { email, locale });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(async () => (await MailToAsync(email)).Count(m => m.Subject.Contains(code)) > before, $"{email} has the confirmation link");
        var confirm = (await Office.Anonymous.PostAsJsonAsync($"/api/initiatives/{code}/followers/confirm", new { token = TokenIn((await MailToAsync(email)).First(m => m.Subject.Contains(code)).Body) }));
        Assert.True(confirm.IsSuccessStatusCode, await confirm.Content.ReadAsStringAsync());
    }

    public static string TokenIn(string body) => ConfirmLink().Match(body) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("no confirmation link in: " + body);

    [GeneratedRegex(@"/volgen/bevestigen\?token=([0-9a-f]{40})")]
    private static partial Regex ConfirmLink();

    /// <summary>An official acts on the case through the API with the case's current version.</summary>
    public async Task ActAsync(string code, string action, object? fields = null, string official = "lotte.smit")
    {
        var client = await Office.Factory.AsAsync(official);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();
        var body = JsonSerializer.SerializeToElement(fields ?? new { }).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["version"] = version;
        var response = await client.PostAsJsonAsync($"/api/cases/{code}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
