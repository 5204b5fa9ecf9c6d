namespace Participation.App.UseCases;

/// <summary>
/// What a use case did: its value, or the refusals that stopped it (several when a form has several wrong fields).
/// Handlers return it; <c>*Api</c> classes map it to <c>TypedResults</c> with <see cref="OutcomeResults"/>, page models
/// to their view. Nothing in it knows about HTTP beyond the status a refusal suggests.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<Refusal> refusals) => (Value, Refusals) = (value, refusals);

    public T? Value { get; }
    public IReadOnlyList<Refusal> Refusals { get; }
    public bool Succeeded => Refusals.Count == 0;

    public static Outcome<T> Success(T value) => new(value, []);
    public static Outcome<T> Refused(IReadOnlyList<Refusal> refusals) =>
        refusals.Count > 0 ? new(default, refusals) : throw new ArgumentException("A refusal needs a reason.", nameof(refusals));

    /// <summary>The value made into another on success; the same refusals otherwise.</summary>
    public Outcome<TResult> Map<TResult>(Func<T, TResult> map) => Succeeded ? Outcome<TResult>.Success(map(Value!)) : Outcome<TResult>.Refused(Refusals);

    public static implicit operator Outcome<T>(T value) => Success(value);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, [refusal]);
}
