namespace QaBot.Moderation.Tests;

public sealed class ModeratorReplyTests
{
    [Fact]
    public void ToPlainText_AReply_HasTitleLinesFieldsAndEndsWithTheReminder()
    {
        var reply = new ModeratorReply
        {
            Title = "Knowledge status",
            Lines = ["3 passages", "Embeddings: off"],
            Fields = [new ModeratorField("Problems", ["`a.md:2` error: no title"])],
            Reminder = "Please talk to your healthcare provider.",
        };

        var text = reply.ToPlainText();

        Assert.Equal(
            "Knowledge status\n3 passages\nEmbeddings: off\n\nProblems\n  `a.md:2` error: no title\n\nPlease talk to your healthcare provider.",
            text);
    }
}
