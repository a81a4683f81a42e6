namespace QaBot.LoadTest;

/// <summary>
/// The questions sent, in a fixed order: 12 answered, 5 no-answer and 3 safety questions (60% / 25% / 15%). The kinds are
/// what the bundled knowledge gives with lexical search and with the default hybrid search; a run counts answers of
/// another kind (after a knowledge or tuning change, expect some).
/// </summary>
internal static class QuestionMix
{
    public static readonly IReadOnlyList<(string Expected, string Question)> Questions =
    [
        ("answered", "Can stem cell therapy help lupus?"),
        ("answered", "what are induced pluripotent stem cells"),
        ("no_answer", "what's the weather tomorrow?"),
        ("answered", "is stem cell treatment safe?"),
        ("safety", "should I stop my methotrexate before stem cells?"),
        ("answered", "what is SLE"),
        ("no_answer", "how do I write a for loop in python"),
        ("answered", "where do the stem cells come from"),
        ("answered", "rhuematoid arthritis stem cells"),
        ("safety", "how many mg of prednisone should I take"),
        ("answered", "can stem cells help joint pain in RA"),
        ("no_answer", "is stem cell therapy covered by insurance"),
        ("answered", "what should I ask my doctor about stem cell therapy"),
        ("no_answer", "who won the football game last night"),
        ("answered", "can ms pts get stem cells"),
        ("safety", "I have chest pain and trouble breathing after my infusion"),
        ("answered", "how does stem cell therapy work for autoimmune disease"),
        ("no_answer", "stem cells for parkinsons"),
        ("answered", "are stem cell clinics that sell treatments safe"),
        ("answered", "what kinds of stem cells are there"),
    ];
}
