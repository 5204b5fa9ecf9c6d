namespace Participation.BrowserTests.Infrastructure;

/// <summary>
/// One site for the residents' journeys and pages (submitting, following, photos, the map). Each class adds its own
/// initiatives and checks only those, or any initiative at all, so they run one after another on the same app.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ResidentSite : ICollectionFixture<Site>
{
    public const string Name = "Resident site";
}
