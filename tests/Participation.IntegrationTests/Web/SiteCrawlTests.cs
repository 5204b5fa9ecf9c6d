using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Participation.App.Demo;
using Participation.App.Initiatives;
using Participation.App.Storage;
using Participation.IntegrationTests.Infrastructure;
using Participation.IntegrationTests.Initiatives;
using Xunit.Abstractions;

namespace Participation.IntegrationTests.Web;

/// <summary>
/// The demo municipality crawled as every kind of visitor: every link a page shows them opens for them. A link that ends
/// in an error, a refusal or a missing page sends a resident or an official nowhere.
/// </summary>
public sealed partial class SiteCrawlTests(SiteCrawlTests.DemoMunicipalitySite fixture, ITestOutputHelper output)
    : IClassFixture<SiteCrawlTests.DemoMunicipalitySite>
{
    /// <summary>The platform as <c>./run.sh</c> starts it: the demo municipality with a year of history, initiatives routed.</summary>
    public sealed class DemoMunicipalitySite : IAsyncLifetime
    {
        public BackOffice Office { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Office = await BackOffice.StartAsync();
            var seeder = Office.Factory.Services.GetServices<IHostedService>().OfType<DemoDataSeeder>().Single();
            await (seeder.ExecuteTask ?? Task.CompletedTask);
            // Demo:History is read while the app is built, before test settings apply: its seed is run here instead.
            await ActivatorUtilities.CreateInstance<RealisationDemoSeed>(Office.Factory.Services).SeedAsync(CancellationToken.None);
            await QueuesIdle.WaitAsync(Office.Factory.Services, Outbox.Queue, RouteSubmittedInitiative.Queue);
        }

        public async Task DisposeAsync() => await Office.DisposeAsync();
    }

    /// <summary>Pages whose links differ only in an id or a query value are the same page to a crawler: a few of each suffice.</summary>
    private const int UrlsPerShape = 3;
    private const int MaxPagesPerVisitor = 400;

    private readonly BackOffice office = fixture.Office;

    [Theory]
    [InlineData(null, "/initiatieven/")]
    [InlineData("resident-sanne", "/mijn")]
    [InlineData("anouk.devries", "/behandelen/")]
    [InlineData("fatima.bakker", "/behandelen/")]
    [InlineData("eva.mulder", "/behandelen")]
    [InlineData("agent-noor", "/agent")]
    [InlineData("council-jeroen", "/raad/agenda")]
    [InlineData("admin-ingrid", "/beheer/routering")]
    public async Task Every_link_a_visitor_is_shown_opens_for_them(string? user, string reachedPage)
    {
        var client = office.Factory.CreateClient(new() { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignIn.TokenAsync(office.Factory, user));
        }

        var (visited, broken) = await CrawlAsync(client);
        output.WriteLine($"{visited.Count} pages opened as {user ?? "anonymous"}:\n{string.Join("\n", visited)}");

        Assert.True(broken.Count == 0, $"{user ?? "anonymous"} was shown links that do not open:\n{string.Join("\n", broken)}");
        Assert.Contains(visited, url => url.StartsWith(reachedPage, StringComparison.Ordinal));
    }

    private static async Task<(List<string> Visited, List<string> Broken)> CrawlAsync(HttpClient client)
    {
        var visited = new List<string>();
        var broken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var perShape = new Dictionary<string, int>(StringComparer.Ordinal);
        var toVisit = new Queue<(string Url, string From)>([("/", "(start)")]);
        while (toVisit.TryDequeue(out var next) && visited.Count < MaxPagesPerVisitor)
        {
            visited.Add(next.Url);
            var (status, html) = await OpenAsync(client, next.Url);
            if (status != HttpStatusCode.OK)
            {
                broken.Add($"{next.Url} (linked from {next.From}) answered {(int)status}");
                continue;
            }

            if (html is null || next.Url.StartsWith("/scalar", StringComparison.Ordinal))
            {
                continue;
            }

            if (Headings(html) != 1 || !TitleAndLanguage().IsMatch(html))
            {
                broken.Add($"{next.Url} has {Headings(html)} h1 headings, or no title or language");
            }

            foreach (var link in LinksIn(html))
            {
                var shape = ShapeOf(link);
                if (seen.Add(link) && perShape.GetValueOrDefault(shape) < UrlsPerShape)
                {
                    perShape[shape] = perShape.GetValueOrDefault(shape) + 1;
                    toVisit.Enqueue((link, next.Url));
                }
            }
        }

        return (visited, broken);
    }

    /// <summary>Follows redirects by hand, since the bearer header stays on the client; the HTML is null for downloads.</summary>
    private static async Task<(HttpStatusCode Status, string? Html)> OpenAsync(HttpClient client, string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
                && response.Headers.Location is { } location)
            {
                url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                continue;
            }

            var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
            return (response.StatusCode, isHtml ? await response.Content.ReadAsStringAsync() : null);
        }

        return (HttpStatusCode.LoopDetected, null);
    }

    /// <summary>Same-site links to follow: not the sign-out, the development sign-in or static assets.</summary>
    private static IEnumerable<string> LinksIn(string html) =>
        AnchorHref().Matches(html)
            .Select(match => WebUtility.HtmlDecode(match.Groups[1].Value).Split('#')[0])
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .Where(href => !href.StartsWith("/afmelden", StringComparison.Ordinal) && !href.StartsWith("/assets/", StringComparison.Ordinal)
                && !href.StartsWith("/api/dev/", StringComparison.Ordinal) && !href.StartsWith("/dev", StringComparison.Ordinal));

    /// <summary>The path with ids blanked and the query's names without their values.</summary>
    private static string ShapeOf(string url)
    {
        var parts = url.Split('?', 2);
        var path = string.Join('/', parts[0].Split('/').Select(segment => segment.Any(char.IsDigit) || segment.Length > 24 ? "{id}" : segment));
        var names = parts.Length == 2 ? string.Join('&', parts[1].Split('&').Select(pair => pair.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return path + "?" + names;
    }

    private static int Headings(string html) => HeadingOne().Count(html);

    [GeneratedRegex("<h1[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingOne();

    [GeneratedRegex("""<html lang="(nl|en)"[\s\S]*<title>[^<]*\S[^<]*</title>""", RegexOptions.IgnoreCase)]
    private static partial Regex TitleAndLanguage();

    [GeneratedRegex("""<a\b[^>]*?\bhref="([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorHref();
}
