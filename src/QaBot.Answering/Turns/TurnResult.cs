using System.Diagnostics.CodeAnalysis;

namespace QaBot.Answering.Turns;

/// <summary>
/// What the adapter renders: exactly one of <see cref="Answer"/> (answered, no answer or safety, with the reminder) and
/// <see cref="Refusal"/> (rate-limited or busy, with the reminder).
/// </summary>
public sealed record TurnResult
{
    private TurnResult(Answer? answer, TurnRefusal? refusal)
    {
        Answer = answer;
        Refusal = refusal;
    }

    public Answer? Answer { get; }

    public TurnRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Answer))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Answered => Answer is not null;

    public static TurnResult Of(Answer answer) => new(answer ?? throw new ArgumentNullException(nameof(answer)), null);

    public static TurnResult Refused(TurnRefusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
