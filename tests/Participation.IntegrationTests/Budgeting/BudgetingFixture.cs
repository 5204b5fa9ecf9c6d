using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Budgeting;

/// <summary>One platform on real Azurite for the budgeting tests; each test works on budgets of its own.</summary>
public sealed class BudgetingFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = null!;
    public LogCapture Logs { get; } = new();
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Council { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    // The fixture of the running test class, so a failed request can show the app's own error.
    private static BudgetingFixture? Current;

    public async Task InitializeAsync()
    {
        Current = this;
        Factory = new PlatformFactory(await Azurite.SharedConnectionStringAsync(), new Dictionary<string, string?>
        {
            ["FunctionHost:RunTriggers"] = "false",
            // 2,000 ballots come from one test client; the limit itself belongs to the identity tests.
            ["RateLimits:voting-codes:AddressPermitLimit"] = "1000000",
        }, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        Admin = await Factory.AsAsync("admin-ingrid");
        Council = await Factory.AsAsync("council-jeroen");
        Anonymous = Factory.CreateClient();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public static string NewId() => "b" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A budget with <paramref name="projects"/> (costs), the given rules, moved into voting by the admin.</summary>
    public async Task<string> VotingBudgetAsync(long amount, long[] projects, object rules, string eligibility = "codes")
    {
        var id = await PreparedBudgetAsync(amount, projects, rules, eligibility);
        await OkAsync(await Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        return id;
    }

    /// <summary>As <see cref="VotingBudgetAsync"/>, with <paramref name="codes"/> voting codes generated before voting opens.</summary>
    public async Task<(string Id, IReadOnlyList<string> Codes)> VotingBudgetWithCodesAsync(long amount, long[] projects, object rules, int codes)
    {
        var id = await PreparedBudgetAsync(amount, projects, rules);
        var issued = await CodesAsync(id, codes);
        await OkAsync(await Admin.PostAsJsonAsync($"/api/budgets/{id}/phase", new { phase = "voting" }));
        return (id, issued);
    }

    public async Task<string> PreparedBudgetAsync(long amount, long[] projects, object rules, string eligibility = "codes", object? dates = null)
    {
        var id = NewId();
        await OkAsync(await Admin.PostAsJsonAsync("/api/budgets", new { id, title = "Buurtbudget " + id, neighbourhood = "oosterpark", amount, eligibility, dates, eligibleVoters = 10_000 }));
        for (var i = 0; i < projects.Length; i++)
        {
            await OkAsync(await Admin.PostAsJsonAsync($"/api/budgets/{id}/projects", new { title = $"Plan {i + 1}", description = "Een plan.", cost = projects[i] }));
        }

        await OkAsync(await Admin.PutAsJsonAsync($"/api/budgets/{id}/rules", rules));
        return id;
    }

    public async Task<IReadOnlyList<string>> CodesAsync(string id, int count)
    {
        var response = await Admin.PostAsJsonAsync($"/api/budgets/{id}/voting-codes", new { count });
        await OkAsync(response);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("letter,budget,code", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')[2]).ToList();
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body} {string.Join("\n", Current?.Logs.Lines.Where(l => l.Contains("Exception")).Take(3) ?? [])}");
        return body.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/json" ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
