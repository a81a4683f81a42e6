using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetyRepliesTests
{
    private static readonly SafetyReplies Replies = new(new SafetyOptions());

    [Fact]
    public void Answer_Emergency_LeadsWithEmergencyServicesNotTheCrisisLine()
    {
        var answer = Replies.Answer(new SafetyVerdict(SafetyCategory.Emergency, "emergency.chest-pain"), "reminder");

        Assert.StartsWith("This could be a medical emergency. Please call your local emergency number now", answer.Text, StringComparison.Ordinal);
        Assert.Equal([ContactKind.Emergency, ContactKind.Emergency, ContactKind.Crisis], answer.Contacts.Select(c => c.Kind));
        Assert.Equal("911", answer.Contacts[0].Phone);
    }

    [Fact]
    public void Answer_SelfHarm_LeadsWithTheCrisisLineAndWarmth()
    {
        var answer = Replies.Answer(new SafetyVerdict(SafetyCategory.SelfHarm, "self_harm.want-to-die"), "reminder");

        Assert.StartsWith("Please reach out to a crisis line now: in the US, call or text 988. You are not alone", answer.Text, StringComparison.Ordinal);
        Assert.Equal("988", answer.Contacts[0].Phone);
        Assert.Equal(ContactKind.Crisis, answer.Contacts[0].Kind);
    }

    [Theory]
    [InlineData(SafetyCategory.PersonalMedicalAdvice)]
    [InlineData(SafetyCategory.Dosing)]
    public void Answer_Refusal_HasNoContactsButTheReminder(SafetyCategory category)
    {
        var answer = Replies.Answer(new SafetyVerdict(category, "x"), "Please consult a healthcare provider.");

        Assert.Empty(answer.Contacts);
        Assert.Equal("Please consult a healthcare provider.", answer.Reminder);
    }

    [Theory]
    [InlineData("es", "Si estás en peligro, llama ahora al número de emergencias local (112 en la UE, 911 en EE. UU.).")]
    [InlineData("fr", "Si vous êtes en danger, appelez maintenant le numéro d'urgence local (112 dans l'UE, 911 aux États-Unis).")]
    public void Answer_OtherLanguage_AddsTheNoteInThatLanguage(string language, string note)
    {
        var answer = Replies.Answer(new SafetyVerdict(SafetyCategory.SelfHarm, "x") { Language = language }, "r");

        Assert.Equal(note, answer.LanguageNote);
    }

    [Fact]
    public void Answer_English_HasNoLanguageNote() =>
        Assert.Null(Replies.Answer(new SafetyVerdict(SafetyCategory.SelfHarm, "x"), "r").LanguageNote);

    [Fact]
    public void Answer_Json_CarriesContactsAndLanguageNote()
    {
        var answer = Replies.Answer(new SafetyVerdict(SafetyCategory.Emergency, "x") { Language = "de" }, "r");

        var json = AnswerJson.Serialize(answer);

        Assert.Contains("""{"name":"Emergency services","contact":"call 911","phone":"911","region":"US","kind":"emergency"}""", json, StringComparison.Ordinal);
        Assert.Contains("\"language_note\":\"Wenn Sie in Gefahr sind", json, StringComparison.Ordinal);
    }
}
