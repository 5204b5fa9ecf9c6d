using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Participation.BrowserTests.Infrastructure.SharedSitesFirst", "Participation.BrowserTests")]

namespace Participation.BrowserTests.Infrastructure;

/// <summary>
/// Starts the two shared sites' collections first: they are the longest, and xUnit runs two collections at a time, so
/// the classes with a site of their own then fill in beside whichever shared site finishes last.
/// </summary>
public sealed class SharedSitesFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.CollectionDefinition is null).ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
