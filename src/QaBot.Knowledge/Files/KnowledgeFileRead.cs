namespace QaBot.Knowledge.Files;

/// <summary>One knowledge file as read now: what its parser yielded, before files are merged.</summary>
/// <param name="Root">The configured path (folder or file) the file was found under.</param>
/// <param name="FullPath">The file's full path: its identity from one reload to the next.</param>
/// <param name="File">The path relative to <paramref name="Root"/>, with forward slashes (ids and messages use it).</param>
/// <param name="Kind"><c>markdown</c>, <c>jsonl</c> or <c>synonyms</c>.</param>
internal sealed record KnowledgeFileRead(
    string Root,
    string FullPath,
    string File,
    string Kind,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<SynonymRule> Synonyms,
    IReadOnlyList<KnowledgeDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
