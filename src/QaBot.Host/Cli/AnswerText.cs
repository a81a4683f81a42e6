using System.Text;
using QaBot.Answering;

namespace QaBot.Host.Cli;

/// <summary>An answer as readable terminal text: the text without Markdown markers, its sources (or related sections), and always the reminder.</summary>
internal static class AnswerText
{
    public static string Render(Answer answer)
    {
        var builder = new StringBuilder();
        builder.AppendLine(Plain(answer.Text));
        if (answer.Citations.Count > 0)
        {
            builder.AppendLine().AppendLine("Sources:");
            foreach (var citation in answer.Citations)
            {
                builder.Append('[').Append(citation.N).Append("] ").Append(citation.Title);
                if (citation.Section.Length > 0)
                {
                    builder.Append(" - ").Append(citation.Section);
                }

                builder.AppendLine();
                builder.Append("    ").AppendLine(citation.Url ?? citation.File);
                if (citation.Quote.Length > 0)
                {
                    builder.Append("    \"").Append(Plain(citation.Quote)).AppendLine("\"");
                }
            }
        }

        if (answer.Related.Count > 0)
        {
            builder.AppendLine().AppendLine("Related:");
            foreach (var related in answer.Related)
            {
                builder.Append("- ").Append(related.Section.Length > 0 ? related.Section : related.Title)
                    .Append(" (").Append(related.Id).AppendLine(")");
            }
        }

        builder.AppendLine().Append(answer.Reminder);
        return builder.ToString();
    }

    /// <summary>The text without bold markers; an escaped asterisk (<c>\*</c>) becomes a plain one.</summary>
    internal static string Plain(string text) =>
        text.Replace("**", "", StringComparison.Ordinal).Replace("\\*", "*", StringComparison.Ordinal);
}
