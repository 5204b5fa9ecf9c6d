namespace Participation.BrowserTests.Infrastructure;

/// <summary>
/// One site for the staff's side: case work, administration, budgets, realisation, moderation and the agent console.
/// Each class makes its own cases, budgets, items, comments and conversations; the second shared site beside
/// <see cref="ResidentSite"/>, so that two run at a time on two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BackOfficeSite : ICollectionFixture<Site>
{
    public const string Name = "Back-office site";
}
