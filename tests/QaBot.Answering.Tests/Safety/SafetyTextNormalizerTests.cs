using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetyTextNormalizerTests
{
    [Theory]
    [InlineData("I’M  Sooooo TIRED", "im soo tired")]
    [InlineData("can't  won’t\tdon`t", "cant wont dont")]
    [InlineData("self-harm — self_harm", "self harm self harm")]
    [InlineData("“quoted”", "\"quoted\"")]
    [InlineData("ｆｕｌｌ ｗｉｄｔｈ", "full width")]
    [InlineData("𝐛𝐨𝐥𝐝 𝘪𝘵𝘢𝘭𝘪𝘤", "bold italic")]
    [InlineData("ⓒⓘⓡⓒⓛⓔⓓ", "circled")]
    [InlineData("ﬁne ﬂu", "fine flu")]
    [InlineData("café naïve Ørsted", "cafe naive orsted")]
    [InlineData("e\u0301te\u0301", "ete")] // combining accents
    [InlineData("zero\u200Bwidth\u200Djoin\uFEFF", "zerowidthjoin")]
    [InlineData("line\none\r\ntwo\u0000three", "line one two three")]
    [InlineData("k1ll mys3lf su1c1de $uicide", "kill myself suicide suicide")]
    [InlineData("20mg 39.5 covid19 b12 $500", "20mg 39.5 covid19 b12 $500")]
    [InlineData("u r ur bus", "you are your bus")]
    [InlineData("🙂 hi 🧬 there 🙂", "hi there")]
    [InlineData("\uD800broken\uDC00", "broken")]
    [InlineData("  \t ", "")]
    public void Normalize_Message_GivesTheFormThePatternsAreWrittenFor(string message, string expected)
    {
        Assert.Equal(expected, SafetyTextNormalizer.Normalize(message));
    }
}
