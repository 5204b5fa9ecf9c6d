using Xunit.Abstractions;
using Xunit.Sdk;

namespace Participation.BrowserTests.Infrastructure;

/// <summary>The checks every page test relies on report what they exist to find: they run axe themselves, not through a library call.</summary>
[Collection(ResidentSite.Name)]
public sealed class PageChecksTests(Site site, ITestOutputHelper output)
{
    [Fact]
    public async Task An_image_without_a_text_alternative_and_a_box_wider_than_a_phone_are_both_reported()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/volgen");
        var checks = new PageChecks(output);
        await checks.CheckAsync(page, "/volgen as served");
        Assert.Empty(checks.Failures);

        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<img src="/favicon.ico" data-test="no-alt"><div style="width: 600px">breed</div>');
            }
            """);
        await checks.CheckAsync(page, "/volgen with faults");
        Assert.Contains(checks.Failures, failure => failure.StartsWith("/volgen with faults: image-alt", StringComparison.Ordinal) && failure.Contains("no-alt", StringComparison.Ordinal));
        Assert.Contains(checks.Failures, failure => failure.StartsWith($"/volgen with faults: scrolls sideways at {PageChecks.PhoneWidth} px", StringComparison.Ordinal));
        Assert.Throws<TrueException>(checks.AssertNone);
    }
}
