using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Participation.Web.Residents;

/// <summary>The front door. It reads no storage, so it also answers the Functions host's readiness probe on <c>/</c>.</summary>
public sealed class HomeModel : PageModel
{
    public void OnGet()
    {
    }
}
