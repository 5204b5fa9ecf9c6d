using System.Reflection;
using System.Text.RegularExpressions;
using Participation.Budgeting;
using Participation.App.Budgeting;
using Participation.Budgeting.Ballots;
using Participation.Budgeting.Lifecycle;
using Participation.App.UseCases;

namespace Participation.IntegrationTests.Budgeting;

/// <summary>The budget refusal catalogue: every reason has a stable code and says itself in English and in Dutch.</summary>
public sealed partial class BudgetRefusalsTests
{
    private static readonly Budget Sample = new()
    {
        Id = "oosterpark-2026", Title = "Buurtbudget Oosterpark", Neighbourhood = "oosterpark", Amount = 10_000,
        Dates = new PhaseDates(null, null, DateTimeOffset.Parse("2026-05-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), null, null, null),
    };

    public static TheoryData<string, Refusal> Catalogue()
    {
        var data = new TheoryData<string, Refusal>();
        foreach (var field in typeof(BudgetRefusals).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Refusal)))
        {
            data.Add(field.Name, (Refusal)field.GetValue(null)!);
        }

        foreach (var method in typeof(BudgetRefusals).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Refusal)))
        {
            data.Add(method.Name, (Refusal)method.Invoke(null, method.GetParameters().Select(p => SampleOf(p.ParameterType)).ToArray())!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Every_refusal_has_a_stable_code_and_its_text_in_English_and_Dutch(string name, Refusal refusal)
    {
        Assert.Matches(CodeShape(), refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.English), name);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Dutch), name);
        Assert.NotEqual(refusal.English, refusal.Dutch);
        Assert.InRange(refusal.Status, 400, 499);
        // A field refusal is a 400 the API lists under its field; any other carries the title the API has always sent.
        Assert.True(refusal.Field is not null ? refusal.Status == 400 : refusal.Title is not null, name);
    }

    [Fact]
    public void A_code_means_one_status()
    {
        var statuses = Catalogue().Select(row => (Refusal)row[1]).GroupBy(refusal => refusal.Code).Where(group => group.Select(r => r.Status).Distinct().Count() > 1);
        Assert.Empty(statuses.Select(group => group.Key));
    }

    private static object SampleOf(Type type) =>
        type == typeof(string) ? "oosterpark"
        : type == typeof(int) ? 12
        : type == typeof(long) ? 30_000L
        : type == typeof(BudgetPhase) ? BudgetPhase.Review
        : type == typeof(Budget) ? Sample
        : type == typeof(BallotError) ? new BallotError("approval", "approval.max_projects", "Choose at most 3 projects.", "Kies hoogstens 3 plannen.")
        : throw new InvalidOperationException($"No sample {type.Name}: add one for the new refusal.");

    [GeneratedRegex("^[a-z_]+\\.[a-z_]+$")]
    private static partial Regex CodeShape();
}
