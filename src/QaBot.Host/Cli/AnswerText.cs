using System.Text;
using QaBot.Answering;

namespace QaBot.Host.Cli;

/// <summary>An answer as readable terminal text.</summary>
internal static class AnswerText
{
    public static string Render(Answer answer)
    {
        var builder = new StringBuilder();
        builder.AppendLine(answer.Text);
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
                builder.Append("    \"").Append(citation.Quote).AppendLine("\"");
            }
        }

        builder.AppendLine().Append(answer.Reminder);
        return builder.ToString();
    }
}
