using Participation.Municipality.Calendar;
using Participation.Realisation;
using Participation.App.Realisation;

namespace Participation.App.Web.Realisation;

/// <summary>The team page: the items my teams carry out, what slipped and what is due in the coming 30 days.</summary>
public sealed class TeamModel(RealisationStore store, Slipping slipping, TimeProvider clock) : PageModel
{
    public const int DueWithinDays = 30;

    public sealed record Due(RealisationView Item, RealisationView.MilestoneView Milestone);

    public IReadOnlyList<RealisationView> Items { get; private set; } = [];
    public IReadOnlyList<Due> Slipped { get; private set; } = [];
    public IReadOnlyList<Due> Coming { get; private set; } = [];
    public IReadOnlySet<string> Teams { get; private set; } = new HashSet<string>();
    public bool Everything { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(User)!;
        Everything = user.IsIn(Roles.Admin);
        Teams = user.Teams;
        var today = DutchTime.Today(clock);
        Items = (await ShowRealisation.ListAsync(null, null, store, slipping, clock, cancellationToken))
            .Where(i => Everything || Teams.Contains(i.Team)).ToList();
        var open = Items.Where(i => i.Status is "planned" or "in-progress")
            .SelectMany(i => i.Milestones.Where(m => m.Done is null).Select(m => new Due(i, m))).ToList();
        Slipped = open.Where(d => d.Milestone.Slipping).OrderByDescending(d => d.Milestone.DaysLate).ToList();
        Coming = open.Where(d => !d.Milestone.Slipping && d.Milestone.Planned <= today.AddDays(DueWithinDays)).OrderBy(d => d.Milestone.Planned).ToList();
    }
}
