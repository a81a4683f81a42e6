using System.Collections.Concurrent;
using PuppeteerSharp;
using PuppeteerSharp.Input;
using QaBot.Answering.Feedback;

namespace QaBot.Host.Tests.Browser;

/// <summary>
/// The chat page in headless Chromium against a real host on 127.0.0.1: what a person sees and can do. Skipped, with
/// the reason, where Chromium is not installed.
/// </summary>
[Collection(nameof(BrowserTests))]
public sealed class ChatPageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Reminder = "This is general information, not medical advice. Please talk to your healthcare provider about your own situation.";
    private const string Replies = "#log > .msg.bot:not(.pending):not(.failed), #log > .msg.failed";
    private static readonly WaitForFunctionOptions Wait = new() { Timeout = 30_000, PollingInterval = 50 };

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["QaBot:Analytics:Enabled"] = "false" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task<(IPage Page, ConcurrentQueue<string> Errors)> OpenAsync(RealHost host, int width = 1280, int height = 900)
    {
        var context = await fixture.Browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Enqueue(e.Message.Text);
            }
        };
        page.PageError += (_, e) => errors.Enqueue(e.Message);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, IsMobile = width < 500, HasTouch = width < 500, DeviceScaleFactor = 1 });
        await page.GoToAsync(host.BaseAddress.ToString(), WaitUntilNavigation.Load);
        return (page, errors);
    }

    private static Task<int> RepliesAsync(IPage page) =>
        page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", Replies);

    /// <summary>Puts <paramref name="question"/> in the box and presses Enter; waits for reply number <paramref name="expected"/>.</summary>
    private static async Task AskAsync(IPage page, string question, int expected)
    {
        await page.EvaluateFunctionAsync(
            "q => { const i = document.getElementById('question'); i.focus(); i.value = q; i.dispatchEvent(new Event('input')); }",
            question);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("(s, n) => document.querySelectorAll(s).length >= n", Wait, Replies, expected);
    }

    private static Task<bool> InViewportAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<bool>(
            """
            s => {
              const r = document.querySelector(s).getBoundingClientRect();
              return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
            }
            """,
            selector);

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(Repository.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [ChromiumFact]
    public async Task Ask_Answered_ShowsTextSourcesFoldedAndTheReminder()
    {
        await using var host = await RealHost.StartAsync(Settings());
        var (page, errors) = await OpenAsync(host);

        await AskAsync(page, "Can stem cell therapy help lupus?", 1);

        var reply = await page.EvaluateExpressionAsync<ReplyView>(
            """
            (() => {
              const a = document.querySelector('#log > .msg.bot:not(.pending):not(.failed)');
              const cites = [...a.querySelectorAll('.body a.cite')];
              return {
                kind: a.className,
                text: a.innerText,
                sources: a.querySelectorAll('.sources li').length,
                openQuotes: [...a.querySelectorAll('.sources details')].filter(d => d.open).length,
                quotes: a.querySelectorAll('.sources details').length,
                visibleQuotes: [...a.querySelectorAll('.sources blockquote')].filter(q => q.checkVisibility()).length,
                citesResolved: cites.length > 0 && cites.every(c => document.getElementById(c.getAttribute('href').slice(1)) !== null),
                reminderVisible: [...a.querySelectorAll('.reminder')].some(r => r.checkVisibility() && r.textContent.includes('healthcare provider')),
                feedbackButtons: a.querySelectorAll('.feedback button').length,
              };
            })()
            """);
        await page.ScreenshotAsync(ScreenshotPath("chat-desktop.png"));

        Assert.Contains("answered", reply.Kind, StringComparison.Ordinal);
        Assert.True(reply.Sources > 0, "no sources listed");
        Assert.Equal(reply.Sources, reply.Quotes);
        Assert.Equal(0, reply.OpenQuotes);
        Assert.Equal(0, reply.VisibleQuotes);
        Assert.True(reply.CitesResolved, "a [n] marker does not link to its source");
        Assert.True(reply.ReminderVisible, "the reminder is not shown on the reply");
        Assert.DoesNotContain("**", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.FeedbackButtons);
        Assert.Empty(errors); // nothing blocked by the Content-Security-Policy, no script errors
    }

    [ChromiumFact]
    public async Task PhoneAndDesktop_FiveAnswers_InputAndReminderStayVisibleAtTheBottom()
    {
        await using var host = await RealHost.StartAsync(Settings());
        string[] questions =
        [
            "Can stem cell therapy help lupus?",
            "What is autologous hematopoietic stem cell transplantation for multiple sclerosis?",
            "What are the risks of stem cell transplant?",
            "Can stem cells help rheumatoid arthritis?",
            "How long does recovery take after a stem cell transplant?",
        ];

        foreach (var (width, height) in new[] { (360, 640), (390, 844), (1280, 900) })
        {
            var (page, errors) = await OpenAsync(host, width, height);
            for (var i = 0; i < questions.Length; i++)
            {
                await AskAsync(page, questions[i], i + 1);
            }

            if (width == 390)
            {
                await page.ScreenshotAsync(ScreenshotPath("chat-phone.png"));
            }

            Assert.True(await InViewportAsync(page, "#question"), $"the question box is off screen at {width}x{height}");
            Assert.True(await InViewportAsync(page, "#send"), $"the send button is off screen at {width}x{height}");
            Assert.True(await InViewportAsync(page, ".standing-reminder"), $"the reminder is off screen at {width}x{height}");
            Assert.True(await page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width}x{height}");
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task SendTwiceWhileWaiting_SendsOnceAndShowsTheTypingIndicator()
    {
        GatedAnswerService? gated = null;
        await using var host = await RealHost.StartAsync(Settings(), builder => GatedAnswerService.Install(builder, g => gated = g));
        var (page, _) = await OpenAsync(host);
        await page.WaitForSelectorAsync("#question");
        await host.Client.GetAsync(new Uri("readyz", UriKind.Relative)); // the service is built on first use
        gated ??= host.App.Services.GetRequiredService<QaBot.Answering.IAnswerService>() as GatedAnswerService;
        gated!.Hold = true;

        await page.FocusAsync("#question");
        await page.Keyboard.TypeAsync("Can stem cell therapy help lupus?");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#log .pending .typing", new WaitForSelectorOptions { Timeout = 10_000 });
        var disabled = await page.EvaluateExpressionAsync<bool>("document.getElementById('send').disabled");
        await page.Keyboard.TypeAsync("again");
        await page.Keyboard.PressAsync("Enter");
        await page.ClickAsync("#send");
        await page.EvaluateExpressionAsync("document.getElementById('ask').requestSubmit()");
        await Task.Delay(300); // any second request would have been sent by now
        var whileHeld = gated.Questions;
        gated.Release();
        await page.WaitForFunctionAsync("(s, n) => document.querySelectorAll(s).length >= n", Wait, Replies, 1);

        Assert.True(disabled, "send stays enabled while a question is in flight");
        Assert.Equal(1, whileHeld);
        Assert.Equal(1, gated.Questions);
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#log > .msg.mine').length"));
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('send').disabled"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#log .pending').length"));
    }

    [ChromiumFact]
    public async Task ServerStoppedMidConversation_KeepsTheQuestionAndRetryAnswersIt()
    {
        var first = await RealHost.StartAsync(Settings());
        var address = first.BaseAddress.ToString().TrimEnd('/');
        var (page, _) = await OpenAsync(first);
        await AskAsync(page, "Can stem cell therapy help lupus?", 1);
        await first.DisposeAsync();

        const string question = "What are the risks of stem cell transplant?";
        await AskAsync(page, question, 2);
        var failure = await page.EvaluateExpressionAsync<string>("document.querySelector('#log > .msg.failed').innerText");
        var kept = await page.EvaluateExpressionAsync<string>("document.getElementById('question').value");

        await using var second = await RealHost.StartAsync(Settings(), url: address);
        await page.ClickAsync("#log > .msg.failed .retry");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#log > .msg.bot:not(.pending):not(.failed)').length >= 2 && !document.querySelector('#log > .msg.failed')", Wait);

        Assert.Contains("could not be reached", failure, StringComparison.Ordinal);
        Assert.Contains(Reminder, failure, StringComparison.Ordinal);
        Assert.Equal(question, kept);
        Assert.Equal("", await page.EvaluateExpressionAsync<string>("document.getElementById('question').value"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#log > .msg.mine').length"));
    }

    [ChromiumFact]
    public async Task RateLimited_ShowsAClearMessageWithTheReminderAndKeepsTheQuestion()
    {
        await using var host = await RealHost.StartAsync(Settings(
            ("QaBot:RateLimits:Enabled", "true"),
            ("QaBot:RateLimits:PerUser:TokenLimit", "1"),
            ("QaBot:RateLimits:PerUser:TokensPerPeriod", "1"),
            ("QaBot:RateLimits:PerUser:ReplenishmentPeriod", "00:10:00")));
        var (page, _) = await OpenAsync(host);

        await AskAsync(page, "Can stem cell therapy help lupus?", 1);
        await AskAsync(page, "Can stem cells help rheumatoid arthritis?", 2);

        var failure = await page.EvaluateExpressionAsync<string>("document.querySelector('#log > .msg.failed').innerText");
        Assert.Contains("second", failure, StringComparison.Ordinal); // "Please wait about N seconds"
        Assert.Contains(Reminder, failure, StringComparison.Ordinal);
        Assert.True(await page.EvaluateExpressionAsync<bool>("!!document.querySelector('#log > .msg.failed .retry')"));
        Assert.Equal("Can stem cells help rheumatoid arthritis?", await page.EvaluateExpressionAsync<string>("document.getElementById('question').value"));
    }

    [ChromiumFact]
    public async Task SafetyReplies_ShowAHeadlineTelLinksAndAreStyledApart()
    {
        await using var host = await RealHost.StartAsync(Settings());
        var (page, errors) = await OpenAsync(host, 390, 844);

        await AskAsync(page, "I want to kill myself", 1);
        await AskAsync(page, "I have crushing chest pain and can't breathe", 2);

        var cards = await page.EvaluateExpressionAsync<SafetyView[]>(
            """
            [...document.querySelectorAll('#log > .msg.bot:not(.pending):not(.failed)')].map(a => ({
              kind: a.className,
              role: a.getAttribute('role') || '',
              headline: a.querySelector('.headline') ? a.querySelector('.headline').textContent : '',
              tel: [...a.querySelectorAll('a[href^="tel:"]')].map(l => l.getAttribute('href')),
              background: getComputedStyle(a).backgroundColor,
              text: a.innerText,
            }))
            """);

        Assert.Equal(2, cards.Length);
        var (selfHarm, emergency) = (cards[0], cards[1]);
        Assert.Contains("urgent-self_harm", selfHarm.Kind, StringComparison.Ordinal);
        Assert.Contains("urgent-emergency", emergency.Kind, StringComparison.Ordinal);
        Assert.Equal(("alert", "alert"), (selfHarm.Role, emergency.Role));
        Assert.False(string.IsNullOrWhiteSpace(selfHarm.Headline));
        Assert.NotEqual(selfHarm.Headline, emergency.Headline);
        Assert.NotEqual(selfHarm.Background, emergency.Background);
        Assert.Contains("tel:988", selfHarm.Tel);
        Assert.Contains(emergency.Tel, t => t is "tel:911" or "tel:112");
        Assert.Contains(Reminder, selfHarm.Text, StringComparison.Ordinal);
        Assert.Contains(Reminder, emergency.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Where to get help now:", selfHarm.Text, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task Feedback_NotHelpfulClick_IsThankedAndRecordedForTheWeb()
    {
        var sink = new RecordingFeedbackSink();
        await using var host = await RealHost.StartAsync(Settings(), builder => builder.Services.AddSingleton<IFeedbackSink>(sink));
        var (page, _) = await OpenAsync(host);
        const string question = "Can stem cell therapy help lupus?";
        await AskAsync(page, question, 1);
        var sources = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#log .sources li').length");

        var label = await page.EvaluateExpressionAsync<string>("document.querySelector('#log .feedback button:nth-of-type(2)').textContent");
        await page.ClickAsync("#log .feedback button:nth-of-type(2)");
        await page.WaitForFunctionAsync("() => document.querySelector('#log .feedback .thanks').textContent.startsWith('Thank you')", Wait);

        Assert.Equal("Not helpful", label);
        var entry = Assert.Single(sink.Entries);
        Assert.Equal(("web", false, question), (entry.Platform, entry.Helpful, entry.Question));
        Assert.Equal(sources, entry.PassageIds.Count);
        Assert.All(entry.PassageIds, id => Assert.Contains('#', id));
        Assert.True(await page.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('#log .feedback button')].every(b => b.disabled)"));
    }

    [ChromiumFact]
    public async Task KeyboardOnly_ShiftEnterAddsALineEnterSendsAndFocusStaysInTheBox()
    {
        await using var host = await RealHost.StartAsync(Settings());
        var (page, _) = await OpenAsync(host, 390, 844);

        var focusedAtLoad = await page.EvaluateExpressionAsync<string>("document.activeElement.id");
        await page.Keyboard.TypeAsync("Can stem cell therapy");
        await page.Keyboard.DownAsync("Shift");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.UpAsync("Shift");
        await page.Keyboard.TypeAsync("help lupus?");
        var typed = await page.EvaluateExpressionAsync<string>("document.getElementById('question').value");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("(s, n) => document.querySelectorAll(s).length >= n", Wait, Replies, 1);
        var focusedAfter = await page.EvaluateExpressionAsync<string>("document.activeElement.id");
        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateExpressionAsync<string>("document.activeElement.id");

        Assert.Equal("question", focusedAtLoad);
        Assert.Equal("Can stem cell therapy\nhelp lupus?", typed);
        Assert.Equal("question", focusedAfter);
        Assert.Equal("send", next);
        Assert.Equal("answered", (await page.EvaluateExpressionAsync<string>("document.querySelector('#log > .msg.bot:not(.pending):not(.failed)').className")).Split(' ')[^1]);
    }

    [ChromiumFact]
    public async Task Page_InputMaxLength_ComesFromTheServersLimit()
    {
        await using var host = await RealHost.StartAsync(Settings(("QaBot:Answering:MaxQuestionChars", "120")));
        var (page, _) = await OpenAsync(host);

        await page.FocusAsync("#question");
        await page.Keyboard.TypeAsync(new string('a', 130));

        Assert.Equal(120, await page.EvaluateExpressionAsync<int>("document.getElementById('question').value.length"));
    }

    [ChromiumFact]
    public async Task ContractFields_ContactsLanguageNoteAndRelated_AreShownAndRelatedAsksItsSection()
    {
        await using var host = await RealHost.StartAsync(Settings());
        var (page, errors) = await OpenAsync(host, 390, 844);
        var replies = new ConcurrentQueue<string>(
        [
            """{"kind":"safety","category":"emergency","text":"Please get help now.\n\nWhere to get help now:\n- Emergency services: call 112","citations":[],"reminder":"R1","contacts":[{"name":"Emergency services","contact":"call 112","phone":"112","region":null,"kind":"emergency"}],"language_note":"Llame a su número local de emergencias."}""",
            """{"kind":"no_answer","category":null,"text":"I could not find that.","citations":[],"reminder":"R2","related":[{"id":"conditions/lupus#a","title":"Lupus","section":"Can stem cell therapy help lupus (SLE)?"}]}""",
            """{"kind":"no_answer","category":null,"text":"Still nothing.","citations":[],"reminder":"R3"}""",
        ]);
        var asked = new ConcurrentQueue<string>();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.EndsWith("/api/ask", StringComparison.Ordinal) && replies.TryDequeue(out var json))
            {
                asked.Enqueue(e.Request.PostData?.ToString() ?? "");
                await e.Request.RespondAsync(new ResponseData { Status = System.Net.HttpStatusCode.OK, ContentType = "application/json", Body = json });
            }
            else
            {
                await e.Request.ContinueAsync();
            }
        };

        await AskAsync(page, "chest pain", 1);
        await AskAsync(page, "something else", 2);
        await page.ClickAsync("#log .suggestions .chip");
        await page.WaitForFunctionAsync("(s, n) => document.querySelectorAll(s).length >= n", Wait, Replies, 3);

        var safety = await page.EvaluateExpressionAsync<string>("document.querySelector('#log > .msg.safety').innerText");
        var tel = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#log > .msg.safety a[href^=\"tel:\"]')].map(a => a.getAttribute('href'))");
        Assert.Equal(["tel:112"], tel);
        Assert.Contains("Llame a su número local de emergencias.", safety, StringComparison.Ordinal);
        Assert.DoesNotContain("Where to get help now:", safety, StringComparison.Ordinal);
        Assert.Contains("R1", safety, StringComparison.Ordinal);
        Assert.Equal(3, asked.Count);
        Assert.Contains("\"question\":\"Can stem cell therapy help lupus (SLE)?\"", asked.Last(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    public sealed record ReplyView(string Kind, string Text, int Sources, int OpenQuotes, int Quotes, int VisibleQuotes, bool CitesResolved, bool ReminderVisible, int FeedbackButtons);

    public sealed record SafetyView(string Kind, string Role, string Headline, string[] Tel, string Background, string Text);
}
