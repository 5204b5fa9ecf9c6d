using Participation.Initiatives.Similarity;

namespace Participation.App.Initiatives;

/// <summary>Finds earlier initiatives in the same neighbourhood that look like this one, for a one-click merge by the official.</summary>
public sealed class SimilarInitiativeFinder(InitiativeStore store)
{
    // Routing runs this for every message: it reads one page of the newest cases of the neighbourhood, never all of them.
    private const int Candidates = 500;

    public async Task<IReadOnlyList<string>> FindAsync(InitiativeCase initiative, CancellationToken cancellationToken)
    {
        var (neighbours, _) = await store.ListAsync(new InitiativeFilter(Neighbourhood: initiative.Neighbourhood), Candidates, null, cancellationToken);
        var candidates = neighbours.Where(n => n.TrackingCode != initiative.TrackingCode).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        using var index = new SimilarInitiativeIndex(candidates.Select(c => new IndexedInitiative(c.TrackingCode, c.Neighbourhood, c.Title, c.Summary)));
        return index.FindSimilar(initiative.Neighbourhood, initiative.Title, initiative.Description).Take(5).Select(s => s.Id).ToList();
    }
}
