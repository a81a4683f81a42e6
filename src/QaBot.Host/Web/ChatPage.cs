using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.Extensions.Options;
using QaBot.Answering;

namespace QaBot.Host.Web;

/// <summary>
/// The chat page: <c>/</c> (HTML), <c>/chat.css</c> and <c>/chat.js</c>, embedded in the assembly (folder <c>Web/Page</c>),
/// so the page needs nothing from outside the host and works offline. The page carries the server's settings it needs as
/// data attributes: the longest question (<see cref="AnsweringOptions.MaxQuestionChars"/>) and the reminder, which it
/// shows even when the server cannot be reached.
/// </summary>
internal sealed class ChatPage
{
    public const string ScriptPath = "/chat.js";
    public const string StylePath = "/chat.css";

    private const string HtmlType = "text/html; charset=utf-8";
    private const string NoCache = "no-cache";

    private readonly string script = Resource("chat.js");
    private readonly string style = Resource("chat.css");

    public ChatPage(IOptions<AnsweringOptions> answering)
    {
        var options = answering.Value;
        Html = Resource("index.html")
            .Replace("{{MAX_QUESTION_CHARS}}", options.MaxQuestionChars.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{REMINDER}}", WebUtility.HtmlEncode(options.Reminder), StringComparison.Ordinal);
    }

    /// <summary>The page, with the server's settings filled in.</summary>
    public string Html { get; }

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context, ChatPage page) => Serve(context, page.Html, HtmlType));
        app.MapGet(ScriptPath, (HttpContext context, ChatPage page) => Serve(context, page.script, "text/javascript; charset=utf-8"));
        app.MapGet(StylePath, (HttpContext context, ChatPage page) => Serve(context, page.style, "text/css; charset=utf-8"));
    }

    private static IResult Serve(HttpContext context, string content, string contentType)
    {
        context.Response.Headers.CacheControl = NoCache;
        return Results.Content(content, contentType);
    }

    private static string Resource(string name)
    {
        var assembly = typeof(ChatPage).Assembly;
        using var stream = assembly.GetManifestResourceStream("QaBot.Host.Web.Page." + name)
            ?? throw new InvalidOperationException($"The chat page resource {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
