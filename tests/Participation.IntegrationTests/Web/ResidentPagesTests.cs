using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.App.Identity;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;

namespace Participation.IntegrationTests.Web;

/// <summary>"Mijn omgeving", the initiative page for someone who already supports, and the answer link.</summary>
public sealed class ResidentPagesTests(BackOfficeFixture fixture) : IClassFixture<BackOfficeFixture>
{
    private readonly BackOffice office = fixture.Office;

    [Fact]
    public async Task My_page_lists_what_the_signed_in_resident_submitted_and_supported_and_nobody_else_sees_it()
    {
        var sanne = await office.Factory.AsAsync("resident-sanne");
        var submitted = await sanne.PostAsJsonAsync("/api/initiatives",
            new { title = "Mijn-pagina bankje bij de vijver", description = "Een bankje om uit te rusten.", neighbourhood = "westhaven", theme = "groen" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var own = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var other = await office.SubmitAsync(new { title = "Mijn-pagina fietsenrek bij school", description = "Meer plek voor fietsen.", neighbourhood = "westhaven", theme = "verkeer" });
        await office.WaitForStatusAsync(other, "routed");
        (await sanne.PostAsync($"/api/initiatives/{other}/supports", null)).EnsureSuccessStatusCode();

        var page = await sanne.GetStringAsync("/mijn");
        Assert.Contains("Mijn-pagina bankje bij de vijver", Section(page, "mijn-initiatieven"));
        Assert.Contains(own, Section(page, "mijn-initiatieven"));
        Assert.Contains("Mijn-pagina fietsenrek bij school", Section(page, "mijn-steun"));
        Assert.DoesNotContain("Mijn-pagina bankje", Section(page, "mijn-steun"));

        var milan = await office.Factory.AsAsync("resident-milan");
        Assert.DoesNotContain("Mijn-pagina", await milan.GetStringAsync("/mijn"));
        var anonymous = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/mijn")).StatusCode);
        var official = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        official.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.TokenAsync(office.Factory, "lotte.smit"));
        Assert.NotEqual(HttpStatusCode.OK, (await official.GetAsync("/mijn")).StatusCode);

        // The initiative page tells the supporter so instead of offering the button again; another resident gets the button.
        Assert.Contains("data-testid=\"already-supported\"", await sanne.GetStringAsync($"/initiatieven/{other}"));
        var forMilan = await milan.GetStringAsync($"/initiatieven/{other}");
        Assert.DoesNotContain("data-testid=\"already-supported\"", forMilan);
        Assert.Contains("steunen?handler=resident", forMilan);
    }

    [Fact]
    public async Task The_answer_link_shows_the_question_and_after_answering_the_answer_instead_of_the_form()
    {
        var code = await office.SubmitAsync(new { title = "Antwoordlink boom", description = "Een boom op het plein.", neighbourhood = "westhaven", theme = "groen" });
        await office.WaitForStatusAsync(code, "routed");
        var official = await office.Factory.AsAsync("lotte.smit");
        await ActAsync(official, code, "start-review", new Dictionary<string, object?>());
        await ActAsync(official, code, "ask-info", new Dictionary<string, object?> { ["question"] = "Welke boomsoort heeft uw voorkeur?" });
        var key = ReplyToInitiative.KeyFor(office.Factory.Services.GetRequiredService<Pseudonyms>(), code);
        var link = $"/initiatieven/{code}/antwoord?key={key}";
        var anonymous = office.Factory.CreateClient();

        var before = await anonymous.GetStringAsync(link);
        Assert.Contains("Welke boomsoort heeft uw voorkeur?", before);
        Assert.Contains("name=\"Message\"", before);
        // Not painted red before anything is typed: the design system marks :invalid (an empty required field) in red.
        var textarea = before[before.IndexOf("<textarea", StringComparison.Ordinal)..before.IndexOf("</textarea>", StringComparison.Ordinal)];
        Assert.DoesNotMatch(@"\srequired[\s>=]", textarea);

        var stranger = await anonymous.GetStringAsync($"/initiatieven/{code}/antwoord?key=niet-de-sleutel");
        Assert.DoesNotContain("Welke boomsoort", stranger);
        Assert.Contains("data-testid=\"reply-link-invalid\"", stranger);

        var reply = await anonymous.PostAsJsonAsync($"/api/initiatives/{code}/replies", new { message = "Een linde, graag.", key });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        var after = await anonymous.GetStringAsync(link);
        Assert.Contains("data-testid=\"answer-sent\"", after);
        Assert.Contains("Een linde, graag.", after);
        Assert.DoesNotContain("name=\"Message\"", after);
    }

    private static async Task ActAsync(HttpClient official, string code, string action, Dictionary<string, object?> body)
    {
        body["version"] = (await official.GetFromJsonAsync<JsonElement>($"/api/cases/{code}")).GetProperty("version").GetString();
        var response = await official.PostAsJsonAsync($"/api/cases/{code}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has the {testId} list");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}
