using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QaBot.Answering.Safety;

/// <summary>
/// Loads the safety exemplars off the start-up path (until then the rules decide alone) and reloads them when the
/// file's size or time change, checked every <see cref="SafetyOptions.ExemplarsPollInterval"/> (polling works on
/// every volume, including ConfigMaps and network shares).
/// </summary>
internal sealed class SafetyExemplarWatcher(SafetyExemplars exemplars, IOptions<SafetyOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!exemplars.IsEnabled)
        {
            return;
        }

        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (exemplars.HasChanged())
                {
                    exemplars.Reload(stoppingToken);
                }

                await Task.Delay(options.Value.ExemplarsPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
