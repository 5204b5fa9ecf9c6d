using Participation.App.Routing;

namespace Participation.App.Web.Residents;

/// <summary>The empty form; it posts to <see cref="SubmitPostModel"/>, which alone is rate limited like the API.</summary>
public sealed class SubmitModel(RoutingDirectory routing) : PageModel
{
    public SubmitForm Form { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new SubmitForm { Configuration = await routing.CurrentAsync(cancellationToken), Key = Guid.NewGuid().ToString("N") };
    }
}
