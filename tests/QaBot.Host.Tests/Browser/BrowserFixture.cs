using PuppeteerSharp;

namespace QaBot.Host.Tests.Browser;

/// <summary>One headless Chromium for a test class; each test opens its own incognito context (no shared storage).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not running.");

    public async Task InitializeAsync()
    {
        if (Chromium.Missing is not null)
        {
            return; // every test of the class is skipped
        }

        browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = Chromium.Flags,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }
    }
}
