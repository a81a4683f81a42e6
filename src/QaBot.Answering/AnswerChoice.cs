namespace QaBot.Answering;

/// <summary>One choice of a clarifying reply: what to show, and the question asked when it is chosen.</summary>
/// <param name="Label">The topic, as shown on a button or link ("HSCT (a stem cell transplant)").</param>
/// <param name="Question">The question asked in the same conversation when it is chosen ("Is HSCT painful?").</param>
public sealed record AnswerChoice(string Label, string Question);
