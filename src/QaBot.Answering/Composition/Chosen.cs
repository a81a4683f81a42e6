using QaBot.Knowledge.Search;

namespace QaBot.Answering.Composition;

/// <summary>A passage chosen to cite, with the confidence that it answers the question.</summary>
internal sealed record Chosen(SearchHit Hit, double Confidence);
