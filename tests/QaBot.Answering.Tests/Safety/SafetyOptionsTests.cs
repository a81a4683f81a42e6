using System.ComponentModel.DataAnnotations;
using QaBot.Answering.Safety;

namespace QaBot.Answering.Tests.Safety;

public sealed class SafetyOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var errors = Validate(new SafetyOptions());

        Assert.Empty(errors);
    }

    [Fact]
    public void Defaults_CrisisContacts_GiveEmergencyNumbersAndThe988Lifeline()
    {
        var contacts = string.Join('\n', new SafetyOptions().EffectiveCrisisContacts.Select(c => $"{c.Name}: {c.Contact} ({c.Region})"));

        Assert.Contains("911", contacts, StringComparison.Ordinal);
        Assert.Contains("112", contacts, StringComparison.Ordinal);
        Assert.Contains("988 Suicide & Crisis Lifeline: call or text 988 (US)", contacts, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_CrisisContacts_HaveDialablePhonesAndKinds()
    {
        var contacts = new SafetyOptions().EffectiveCrisisContacts;

        Assert.Equal(
            [("911", "US", ContactKind.Emergency), ("988", "US", ContactKind.Crisis), ("112", "EU", ContactKind.Emergency)],
            contacts.Select(c => (c.Phone, c.Region, c.Kind)));
    }

    [Theory]
    [InlineData("988", true)]
    [InlineData("+18002738255", true)]
    [InlineData("116 123", false)]
    [InlineData("+", false)]
    [InlineData("call 112", false)]
    public void IsDialable_Phone_AcceptsDigitsWithAnOptionalPlus(string phone, bool expected) =>
        Assert.Equal(expected, SafetyOptions.IsDialable(phone));

    [Fact]
    public void Validate_ContactWithUndialablePhone_IsInvalid()
    {
        var options = new SafetyOptions();
        options.CrisisContacts.Add(new CrisisContact { Name = "Samaritans", Contact = "call 116 123", Phone = "116 123" });

        var errors = Validate(options);

        Assert.Contains("CrisisContacts[0].Phone must be a dialable number", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_Texts_SendEmergenciesToEmergencyServicesAndRefusalsToTheCareTeam()
    {
        var options = new SafetyOptions();

        Assert.Contains("call your local emergency number now (911 US / 112 EU)", options.EmergencyText, StringComparison.Ordinal);
        Assert.Contains("nearest emergency department", options.EmergencyText, StringComparison.Ordinal);
        Assert.Contains("You are not alone", options.SelfHarmText, StringComparison.Ordinal);
        Assert.Contains("988", options.SelfHarmText, StringComparison.Ordinal);
        Assert.Contains("care team", options.PersonalAdviceText, StringComparison.Ordinal);
        Assert.Contains("general questions", options.PersonalAdviceText, StringComparison.Ordinal);
        Assert.Contains("prescriber or pharmacist", options.DosingText, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenRulesFile_ReportsTheFileAndRule()
    {
        using var file = new TemporaryRulesFile("""{"rules":[{"id":"local.bad","category":"dosing","patterns":["("]}]}""");

        var errors = Validate(new SafetyOptions { RulesFile = file.Path });

        var error = Assert.Single(errors);
        Assert.Equal([nameof(SafetyOptions.RulesFile)], error.MemberNames);
        Assert.Contains(file.Path, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("local.bad", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ContactWithoutNumber_IsInvalid()
    {
        var options = new SafetyOptions();
        options.CrisisContacts.Add(new CrisisContact { Name = "Local line" });

        var errors = Validate(options);

        Assert.Equal("CrisisContacts[0] needs both a Name and a Contact.", Assert.Single(errors).ErrorMessage);
    }

    [Fact]
    public void EffectiveCrisisContacts_Configured_ReplaceTheDefaults()
    {
        var options = new SafetyOptions();
        options.CrisisContacts.Add(new CrisisContact { Name = "Samaritans", Contact = "call 116 123", Region = "UK" });

        Assert.Equal(["Samaritans"], options.EffectiveCrisisContacts.Select(c => c.Name));
        Assert.Equal(3, new SafetyOptions().EffectiveCrisisContacts.Count);
    }

    [Fact]
    public void Validate_EmptyReplyText_IsInvalid()
    {
        var errors = Validate(new SafetyOptions { DosingText = "" });

        Assert.Equal([nameof(SafetyOptions.DosingText)], Assert.Single(errors).MemberNames);
    }

    private static List<ValidationResult> Validate(SafetyOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
