using Microsoft.Extensions.Time.Testing;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;

namespace Participation.IntegrationTests.Initiatives;

/// <summary>
/// The lifecycle explains a missing detail in English only; the case catalogue must know each of its explanations, or
/// the case page would show the generic Dutch text instead of what is missing.
/// </summary>
public sealed class CaseRefusalsTests
{
    private static readonly InitiativeState InReview = new("K7QX-M2PD-9RC", InitiativeStatus.InReview, "resident-1", "gebied-zuidwest", null, false, null);

    public static TheoryData<string, LifecycleCommand> MissingDetails => new()
    {
        { "case.reassign_team_missing", new ReassignInitiative("", null, "Hoort bij groen") },
        { "case.reassign_reason_missing", new ReassignInitiative("groen-oost", null, "") },
        { "case.reassign_unchanged", new ReassignInitiative("gebied-zuidwest", null, "Blijft hier") },
        { "case.question_missing", new AskForInformation("") },
        { "case.reject_reason_missing", new RejectInitiative("") },
        { "case.merge_target_missing", new MergeInitiative("", "Dubbel") },
        { "case.merge_into_itself", new MergeInitiative("K7QX-M2PD-9RC", "Dubbel") },
        { "case.merge_reason_missing", new MergeInitiative("A1B2-C3D4-E5F", "") },
    };

    [Theory]
    [MemberData(nameof(MissingDetails))]
    public void Each_detail_the_lifecycle_misses_has_its_own_refusal_with_Dutch(string code, LifecycleCommand command)
    {
        var outcome = new InitiativeLifecycle(new FakeTimeProvider()).Decide(InReview, command, new Actor(ActorKind.Admin, "admin"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(RefusalReason.MissingField, outcome.Refusal.Reason);
        var refusal = CaseRefusals.ForMissingDetail(outcome.Refusal, "reason");
        Assert.Equal(code, refusal.Code);
        Assert.Equal("reason", refusal.Field);
    }

    [Fact]
    public void A_reworded_explanation_keeps_its_Dutch_because_the_catalogue_goes_by_the_detail_not_the_words()
    {
        var refusal = CaseRefusals.ForMissingDetail(
            new LifecycleRefusal(RefusalReason.MissingField, "A rejection must say why.", MissingDetail.RejectReason), "reason");

        Assert.Equal((CaseRefusals.RejectReasonMissing.Code, CaseRefusals.RejectReasonMissing.Dutch), (refusal.Code, refusal.Dutch));
    }

    [Fact]
    public void An_explanation_the_catalogue_does_not_know_keeps_the_lifecycles_English()
    {
        var refusal = CaseRefusals.ForMissingDetail(new LifecycleRefusal(RefusalReason.MissingField, "Something new is missing."), "message");

        Assert.Equal(CaseRefusals.DetailMissing.Code, refusal.Code);
        Assert.Equal("Something new is missing.", refusal.English);
        Assert.Equal(CaseRefusals.DetailMissing.Dutch, refusal.Dutch);
    }
}
