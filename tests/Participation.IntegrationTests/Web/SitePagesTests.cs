using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.IntegrationTests.Infrastructure;

namespace Participation.IntegrationTests.Web;

/// <summary>What every visitor of the site meets around the journeys: error pages, footer pages, the favicon, the API document.</summary>
public sealed partial class SitePagesTests(SeededPlatform platform) : IClassFixture<SeededPlatform>
{
    private readonly PlatformFactory factory = platform.Factory;

    private HttpClient Browser(string? language = null)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (language is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"participation_lang={language}");
        }

        return client;
    }

    [Fact]
    public async Task An_unknown_page_is_a_dutch_page_in_the_site_style_not_a_json_document()
    {
        var response = await Browser().GetAsync("/deze-pagina-bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pagina niet gevonden", html);
        Assert.Contains("lang=\"nl\"", html);
        Assert.Contains("/assets/css/site.css", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Fact]
    public async Task The_error_page_speaks_english_when_the_visitor_chose_english()
    {
        var response = await Browser("en").GetAsync("/deze-pagina-bestaat-niet");

        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_and_clients_asking_for_json_keep_problem_json()
    {
        var api = await Browser().GetAsync("/api/bestaat-niet");
        var json = factory.CreateClient();
        json.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var page = await json.GetAsync("/deze-pagina-bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_on_a_page_gets_the_405_page()
    {
        var response = await Browser().PutAsync("/favicon.ico", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Dit kan hier niet", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Footer_links_to_the_privacy_and_accessibility_statements_and_the_configured_phone_number()
    {
        var home = await (await Browser().GetAsync("/")).Content.ReadAsStringAsync();
        var privacy = await Browser().GetAsync("/privacyverklaring");
        var accessibility = await Browser().GetAsync("/toegankelijkheid");

        Assert.Contains("href=\"/privacyverklaring\"", home);
        Assert.Contains("href=\"/toegankelijkheid\"", home);
        Assert.Contains("14 0123", home);
        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
        Assert.Contains("Privacyverklaring", await privacy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, accessibility.StatusCode);
        Assert.Contains("WCAG 2.1", await accessibility.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_sent_again_after_a_change_says_so_in_dutch_and_the_next_sending_goes_through()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/initiatieven/nieuw");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(form, "__RequestVerificationToken"),
            ["Form.Key"] = Field(form, "Form.Key"),
            ["Form.Title"] = "Watertappunt in het park " + Guid.NewGuid().ToString("N")[..6],
            ["Form.Description"] = "Een plek om water te tappen.",
            ["Form.Neighbourhood"] = "oosterpark",
        };
        var first = await browser.PostAsync("/initiatieven/nieuw/verzenden", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        fields["Form.Description"] = "Een plek om water te tappen, bij de speeltuin.";
        var changed = await browser.PostAsync("/initiatieven/nieuw/verzenden", new FormUrlEncodedContent(fields));
        var page = await changed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("U had dit formulier al verstuurd en daarna gewijzigd", page);
        fields["Form.Key"] = Field(page, "Form.Key");
        fields["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken");
        var again = await browser.PostAsync("/initiatieven/nieuw/verzenden", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.NotEqual(first.Headers.Location, again.Headers.Location);
    }

    private static string Field(string html, string name)
    {
        var match = FieldPattern().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name);
        Assert.True(match is not null, $"the form has {name}");
        return System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex FieldPattern();

    [Fact]
    public async Task The_favicon_is_served()
    {
        var response = await Browser().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_request_body_of_the_api_is_documented_under_its_own_schema()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var bodies = new List<(string Operation, string Schema)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("requestBody", out var body) &&
                    body.GetProperty("content").TryGetProperty("application/json", out var json) &&
                    json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                {
                    bodies.Add((operation.Value.GetProperty("operationId").GetString()!, reference.GetString()!));
                }
            }
        }

        Assert.NotEmpty(bodies);
        var submit = bodies.Single(b => b.Operation == "SubmitInitiative").Schema;
        var createBudget = bodies.Single(b => b.Operation == "CreateBudget").Schema;
        Assert.NotEqual(submit, createBudget);
        Assert.EndsWith("/SubmitInitiativeRequest", submit);
        // Two operations share a body schema only when they take the very same record; a bare "Request" means a collision.
        Assert.DoesNotContain(bodies, b => b.Schema.EndsWith("/Request", StringComparison.Ordinal));
    }
}
