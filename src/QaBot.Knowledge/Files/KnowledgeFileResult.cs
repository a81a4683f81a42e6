namespace QaBot.Knowledge.Files;

/// <summary>What one knowledge file yielded: its passages and every problem found in it.</summary>
public sealed record KnowledgeFileResult(string File, IReadOnlyList<Passage> Passages, IReadOnlyList<KnowledgeDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
