using QaBot.Host.Cli;

return await QaBotCommandLine.RunAsync(args);

/// <summary>The entry point; public so that integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
