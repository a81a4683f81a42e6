using Microsoft.Extensions.Options;

namespace QaBot.Answering.Conversations;

/// <summary>Checks <see cref="ConversationOptions"/> at start-up and reports every problem in one message.</summary>
internal sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    private const string Section = ConversationOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        var errors = new List<string>();
        if (options.MaxTurns is < 1 or > 50)
        {
            errors.Add($"{Section}:MaxTurns must be between 1 and 50.");
        }

        if (options.Lifetime < TimeSpan.FromSeconds(1) || options.Lifetime > TimeSpan.FromDays(1))
        {
            errors.Add($"{Section}:Lifetime must be between 00:00:01 and 1.00:00:00.");
        }

        if (options.MaxConversations is < 1 or > 10_000_000)
        {
            errors.Add($"{Section}:MaxConversations must be between 1 and 10000000.");
        }

        if (options.MaxTurnChars is < 100 or > 100_000)
        {
            errors.Add($"{Section}:MaxTurnChars must be between 100 and 100000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
