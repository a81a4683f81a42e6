using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Answering.Feedback;
using QaBot.Answering.RateLimiting;
using QaBot.Answering.Turns;
using QaBot.Discord.Gateway;
using QaBot.Discord.Model;
using QaBot.Discord.Moderation;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Bot;

/// <summary>
/// QaBot on Discord: answers <c>/ask</c>, <c>/about</c>, the moderators' <c>/kb</c> (<see cref="ModeratorInteractions"/>), @mentions in allowed channels and DMs through
/// the question turn (<see cref="IQuestionTurn"/>: safety triage first, then Discord's per-user cooldown
/// (<see cref="UserCooldown"/>), the shared rate limits and an answering slot), hands button clicks to
/// <see cref="IFeedbackSink"/> and ignores bots (itself included). The turn's admission runs on the gateway's loop (so a
/// user's messages meet the cooldown in order); answering and sending run off it, in <see cref="InFlightWork"/>. Never
/// logs message text, user names or tokens.
/// </summary>
internal sealed partial class DiscordBot(
    IQuestionTurn turn,
    IFeedbackSink feedbackSink,
    IDiscordRestApi api,
    AnswerMessageBuilder messages,
    UserCooldown cooldown,
    AnsweringMetrics metrics,
    FeedbackContextStore feedbackContexts,
    InFlightWork work,
    ModeratorInteractions moderators,
    SeenInteractions seen,
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

    public async Task OnMessageCreatedAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        var question = QuestionIn(message);
        if (question is null)
        {
            return;
        }

        var userId = message.Author!.Id;
        var gate = new CooldownGate(cooldown, userId, answeringOptions.Value.Reminder);
        TurnAdmission admission;
        try
        {
            admission = await turn.AdmitAsync(Request(question, userId, gate) with { Conversation = DiscordConversation.Key(message.ChannelId, userId) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex.GetType().Name);
            work.Run("apology", token => api.CreateMessageAsync(message.ChannelId, Apology() with { MessageReference = ReplyTo(message) }, token));
            return;
        }

        if (admission.Result is { Refusal: { } refusal })
        {
            var notify = gate.Refused is { } cooled ? cooled.Notify : Remember(userId, refusal);
            LogCooldown(logger, "message", notify);
            if (notify)
            {
                var note = AnswerMessageBuilder.Note(refusal.Text, answeringOptions.Value.Reminder, ephemeral: false) with { MessageReference = ReplyTo(message) };
                work.Run("cooldown note", token => api.CreateMessageAsync(message.ChannelId, note, token));
            }

            return;
        }

        work.Run(message.GuildId is null ? "direct message" : "mention", token => AnswerMessageAsync(message, question, admission, token));
    }

    public async Task OnInteractionCreatedAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow(); // Discord's 3 s window for the response counts from here
        if (IsRepeat(interaction, "gateway"))
        {
            return;
        }

        var plan = await PlanAsync(interaction, cancellationToken).ConfigureAwait(false);
        work.Run(Describe(interaction), async token =>
        {
            if (plan.Before is { } before)
            {
                await before(token).ConfigureAwait(false);
            }

            await api.CreateInteractionResponseAsync(interaction.Id, interaction.Token, plan.Response, receivedAt, token).ConfigureAwait(false);
            if (plan.FollowUp is { } followUp)
            {
                await followUp(token).ConfigureAwait(false);
            }
        });
    }

    /// <summary>True (and logged) when this interaction id was handled already: it must not be handled again. Pings are never repeats.</summary>
    public bool IsRepeat(DiscordInteraction interaction, string source)
    {
        if (interaction.Type == InteractionType.Ping || seen.FirstTime(interaction.Id))
        {
            return false;
        }

        LogRepeated(logger, source);
        return true;
    }

    /// <summary>Runs an interaction's follow-up in the background (the HTTP endpoint calls this once its response is sent).</summary>
    public void RunFollowUp(DiscordInteraction interaction, Func<CancellationToken, Task> followUp) =>
        work.Run(Describe(interaction), followUp);

    /// <summary>
    /// Decides the first response to an interaction and what happens after it. For <c>/ask</c> this runs the question
    /// turn's admission (triage first): a safety reply is the response itself, a refusal an ephemeral note.
    /// </summary>
    public async Task<InteractionPlan> PlanAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.ApplicationCommand && interaction.Data?.Name == DiscordCommands.Ask)
        {
            return await PlanAskAsync(interaction, cancellationToken).ConfigureAwait(false);
        }

        return Plan(interaction);
    }

    private InteractionPlan Plan(DiscordInteraction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new InteractionPlan(new InteractionResponse { Type = InteractionResponseType.Pong });

            case InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.About:
                return Reply(AnswerMessageBuilder.About(Options, answeringOptions.Value.Reminder));

            case InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.Kb:
                return moderators.Plan(interaction, interaction.ApplicationId.Length > 0 ? interaction.ApplicationId : applicationId ?? "");

            case InteractionType.MessageComponent when FeedbackClick.TryParse(interaction.Data?.CustomId, out var click):
                return new InteractionPlan(Message(AnswerMessageBuilder.Note(ThanksText, answeringOptions.Value.Reminder, ephemeral: true)))
                {
                    Before = token => RecordFeedbackAsync(interaction, click, token), // recorded first: a failed "thank you" loses nothing
                };

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

    private async Task<InteractionPlan> PlanAskAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not null && !ChannelAllowed(interaction.ChannelId))
        {
            return Reply(AnswerMessageBuilder.Note(ChannelNotAllowedText, answeringOptions.Value.Reminder, ephemeral: true));
        }

        var userId = interaction.Actor?.Id;
        var option = interaction.Data?.Options.FirstOrDefault(o => o.Name == DiscordCommands.QuestionOption);
        var question = option?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? "" : "";
        var gate = userId is null ? null : new CooldownGate(cooldown, userId, answeringOptions.Value.Reminder);
        TurnAdmission admission;
        try
        {
            admission = await turn.AdmitAsync(Request(question, userId, gate) with { Conversation = DiscordConversation.Key(interaction.ChannelId, userId) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex.GetType().Name);
            return Reply(Apology());
        }

        switch (admission.Result)
        {
            case { Answer: { } answer }:
                return Reply(messages.Answer(answer, question)); // a safety reply (or the empty-question reminder): at once
            case { Refusal: { } refusal }:
                if (gate?.Refused is null && userId is not null)
                {
                    Remember(userId, refusal);
                }

                LogCooldown(logger, "slash command", true);
                return Reply(AnswerMessageBuilder.Note(refusal.Text, answeringOptions.Value.Reminder, ephemeral: true));
        }

        var application = interaction.ApplicationId.Length > 0 ? interaction.ApplicationId : applicationId ?? "";
        return new InteractionPlan(
            new InteractionResponse { Type = InteractionResponseType.DeferredChannelMessageWithSource },
            async token =>
            {
                var reply = await AnswerOrApologizeAsync(admission, question, token).ConfigureAwait(false);
                await api.CreateFollowupMessageAsync(application, interaction.Token, reply, token).ConfigureAwait(false);
            });
    }

    private async Task AnswerMessageAsync(DiscordMessage message, string question, TurnAdmission admission, CancellationToken token)
    {
        var reply = await AnswerOrApologizeAsync(admission, question, token).ConfigureAwait(false);
        if (Options.ReplyInThread && message.GuildId is not null && !ownThreads.ContainsKey(message.ChannelId))
        {
            try
            {
                var thread = await api.StartThreadFromMessageAsync(message.ChannelId, message.Id, ThreadName(question), token).ConfigureAwait(false);
                ownThreads.TryAdd(thread.Id, 0);
                var inThread = reply with
                {
                    Content = "<@" + message.Author!.Id + ">",
                    AllowedMentions = new AllowedMentions { Parse = [], Users = [message.Author!.Id] },
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

    /// <summary>The second half of the turn (a slot, then the answer) for an admitted question, or the turn's early reply.</summary>
    private async Task<MessageCreate> AnswerOrApologizeAsync(TurnAdmission admission, string question, CancellationToken token)
    {
        try
        {
            var result = await turn.AnswerAsync(admission, token).ConfigureAwait(false);
            if (!result.Answered)
            {
                LogBusy(logger);
                var busy = AnswerMessageBuilder.Layout("Sorry", result.Refusal.Text, [], result.Refusal.Reminder, AnswerMessageBuilder.NoAnswerColor);
                return new MessageCreate { Embeds = [busy], AllowedMentions = AllowedMentions.ReplyOnly };
            }

            return messages.Answer(result.Answer, question);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex.GetType().Name);
            return Apology();
        }
    }

    private MessageCreate Apology()
    {
        var apology = AnswerMessageBuilder.Layout("Sorry", ApologyText, [], answeringOptions.Value.Reminder, AnswerMessageBuilder.NoAnswerColor);
        return new MessageCreate { Embeds = [apology], AllowedMentions = AllowedMentions.ReplyOnly };
    }

    private static TurnRequest Request(string question, string? userId, CooldownGate? gate) =>
        new(question) { Platform = Platform, UserId = userId, PlatformGate = gate is null ? null : gate.Check };

    /// <summary>The shared limits refused the user: remember it for the cooldown; true (they are told this time).</summary>
    private bool Remember(string userId, TurnRefusal refusal)
    {
        cooldown.Remember(userId, refusal);
        return true;
    }

    /// <summary>Discord's cooldown as the question turn's platform gate; remembers its own refusal for the reply.</summary>
    private sealed class CooldownGate(UserCooldown cooldown, string userId, string reminder)
    {
        public CooldownDecision? Refused { get; private set; }

        public TurnRefusal? Check()
        {
            var decision = cooldown.Check(userId);
            if (decision.Allowed)
            {
                return null;
            }

            Refused = decision;
            return new TurnRefusal(RateLimitOutcome.UserLimited, decision.Remaining, Refusal(decision), reminder);
        }
    }

    /// <summary>Records a feedback click; a failure is logged (by type) and the "thank you" still goes out.</summary>
    private async Task RecordFeedbackAsync(DiscordInteraction interaction, FeedbackClick click, CancellationToken token)
    {
        metrics.RecordFeedback(Platform, click.Helpful);
        var context = feedbackContexts.RecallAll(click.Key);
        if (context is null)
        {
            LogFeedbackContextForgotten(logger);
        }

        try
        {
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFeedbackFailed(logger, ex.GetType().Name);
        }
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

    [LoggerMessage(EventId = 6207, Level = LogLevel.Information, Message = "Discord: an interaction already handled arrived again ({Source}); ignored")]
    private static partial void LogRepeated(ILogger logger, string source);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Error, Message = "Discord: recording a feedback click failed ({Error})")]
    private static partial void LogFeedbackFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Discord: feedback on an answer no longer remembered; recorded without passage ids")]
    private static partial void LogFeedbackContextForgotten(ILogger logger);
}
