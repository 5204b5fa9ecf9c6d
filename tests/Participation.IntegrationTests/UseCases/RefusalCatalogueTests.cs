using System.Reflection;
using System.Runtime.CompilerServices;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.App.UseCases;

namespace Participation.IntegrationTests.UseCases;

/// <summary>
/// Every refusal kept as a static field anywhere in the host — each capability's catalogue, whoever adds it — has a
/// stable code of its own and a text in both languages.
/// </summary>
public sealed class RefusalCatalogueTests
{
    private static readonly IReadOnlyList<(string Name, Refusal Refusal)> Catalogued = typeof(Refusal).Assembly.GetTypes()
        .Where(type => !type.ContainsGenericParameters && !type.IsDefined(typeof(CompilerGeneratedAttribute)))
        .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(field => field.FieldType == typeof(Refusal))
            .Select(field => ($"{type.FullName}.{field.Name}", (Refusal)field.GetValue(null)!)))
        .ToList();

    [Fact]
    public void The_catalogues_are_found()
    {
        Assert.Contains(Catalogued, entry => entry.Refusal == InitiativeRefusals.TitleMissing);
        Assert.Contains(Catalogued, entry => entry.Refusal == CaseRefusals.Stale);
    }

    [Fact]
    public void Every_code_is_set_and_names_one_refusal()
    {
        Assert.All(Catalogued, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Refusal.Code), $"{entry.Name} has no code"));
        var shared = Catalogued.GroupBy(entry => entry.Refusal.Code).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Name))}").ToList();
        Assert.True(shared.Count == 0, "Codes used by more than one refusal: " + string.Join("; ", shared));
    }

    [Fact]
    public void Every_refusal_says_it_in_English_and_in_Dutch()
    {
        Assert.All(Catalogued, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Refusal.English), $"{entry.Name} has no English");
            Assert.False(string.IsNullOrWhiteSpace(entry.Refusal.Dutch), $"{entry.Name} has no Dutch");
            Assert.True(entry.Refusal.English != entry.Refusal.Dutch, $"{entry.Name}'s Dutch is its English");
        });
    }

    [Fact]
    public void Every_refusal_answers_with_an_error_status()
    {
        Assert.All(Catalogued, entry => Assert.InRange(entry.Refusal.Status, 400, 599));
    }
}
