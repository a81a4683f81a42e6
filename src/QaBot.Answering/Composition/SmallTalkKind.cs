namespace QaBot.Answering.Composition;

/// <summary>Which kind of small talk a message is.</summary>
internal enum SmallTalkKind
{
    Greeting,
    Thanks,
    Capabilities,
    Goodbye,
}
