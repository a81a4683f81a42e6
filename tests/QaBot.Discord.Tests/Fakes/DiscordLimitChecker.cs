using System.Text.Json;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>Discord's documented message limits, checked the way Discord checks them (a 400 when broken).</summary>
public static class DiscordLimitChecker
{
    public static List<string> Violations(JsonElement message)
    {
        var errors = new List<string>();
        if (message.ValueKind != JsonValueKind.Object)
        {
            return errors;
        }

        if (message.TryGetProperty("content", out var content) && content.GetString()!.Length > 2000)
        {
            errors.Add("content > 2000");
        }

        if (!message.TryGetProperty("embeds", out var embeds))
        {
            return errors;
        }

        var total = 0;
        foreach (var embed in embeds.EnumerateArray())
        {
            total += Length(embed, "title", 256, "title", errors) + Length(embed, "description", 4096, "description", errors);
            if (embed.TryGetProperty("footer", out var footer))
            {
                total += Length(footer, "text", 2048, "footer", errors);
            }

            if (embed.TryGetProperty("fields", out var fields))
            {
                if (fields.GetArrayLength() > 25)
                {
                    errors.Add("more than 25 fields");
                }

                foreach (var field in fields.EnumerateArray())
                {
                    var name = Length(field, "name", 256, "field name", errors);
                    var value = Length(field, "value", 1024, "field value", errors);
                    if (name == 0 || value == 0)
                    {
                        errors.Add("empty field");
                    }

                    total += name + value;
                }
            }
        }

        if (total > 6000)
        {
            errors.Add($"embeds total {total} > 6000");
        }

        return errors;
    }

    private static int Length(JsonElement element, string property, int limit, string what, List<string> errors)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return 0;
        }

        var length = value.GetString()!.Length;
        if (length > limit)
        {
            errors.Add($"{what} {length} > {limit}");
        }

        return length;
    }
}
