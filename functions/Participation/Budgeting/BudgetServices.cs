using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Budgeting;

namespace Participation.App.Budgeting;

/// <summary>
/// What the budget use cases work with, in one record: the API binds it with <c>[AsParameters]</c>, page models get it
/// injected, and a handler takes it whole instead of a long list of parameters.
/// </summary>
public sealed record BudgetServices(
    BudgetStore Store, BallotBox Box, PaperBallotBatches Batches, InitiativeStore Initiatives, ActorRateLimits RateLimits,
    TimeProvider Clock, ILogger<BallotBox> Log);
