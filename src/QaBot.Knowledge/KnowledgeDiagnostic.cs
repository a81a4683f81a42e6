namespace QaBot.Knowledge;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found in a knowledge file, with its exact location.</summary>
public sealed record KnowledgeDiagnostic(DiagnosticSeverity Severity, string File, int Line, string Message)
{
    public static KnowledgeDiagnostic Error(string file, int line, string message) => new(DiagnosticSeverity.Error, file, line, message);

    public static KnowledgeDiagnostic Warning(string file, int line, string message) => new(DiagnosticSeverity.Warning, file, line, message);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Compiler-style text: <c>path:line: error: message</c>.</summary>
    public override string ToString() =>
        $"{File}:{Line}: {(IsError ? "error" : "warning")}: {Message}";
}
