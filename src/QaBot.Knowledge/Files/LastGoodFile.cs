namespace QaBot.Knowledge.Files;

/// <summary>A knowledge file's most recent version without errors, and when it was loaded.</summary>
internal sealed record LastGoodFile(KnowledgeFileRead Read, DateTimeOffset Since);
