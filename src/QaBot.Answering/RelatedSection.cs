namespace QaBot.Answering;

/// <summary>A knowledge section near a question the knowledge cannot answer: offered to read, not cited.</summary>
public sealed record RelatedSection(string Id, string Title, string Section);
