using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Answering.RateLimiting;
using QaBot.Discord.Gateway;
using QaBot.Discord.Model;
using QaBot.Discord.Moderation;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Bot;

/// <summary>
/// QaBot on Discord: answers <c>/ask</c>, <c>/about</c>, the moderators' <c>/kb</c> (<see cref="ModeratorInteractions"/>), @mentions in allowed channels and DMs through
/// <see cref="IAnswerService"/>, hands button clicks to <see cref="IFeedbackSink"/>, ignores bots (itself included) and
/// applies the per-user cooldown and the shared rate limits (<see cref="UserCooldown"/>), and answers only in one of the
/// shared answering slots (<see cref="IQuestionRateLimiter.EnterAsync"/>). Work runs off the gateway's loop, in <see cref="InFlightWork"/>. Never logs message
/// text, user names or tokens.
/// </summary>
internal sealed partial class DiscordBot(
    IAnswerService answers,
    IFeedbackSink feedbackSink,
    IDiscordRestApi api,
    AnswerMessageBuilder messages,
    UserCooldown cooldown,
    IQuestionRateLimiter rateLimiter,
    AnsweringMetrics metrics,
    FeedbackContextStore feedbackContexts,
    InFlightWork work,
    ModeratorInteractions moderators,
    IOptions<DiscordOptions> options,
    IOptions<AnsweringOptions> answeringOptions,
    TimeProvider time,
    ILogger<DiscordBot> logger) : IDiscordEventListener
{
    public const string Platform = "discord";

    internal const string ThanksText = "Thank you for your feedback! It helps us improve QaBot.";
    internal const string ChannelNotAllowedText =
        "I only answer questions in certain channels on this server. Please ask there, or send me a direct message.";
    internal const string ApologyText =
        "Sorry, something went wrong while I was looking for an answer. Please try again in a moment.";
    internal const string UnknownCommandText = "Sorry, I don't know that command. Try `/ask` or `/about`.";

    private readonly ConcurrentDictionary<string, byte> ownThreads = new(StringComparer.Ordinal);
    private volatile string? selfId;
    private volatile string? applicationId;

    private DiscordOptions Options => options.Value;

    /// <summary>The application id, once known (from the configuration, Discord, or READY).</summary>
    public string? ApplicationId
    {
        get => applicationId;
        set => applicationId = value;
    }

    public Task OnReadyAsync(DiscordReady ready, CancellationToken cancellationToken)
    {
        selfId = ready.User.Id;
        applicationId ??= ready.Application?.Id;
        return Task.CompletedTask;
    }

    public Task OnMessageCreatedAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        var question = QuestionIn(message);
        if (question is null)
        {
            return Task.CompletedTask;
        }

        var decision = cooldown.Check(message.Author!.Id);
        if (!decision.Allowed)
        {
            LogCooldown(logger, "message", decision.Notify);
            if (decision.Notify)
            {
                var note = AnswerMessageBuilder.Note(Refusal(decision), answeringOptions.Value.Reminder, ephemeral: false) with { MessageReference = ReplyTo(message) };
                work.Run("cooldown note", token => api.CreateMessageAsync(message.ChannelId, note, token));
            }

            return Task.CompletedTask;
        }

        work.Run(message.GuildId is null ? "direct message" : "mention", token => AnswerMessageAsync(message, question, token));
        return Task.CompletedTask;
    }

    public Task OnInteractionCreatedAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var plan = Plan(interaction);
        work.Run(Describe(interaction), async token =>
        {
            await api.CreateInteractionResponseAsync(interaction.Id, interaction.Token, plan.Response, token).ConfigureAwait(false);
            if (plan.FollowUp is { } followUp)
            {
                await followUp(token).ConfigureAwait(false);
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>Runs an interaction's follow-up in the background (the HTTP endpoint calls this once its response is sent).</summary>
    public void RunFollowUp(DiscordInteraction interaction, Func<CancellationToken, Task> followUp) =>
        work.Run(Describe(interaction), followUp);

    /// <summary>Decides the first response to an interaction and what happens after it.</summary>
    public InteractionPlan Plan(DiscordInteraction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new InteractionPlan(new InteractionResponse { Type = InteractionResponseType.Pong });

            case InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.Ask:
                return PlanAsk(interaction);

            case InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.About:
                return Reply(AnswerMessageBuilder.About(Options, answeringOptions.Value.Reminder));

            case InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.Kb:
                return moderators.Plan(interaction, interaction.ApplicationId.Length > 0 ? interaction.ApplicationId : applicationId ?? "");

            case InteractionType.MessageComponent when FeedbackClick.TryParse(interaction.Data?.CustomId, out var click):
                return new InteractionPlan(
                    Message(AnswerMessageBuilder.Note(ThanksText, answeringOptions.Value.Reminder, ephemeral: true)),
                    token => RecordFeedbackAsync(interaction, click, token));

            default:
                return Reply(AnswerMessageBuilder.Note(UnknownCommandText, answeringOptions.Value.Reminder, ephemeral: true));
        }
    }

    /// <summary>The question a message asks the bot, or null when the bot should stay silent.</summary>
    internal string? QuestionIn(DiscordMessage message)
    {
        var author = message.Author;
        var self = selfId;
        if (author is null || author.Bot == true || author.System == true || message.WebhookId is not null || self is null || author.Id == self)
        {
            return null; // other bots, webhooks, system messages and our own replies: no loops
        }

        if (message.GuildId is null)
        {
            return Options.AnswerDirectMessages ? message.Content : null;
        }

        var mention = "<@" + self + ">";
        var nickMention = "<@!" + self + ">";
        var mentioned = message.Mentions.Any(u => u.Id == self)
                        || message.Content.Contains(mention, StringComparison.Ordinal)
                        || message.Content.Contains(nickMention, StringComparison.Ordinal);
        if (!Options.AnswerMentions || !mentioned || !ChannelAllowed(message.ChannelId))
        {
            return null;
        }

        return message.Content.Replace(mention, " ", StringComparison.Ordinal).Replace(nickMention, " ", StringComparison.Ordinal).Trim();
    }

    private InteractionPlan PlanAsk(DiscordInteraction interaction)
    {
        if (interaction.GuildId is not null && !ChannelAllowed(interaction.ChannelId))
        {
            return Reply(AnswerMessageBuilder.Note(ChannelNotAllowedText, answeringOptions.Value.Reminder, ephemeral: true));
        }

        var userId = interaction.Actor?.Id;
        if (userId is not null)
        {
            var decision = cooldown.Check(userId);
            if (!decision.Allowed)
            {
                LogCooldown(logger, "slash command", true);
                return Reply(AnswerMessageBuilder.Note(Refusal(decision), answeringOptions.Value.Reminder, ephemeral: true));
            }
        }

        var option = interaction.Data?.Options.FirstOrDefault(o => o.Name == DiscordCommands.QuestionOption);
        var question = option?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? "" : "";
        var application = interaction.ApplicationId.Length > 0 ? interaction.ApplicationId : applicationId ?? "";
        return new InteractionPlan(
            new InteractionResponse { Type = InteractionResponseType.DeferredChannelMessageWithSource },
            async token =>
            {
                var reply = await AnswerOrApologizeAsync(question, userId, token).ConfigureAwait(false);
                await api.CreateFollowupMessageAsync(application, interaction.Token, reply, token).ConfigureAwait(false);
            });
    }

    private async Task AnswerMessageAsync(DiscordMessage message, string question, CancellationToken token)
    {
        var reply = await AnswerOrApologizeAsync(question, message.Author!.Id, token).ConfigureAwait(false);
        if (Options.ReplyInThread && message.GuildId is not null && !ownThreads.ContainsKey(message.ChannelId))
        {
            try
            {
                var thread = await api.StartThreadFromMessageAsync(message.ChannelId, message.Id, ThreadName(question), token).ConfigureAwait(false);
                ownThreads.TryAdd(thread.Id, 0);
                var inThread = reply with
                {
                    Content = "<@" + message.Author.Id + ">",
                    AllowedMentions = new AllowedMentions { Parse = [], Users = [message.Author.Id] },
                };
                await api.CreateMessageAsync(thread.Id, inThread, token).ConfigureAwait(false);
                return;
            }
            catch (DiscordRestException ex) when ((int)ex.Status is >= 400 and < 500)
            {
                LogThreadFailed(logger, (int)ex.Status); // e.g. the channel is itself a thread, or no permission: reply instead
            }
        }

        await api.CreateMessageAsync(message.ChannelId, reply with { MessageReference = ReplyTo(message) }, token).ConfigureAwait(false);
    }

    private async Task<MessageCreate> AnswerOrApologizeAsync(string question, string? userId, CancellationToken token)
    {
        try
        {
            using var slot = await rateLimiter.EnterAsync(Platform, token).ConfigureAwait(false);
            if (!slot.Acquired)
            {
                LogBusy(logger);
                var busy = AnswerMessageBuilder.Layout("Sorry", slot.Decision.Reply, [], answeringOptions.Value.Reminder, AnswerMessageBuilder.NoAnswerColor);
                return new MessageCreate { Embeds = [busy], AllowedMentions = AllowedMentions.ReplyOnly };
            }

            var answer = await answers.AnswerAsync(new Question(question) { Platform = Platform, UserId = userId }, token).ConfigureAwait(false);
            return messages.Answer(answer, question);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex.GetType().Name);
            var apology = AnswerMessageBuilder.Layout("Sorry", ApologyText, [], answeringOptions.Value.Reminder, AnswerMessageBuilder.NoAnswerColor);
            return new MessageCreate { Embeds = [apology], AllowedMentions = AllowedMentions.ReplyOnly };
        }
    }

    private async Task RecordFeedbackAsync(DiscordInteraction interaction, FeedbackClick click, CancellationToken token)
    {
        metrics.RecordFeedback(Platform, click.Helpful);
        var context = feedbackContexts.RecallAll(click.Key);
        if (context is null)
        {
            LogFeedbackContextForgotten(logger);
        }

        await feedbackSink.RecordAsync(
            new FeedbackEntry
            {
                Platform = Platform,
                UserId = interaction.Actor?.Id,
                Helpful = click.Helpful,
                Kind = click.Kind,
                PassageIds = context?.PassageIds ?? [],
                Question = click.Helpful ? null : context?.Question,
                At = time.GetUtcNow(),
            },
            token).ConfigureAwait(false);
    }

    private bool ChannelAllowed(string? channelId) =>
        Options.AllowedChannelIds.Count == 0
        || (channelId is not null && (Options.AllowedChannelIds.Contains(channelId) || ownThreads.ContainsKey(channelId)));

    private static InteractionPlan Reply(MessageCreate message) => new(Message(message));

    private static InteractionResponse Message(MessageCreate message) =>
        new() { Type = InteractionResponseType.ChannelMessageWithSource, Data = message };

    private static MessageReference ReplyTo(DiscordMessage message) => new()
    {
        MessageId = message.Id,
        ChannelId = message.ChannelId,
        GuildId = message.GuildId,
        FailIfNotExists = false,
    };

    private static string Refusal(CooldownDecision decision) => decision.Reply ?? CooldownText(decision.Remaining);

    private static string CooldownText(TimeSpan remaining)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        return string.Format(
            CultureInfo.InvariantCulture,
            "You're asking quickly! Please wait {0} more second{1} before your next question, so that everyone gets a turn.",
            seconds,
            seconds == 1 ? "" : "s");
    }

    private static string ThreadName(string question)
    {
        var name = TextCleaner.Shorten(TextCleaner.Clean(question), 90);
        return name.Length > 0 ? name : "QaBot answer";
    }

    private static string Describe(DiscordInteraction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommand => "slash command",
        InteractionType.MessageComponent => "button click",
        _ => "interaction",
    };

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Discord: a user on cooldown asked again ({Source}); note sent: {Noted}")]
    private static partial void LogCooldown(ILogger logger, string source, bool noted);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Discord: could not start a thread ({Status}); replying in the channel")]
    private static partial void LogThreadFailed(ILogger logger, int status);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Error, Message = "Discord: answering failed ({Error}); sent an apology")]
    private static partial void LogAnswerFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Warning, Message = "Discord: every answering slot was taken; sent the busy reply")]
    private static partial void LogBusy(ILogger logger);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Discord: feedback on an answer no longer remembered; recorded without passage ids")]
    private static partial void LogFeedbackContextForgotten(ILogger logger);
}
