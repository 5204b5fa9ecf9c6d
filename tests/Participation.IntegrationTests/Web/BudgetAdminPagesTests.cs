using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Azure.Data.Tables;
using Participation.App.Audit;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Participation.Budgeting.Lifecycle;

namespace Participation.IntegrationTests.Web;

/// <summary>
/// A budget is prepared in the back-office pages, not with curl: create, projects, rules, phase, voting codes — each
/// through the budget API's own use case, so its rules, its scope check and its audit entry hold in the pages too.
/// </summary>
public sealed partial class BudgetAdminPagesTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;
    private BudgetStore Budgets => office.Factory.Services.GetRequiredService<BudgetStore>();

    [Fact]
    public async Task Admin_creates_a_budget_adds_projects_sets_rules_opens_voting_and_downloads_the_codes_in_the_pages()
    {
        var admin = await ClientAsync("admin-ingrid");
        var list = await admin.GetStringAsync("/beheer/buurtbudgetten");
        Assert.Contains("href=\"/beheer/papieren-stembiljetten\"", list);

        var created = await PostAsync(admin, "/beheer/buurtbudgetten", list, new()
        {
            ["Form.Title"] = "Buurtbudget Zuidwijk 2027", ["Form.Id"] = "zuidwijk-pagina-2027", ["Form.Neighbourhood"] = "zuidwijk",
            ["Form.Amount"] = "20000", ["Form.Eligibility"] = "codes", ["Form.EligibleVoters"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal("/beheer/buurtbudgetten/zuidwijk-pagina-2027", path);

        var page = await admin.GetStringAsync(path);
        // Paper ballots come back only once voting is open: no link to them before.
        Assert.DoesNotContain("data-testid=\"paper-ballots-link\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, path + "?handler=Project", page, new()
            { ["Project.Title"] = "Speelveld opknappen", ["Project.Description"] = "Nieuwe doeltjes en gras.", ["Project.Cost"] = "12000" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, path + "?handler=Project", page, new()
            { ["Project.Title"] = "Bankjes langs de vijver", ["Project.Cost"] = "6000" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, path + "?handler=Rules", page, new()
            { ["Rules.VoteType"] = "knapsack", ["Rules.MinProjects"] = "1", ["Rules.MaxProjects"] = "", ["Rules.OutcomeRule"] = "mes-complete" })).StatusCode);
        // Codes for the letters first, up to the eligible count: once voting is open no more are made (issue #12).
        page = await admin.GetStringAsync(path);
        var codes = await PostAsync(admin, path + "?handler=Codes", page, new() { ["Count"] = "3" });
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        Assert.StartsWith("text/csv", codes.Content.Headers.ContentType!.MediaType);
        Assert.Equal("stemcodes-zuidwijk-pagina-2027.csv", codes.Content.Headers.ContentDisposition!.FileNameStar ?? codes.Content.Headers.ContentDisposition.FileName);
        var lines = (await codes.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains("zuidwijk-pagina-2027", l));

        // A fourth code is beyond the three eligible voters: refused, with the reason on the page.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(admin, path + "?handler=Codes", page, new() { ["Count"] = "1" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, path + "?handler=Phase", page, new() { ["Phase"] = "voting" })).StatusCode);

        var snapshot = await Budgets.FindAsync("zuidwijk-pagina-2027", CancellationToken.None);
        Assert.Equal((BudgetPhase.Voting, 2, "knapsack", "mes-complete"),
            (snapshot!.Budget.Phase, snapshot.Projects.Count, snapshot.Budget.Rules!.VoteType, snapshot.Budget.Rules.OutcomeRule));
        page = await admin.GetStringAsync(path);
        Assert.Contains("plannen en regels liggen vast", page);
        Assert.DoesNotContain("data-testid=\"voting-codes\"", page);
        Assert.Contains("href=\"/beheer/papieren-stembiljetten?begroting=zuidwijk-pagina-2027\"", page);

        var audit = await AuditTrail.ReadAsync(office.Factory.Services.GetRequiredService<TableServiceClient>().GetTableClient(BudgetStore.Table), "zuidwijk-pagina-2027", CancellationToken.None);
        Assert.Equal(
            ["budget.created", "budget.project-added", "budget.project-added", "budget.rules-set", "budget.voting-codes-generated", "budget.phase-moved"],
            audit.Select(a => a.Action).ToArray());
        Assert.All(audit, a => Assert.Equal("admin-ingrid", a.ActorId));
    }

    [Fact]
    public async Task Bad_input_is_explained_in_dutch_and_creates_nothing()
    {
        var admin = await ClientAsync("admin-ingrid");
        var list = await admin.GetStringAsync("/beheer/buurtbudgetten");

        var response = await PostAsync(admin, "/beheer/buurtbudgetten", list, new()
        {
            ["Form.Title"] = "Zonder bedrag", ["Form.Id"] = "zonder-bedrag", ["Form.Neighbourhood"] = "zuidwijk", ["Form.Amount"] = "", ["Form.Eligibility"] = "codes",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het bedrag is een positief aantal hele euro&#x27;s.", await response.Content.ReadAsStringAsync());
        Assert.Null(await Budgets.FindAsync("zonder-bedrag", CancellationToken.None));
    }

    [Fact]
    public async Task An_official_manages_only_budgets_of_their_neighbourhoods_and_moves_no_phases()
    {
        var admin = await ClientAsync("admin-ingrid");
        var list = await admin.GetStringAsync("/beheer/buurtbudgetten");
        foreach (var (id, neighbourhood) in new[] { ("oosterpark-scope-2027", "oosterpark"), ("westhaven-scope-2027", "westhaven") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/beheer/buurtbudgetten", list, new()
            {
                ["Form.Title"] = id, ["Form.Id"] = id, ["Form.Neighbourhood"] = neighbourhood, ["Form.Amount"] = "5000", ["Form.Eligibility"] = "codes",
            })).StatusCode);
        }

        var lotte = await ClientAsync("lotte.smit");
        var own = await lotte.GetStringAsync("/beheer/buurtbudgetten");
        Assert.Contains("westhaven-scope-2027", own);
        Assert.DoesNotContain("oosterpark-scope-2027", own);
        Assert.Equal(HttpStatusCode.NotFound, (await lotte.GetAsync("/beheer/buurtbudgetten/oosterpark-scope-2027")).StatusCode);

        var page = await lotte.GetStringAsync("/beheer/buurtbudgetten/westhaven-scope-2027");
        Assert.DoesNotContain("data-testid=\"move-phase\"", page);
        var move = await PostAsync(lotte, "/beheer/buurtbudgetten/westhaven-scope-2027?handler=Phase", page, new() { ["Phase"] = "voting" });
        Assert.True(move.StatusCode == HttpStatusCode.Forbidden || move.Headers.Location?.OriginalString.Contains("geweigerd=1", StringComparison.Ordinal) == true,
            $"{move.StatusCode} {move.Headers.Location}");
        Assert.Equal(BudgetPhase.Proposals, (await Budgets.FindAsync("westhaven-scope-2027", CancellationToken.None))!.Budget.Phase);

        var resident = await ClientAsync("resident-sanne");
        var refused = await resident.GetAsync("/beheer/buurtbudgetten");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/aanmelden", refused.Headers.Location!.OriginalString);
    }

    private async Task<HttpClient> ClientAsync(string userId)
    {
        var client = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, userId));
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
