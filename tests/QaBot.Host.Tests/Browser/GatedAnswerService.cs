using QaBot.Answering;

namespace QaBot.Host.Tests.Browser;

/// <summary>
/// Wraps the real answer service: counts the questions it gets and, while <see cref="Hold"/> is set, keeps each one
/// waiting until <see cref="Release"/>, so that a test can look at the page while a question is in flight.
/// </summary>
public sealed class GatedAnswerService(IAnswerService inner) : IAnswerService
{
    private TaskCompletionSource gate = NewGate();
    private int questions;

    public int Questions => Volatile.Read(ref questions);

    public bool Hold { get; set; }

    public void Release()
    {
        Hold = false;
        gate.TrySetResult();
        gate = NewGate();
    }

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref questions);
        if (Hold)
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return await inner.AnswerAsync(question, cancellationToken);
    }

    /// <summary>Replaces the host's <see cref="IAnswerService"/> with a gate around it.</summary>
    public static void Install(IHostApplicationBuilder builder, Action<GatedAnswerService> created)
    {
        var services = builder.Services;
        var descriptor = services.Last(d => d.ServiceType == typeof(IAnswerService));
        services.Remove(descriptor);
        services.AddSingleton<IAnswerService>(sp =>
        {
            var inner = descriptor.ImplementationFactory is { } factory
                ? (IAnswerService)factory(sp)
                : descriptor.ImplementationInstance as IAnswerService
                    ?? (IAnswerService)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
            var gated = new GatedAnswerService(inner);
            created(gated);
            return gated;
        });
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
