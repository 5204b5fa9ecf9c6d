using Microsoft.AspNetCore.RateLimiting;
using Participation.App.Privacy;

namespace Participation.App.Web.Privacy;

/// <summary>
/// The link in the privacy e-mail: what we hold about this address, and deleting it. Deleting takes two presses (the
/// second on a confirmation page), so a mail scanner that follows links cannot delete anything; plain forms, no script.
/// </summary>
[EnableRateLimiting(RateLimits.Submissions)]
public sealed class MyDataModel(MyData myData) : PageModel
{
    public string Token { get; private set; } = "";
    public MyData.Held? Held { get; private set; }
    public MyData.Deleted? Deleted { get; private set; }
    public bool Confirming { get; private set; }

    public Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) => ShowAsync(token, confirming: false, cancellationToken);

    /// <summary>The first press: the same overview, now asking "are you sure?".</summary>
    public Task<IActionResult> OnPostConfirmAsync(string token, CancellationToken cancellationToken) => ShowAsync(token, confirming: true, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        NotKept();
        if ((await myData.DeleteAsync(token, cancellationToken)).Value is not { } deleted)
        {
            return Invalid();
        }

        Deleted = deleted;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(string token, bool confirming, CancellationToken cancellationToken)
    {
        Token = token;
        NotKept();
        if ((await myData.ExportAsync(token, cancellationToken)).Value is not { } held)
        {
            return Invalid();
        }

        Held = held;
        Confirming = confirming;
        return Page();
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    // The page shows an e-mail address and the link is a key: no cache and no search engine may keep either.
    private void NotKept()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
