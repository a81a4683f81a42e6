namespace QaBot.Knowledge.Search;

/// <summary>
/// One concept of a question as the lexical search scores it. A plain term is one clause summed over the fields; a
/// synonym group is a disjunction-max over its alternatives: single-word ones by term id, multi-word ones by their
/// phrase postings (Lucene's scores of the phrase over the fields, computed when the index was built). Terms no passage
/// has are left out (they match nothing).
/// </summary>
internal sealed record ConceptClause(int[] TermIds, (int[] Passages, float[] Scores)[] Phrases, bool IsDisjunction);
