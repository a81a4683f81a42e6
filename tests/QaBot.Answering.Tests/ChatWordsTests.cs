using QaBot.Answering.Composition;

namespace QaBot.Answering.Tests;

/// <summary>Texting shorthand and abbreviations spelled out for search.</summary>
public sealed class ChatWordsTests
{
    [Theory]
    [InlineData("wat r stemcells", "what are stem cells")]
    [InlineData("stem cel side fx", "stem cell side effects")]
    [InlineData("wat is hsct n how long 2 recover", "what is hsct and how long to recover")]
    [InlineData("how do i find stem cell trails for lupus", "how do i find stem cell trials for lupus")]
    [InlineData("stem cells 4 RA", "stem cells for RA")]
    public void Normalize_TextingShorthand_IsSpelledOut(string question, string expected)
    {
        Assert.Equal(expected, ChatWords.Normalize(question));
    }

    [Theory]
    [InlineData("hiking trails near me")]
    [InlineData("what is the right dose of methotrexate")]
    [InlineData("do clinics sell stem cells")]
    public void Normalize_RealWordInItsOwnSense_IsKept(string question)
    {
        Assert.Equal(question, ChatWords.Normalize(question));
    }

    [Theory]
    [InlineData("msc for sle does it work", "mesenchymal stem cells (MSCs) for lupus (SLE) does it work")]
    [InlineData("is hsct approved for ms", "is stem cell transplant (HSCT) approved for multiple sclerosis (MS)")]
    [InlineData("lupus (SLE) and multiple sclerosis", "lupus (SLE) and multiple sclerosis")]
    public void SpellOutAbbreviations_KnowledgeAbbreviation_IsSpelledOutOnce(string question, string expected)
    {
        Assert.Equal(expected, ChatWords.SpellOutAbbreviations(question));
    }
}
