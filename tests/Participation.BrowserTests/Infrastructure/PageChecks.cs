using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Infrastructure;

/// <summary>
/// What every page a test visits must pass, collected so that one run names every failing page: a language on
/// <c>html</c>, no WCAG 2.1 A/AA violation found by axe, and no sideways scrolling at 375 px.
/// </summary>
/// <remarks>
/// axe runs once per page, at desktop width. The site's one width-dependent rule stacks its columns below 50rem, which
/// changes nothing axe checks (names, roles, contrast, language), so the phone gets the cheap width check instead of a
/// second scan; a second scan cost about a third of the browser suite's time.
/// </remarks>
public sealed class PageChecks(ITestOutputHelper output)
{
    public const int PhoneWidth = 375;

    // Every rule still runs on every element; only passes are no longer listed node by node, which the report never reads.
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    // Names the first elements that stick out, leaving out those inside a box that scrolls by itself (wide tables do).
    private const string SidewaysScroll = """
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? null
            : document.documentElement.scrollWidth + 'px wide; too wide: ' + [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true; })
                .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                    + ' "' + e.textContent.trim().slice(0, 30) + '" to ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ')
        """;

    private readonly List<string> failures = [];

    public IReadOnlyList<string> Failures => failures;

    /// <summary>
    /// Checks the page as it is now (after <paramref name="ready"/>, when given, at each width: maps draw after load and
    /// redraw on resize), then puts it back at desktop width.
    /// </summary>
    public async Task CheckAsync(IPage page, string label, Func<Task>? ready = null)
    {
        if (ready is not null) await ready();
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        if (lang is not ("nl" or "en")) failures.Add($"{label}: html lang is '{lang}'");

        var results = await RunAxeAsync(page);
        output.WriteLine($"{label}: {results.Violations.Length} violations, {results.Passes.Length} rules passed");
        failures.AddRange(results.Violations.Select(v =>
            $"{label}: {v.Id} {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));

        await page.SetViewportSizeAsync(PhoneWidth, 800);
        try
        {
            if (ready is not null) await ready();
            if (await page.EvaluateAsync<string?>(SidewaysScroll) is { } tooWide)
            {
                failures.Add($"{label}: scrolls sideways at {PhoneWidth} px: {tooWide}");
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(Site.Desktop.Width, Site.Desktop.Height);
        }
    }

    /// <summary>
    /// axe.run in the page itself, injected once per loaded page. Deque.AxeCore.Playwright's <c>RunAxe</c> injects it
    /// into every frame and then opens a second blank page per scan, injects it there too and merges the frames' results
    /// in it; only cross-origin frames need that, and the site has no frames at all.
    /// </summary>
    private static async Task<AxeResult> RunAxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync("() => { " + AxeSource + " }");
        }

        var json = await page.EvaluateAsync<string>("options => axe.run(document, JSON.parse(options)).then(JSON.stringify)", Wcag21AAJson);
        return new AxeResult(JObject.Parse(json));
    }

    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();
    private static readonly string Wcag21AAJson = JsonConvert.SerializeObject(Wcag21AA);

    /// <summary>Opens each path (one browser profile per user, reused) and checks it.</summary>
    public async Task WalkAsync(Site site, IEnumerable<(string? User, string Path)> pages)
    {
        var profiles = new Dictionary<string, IPage>();
        foreach (var (user, path) in pages)
        {
            var key = user ?? "";
            if (!profiles.TryGetValue(key, out var page))
            {
                profiles[key] = page = await site.NewPageAsync(user);
            }

            await page.GotoAsync(path);
            await CheckAsync(page, $"{path} ({user ?? "anonymous"})");
        }
    }

    public void AssertNone() => Assert.True(failures.Count == 0, string.Join('\n', failures));
}
