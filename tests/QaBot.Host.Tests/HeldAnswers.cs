using QaBot.Answering;

namespace QaBot.Host.Tests;

/// <summary>
/// A test seam: the real answer service, whose knowledge answers wait until the test releases them (so they hold their
/// answering slots). Safety replies, which the question turn makes outside every slot, are not held.
/// </summary>
public sealed class HeldAnswers(AnswerService inner) : IAnswerService
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim entered = new(0);

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        if (question.Triage?.Verdict is not null)
        {
            return await inner.AnswerAsync(question, cancellationToken);
        }

        entered.Release();
        await release.Task.WaitAsync(cancellationToken);
        return await inner.AnswerAsync(question, cancellationToken);
    }

    /// <summary>Waits until a question has reached the answer service.</summary>
    public async Task WaitEnteredAsync()
    {
        if (!await entered.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("No question reached the answer service.");
        }
    }

    public void Release() => release.TrySetResult();

    /// <summary>Registers the seam in place of the host's answer service.</summary>
    public static void Install(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AnswerService>();
        builder.Services.AddSingleton<IAnswerService>(sp => new HeldAnswers(sp.GetRequiredService<AnswerService>()));
    }

    /// <summary>The seam of a host it was installed in.</summary>
    public static HeldAnswers Of(RealHost host) => (HeldAnswers)host.App.Services.GetRequiredService<IAnswerService>();
}
