using QaBot.Analytics.Privacy;

namespace QaBot.Analytics.Tests;

public sealed class TextRedactorTests
{
    [Theory]
    [InlineData("my email is jane.doe+lupus@example.co.uk, can you reply?", "my email is [email], can you reply?")]
    [InlineData("write to J_Smith@clinic-mail.org please", "write to [email] please")]
    public void Redact_EmailAddress_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("call me on +44 20 7946 0958 about HSCT", "call me on [phone] about HSCT")]
    [InlineData("my number is +1-555-123-4567", "my number is [phone]")]
    [InlineData("ring 0044 20 7946 0958", "ring [phone]")]
    [InlineData("text +33612345678 tonight", "text [phone] tonight")]
    public void Redact_InternationalPhoneNumber_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("my doctor is at (555) 123-4567", "my doctor is at [phone]")]
    [InlineData("call 555-123-4567 or 555.123.4567", "call [phone] or [phone]")]
    [InlineData("mobile 06 12 34 56 78 after six", "mobile [phone] after six")]
    [InlineData("the clinic is on 020 7946 0958", "the clinic is on [phone]")]
    [InlineData("my cell 0612345678", "my cell [number]")]
    public void Redact_LocalPhoneNumber_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("schreib an jöhn@exämple.de bitte", "schreib an [email] bitte")]
    [InlineData("écrivez à marie.dupré@clinique-lyon.fr", "écrivez à [email]")]
    [InlineData("mail ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ now", "mail [email] now")]
    public void Redact_InternationalisedOrFullWidthEmail_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("call 555 - 123 - 4567 tonight", "call [phone] tonight")]
    [InlineData("call 555 -123- 4567", "call [phone]")]
    [InlineData("ring +44 . 20 . 7946 . 0958", "ring [phone]")]
    public void Redact_PhoneNumberWithSpacedSeparators_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("call ５５５-１２３-４５６７ please", "call [phone] please")]
    [InlineData("record ４４１２３４５", "record [number]")]
    [InlineData("رقمي ٠٥٥٥١٢٣٤٥٦٧ شكرا", "رقمي [number] شكرا")]
    [InlineData("call ٥٥٥-١٢٣-٤٥٦٧", "call [phone]")]
    [InlineData("born ۱۲/۰۵/۱۹۸۰", "born [date]")]
    public void Redact_FullWidthOrArabicIndicDigits_AreNormalisedThenRedacted(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("I take 10 - 20 mg, is 2 - 3 months normal?")]
    [InlineData("Is 1 - 2 in 100 a high risk?")]
    public void Redact_SpacedRangesOfSmallNumbers_AreUnchanged(string text) => Assert.Equal(text, TextRedactor.Redact(text));

    [Theory]
    [InlineData("my record number is 4412345 at the hospital", "my record number is [number] at the hospital")]
    [InlineData("patient id 10293", "patient id [number]")]
    [InlineData("born 12051980, is HSCT possible at my age", "born [number], is HSCT possible at my age")]
    [InlineData("card 4111 1111 1111 1111 for the deposit?", "card [number] for the deposit?")]
    [InlineData("card 4111-1111-1111-1111", "card [number]")]
    public void Redact_LongDigitRun_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("I was born on 12/05/1980, am I too old?", "I was born on [date], am I too old?")]
    [InlineData("dob 1980-05-12", "dob [date]")]
    [InlineData("born 3.7.65 with lupus", "born [date] with lupus")]
    public void Redact_DateWrittenWithDigits_IsReplaced(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("is https://clinic.example/book?patient=jane&dob=1980 legit?", "is https://clinic.example/book?[redacted] legit?")]
    [InlineData("see www.example.org/stem#section-2", "see www.example.org/stem?[redacted]")]
    public void Redact_UrlWithQueryOrFragment_KeepsTheSiteAndDropsTheRest(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text));

    [Theory]
    [InlineData("Is https://www.fda.gov/consumers/stem-cells a good page?")]
    [InlineData("Is 10 mg of prednisone a lot before HSCT?")]
    [InlineData("I am 45 years old with stage 4 lupus nephritis, diagnosed in 2019.")]
    [InlineData("My EDSS went from 6.5 to 4.0 after 2 to 3 months.")]
    [InlineData("They collected 2.5 million CD34+ cells per kg.")]
    [InlineData("Blood pressure 120/80 and 1 in 3 people relapse?")]
    [InlineData("Is a 40% chance of remission after 5 years good?")]
    [InlineData("Does it cost $10,000 or 50 000 euros?")]
    [InlineData("What are the ICD-10 codes M32.14 and G35 for?")]
    [InlineData("Can stem cell therapy help lupus (SLE)?")]
    public void Redact_OrdinaryMedicalText_IsUnchanged(string text) => Assert.Equal(text, TextRedactor.Redact(text));

    [Fact]
    public void Redact_VeryLongText_IsCutWithAnEllipsis()
    {
        var redacted = TextRedactor.Redact(string.Concat(Enumerable.Repeat("lupus and stem cells ", 200)));

        Assert.Equal(TextRedactor.MaxChars, redacted.Length);
        Assert.EndsWith("…", redacted, StringComparison.Ordinal);
    }
}
