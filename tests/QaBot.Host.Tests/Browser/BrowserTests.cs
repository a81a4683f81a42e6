namespace QaBot.Host.Tests.Browser;

/// <summary>The browser tests run one at a time: each starts hosts and pages, and the machine has few cores.</summary>
[CollectionDefinition(nameof(BrowserTests), DisableParallelization = true)]
public sealed class BrowserTests;
