namespace QaBot.Knowledge.Files;

/// <summary>
/// One line of a Solr synonyms file. <c>a, b, c</c> makes the terms equivalent (each finds the others);
/// <c>a, b => c</c> rewrites a and b to c.
/// </summary>
public sealed record SynonymRule(IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, int Line);
