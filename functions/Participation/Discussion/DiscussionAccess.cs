namespace Participation.App.Discussion;

/// <summary>
/// Who may moderate the discussion of an initiative, and who speaks for the municipality in it: officials and team leads
/// of the initiative's neighbourhood (<see cref="CaseScope"/>'s neighbourhood rule, without the team and council reach)
/// and administrators.
/// </summary>
public static class DiscussionAccess
{
    public const string CommenterPolicy = "commenter";
    public const string ModeratorPolicy = "comment-moderator";
    public const string SignedInPolicy = "signed-in";

    public static bool IsStaff(PlatformUser user) => user.IsIn(Roles.Official) || user.IsIn(Roles.TeamLead) || user.IsIn(Roles.Admin);

    public static bool CanModerate(PlatformUser? user, string neighbourhood) => user switch
    {
        null => false,
        _ when user.IsIn(Roles.Admin) => true,
        _ when user.IsIn(Roles.Official) || user.IsIn(Roles.TeamLead) => CaseScope.CanSee(user, neighbourhood, team: null),
        _ => false,
    };

    /// <summary>The author's key on a comment: a pseudonym of their id for this purpose only, so comments link to nothing else.</summary>
    public static string AuthorKey(Pseudonyms pseudonyms, PlatformUser user) => pseudonyms.For("comment-author", user.Id);

    public static string ReporterKey(Pseudonyms pseudonyms, PlatformUser user) => pseudonyms.For("comment-report", user.Id);
}
