namespace QaBot.Knowledge.Files;

/// <summary>One configured knowledge path as read now: its files in load order, or why it could not be read.</summary>
/// <param name="Path">The configured folder or file.</param>
/// <param name="Files">The knowledge files found, in a stable order.</param>
/// <param name="Missing">The problem when the path does not exist; null otherwise.</param>
internal sealed record KnowledgeRootRead(string Path, IReadOnlyList<KnowledgeFileRead> Files, KnowledgeDiagnostic? Missing);
