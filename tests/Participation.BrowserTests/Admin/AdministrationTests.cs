using Participation.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.BrowserTests.Admin;

/// <summary>The administrator's pages under /beheer: routing and the audit log.</summary>
public sealed class AdministrationTests(Site site, ITestOutputHelper output) : IClassFixture<Site>
{
    [Fact]
    public async Task The_administration_pages_pass_axe_and_do_not_scroll_sideways_on_a_phone()
    {
        var checks = new PageChecks(output);
        await checks.WalkAsync(site,
        [
            ("admin-ingrid", "/beheer"), ("admin-ingrid", "/beheer/routering"), ("admin-ingrid", "/beheer/audit"),
        ]);
        checks.AssertNone();
    }
}
