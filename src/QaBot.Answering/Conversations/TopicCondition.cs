namespace QaBot.Answering.Conversations;

/// <summary>The conditions the knowledge covers.</summary>
internal enum TopicCondition
{
    MultipleSclerosis,
    Lupus,
    RheumatoidArthritis,
}
