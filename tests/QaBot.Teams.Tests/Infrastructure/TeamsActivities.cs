using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>Activities shaped like the ones Teams sends.</summary>
public static class TeamsActivities
{
    public const string BotName = "QaBot";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string UserName = "Zebracorn Quokkason";

    public static string BotId(string appId) => "28:" + appId;

    public static Activity Personal(string serviceUrl, string appId, string? text) =>
        Message(serviceUrl, appId, text, "personal", "a:1personal-chat-" + Guid.NewGuid().ToString("N"));

    public static Activity Channel(string serviceUrl, string appId, string? text, bool mention) =>
        WithMention(Message(serviceUrl, appId, text, "channel", "19:general@thread.tacv2;messageid=1700000000000"), appId, mention);

    public static Activity GroupChat(string serviceUrl, string appId, string? text, bool mention) =>
        WithMention(Message(serviceUrl, appId, text, "groupChat", "19:group-" + Guid.NewGuid().ToString("N") + "@thread.v2"), appId, mention);

    public static Activity MembersAdded(string serviceUrl, string appId, string conversationType, params string[] memberIds)
    {
        var activity = Base(serviceUrl, appId, ActivityTypes.ConversationUpdate, conversationType, ConversationId(conversationType));
        activity.MembersAdded = memberIds.Select(id => new ChannelAccount(id)).ToList();
        activity.ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = TenantId }, ["eventType"] = "teamMemberAdded" };
        return activity;
    }

    public static Activity Invoke(string serviceUrl, string appId, string name, JObject value, string replyToId)
    {
        var activity = Base(serviceUrl, appId, ActivityTypes.Invoke, "personal", "a:1personal-chat-invoke");
        activity.Name = name;
        activity.Value = value;
        activity.ReplyToId = replyToId;
        return activity;
    }

    public static Activity OfType(string serviceUrl, string appId, string type) =>
        Base(serviceUrl, appId, type, "personal", "a:1personal-chat-other");

    /// <summary>The invoke value Teams sends when an <c>Action.Execute</c> button is clicked.</summary>
    public static JObject ExecuteValue(JObject action) => new()
    {
        ["action"] = new JObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = action["verb"],
            ["data"] = action["data"],
        },
        ["trigger"] = "manual",
    };

    private static Activity Message(string serviceUrl, string appId, string? text, string conversationType, string conversationId)
    {
        var activity = Base(serviceUrl, appId, ActivityTypes.Message, conversationType, conversationId);
        activity.Text = text;
        activity.TextFormat = TextFormatTypes.Plain;
        return activity;
    }

    private static Activity WithMention(Activity activity, string appId, bool mention)
    {
        if (mention)
        {
            var tag = $"<at>{BotName}</at>";
            activity.Text = string.IsNullOrEmpty(activity.Text) ? tag : $"{tag} {activity.Text}";
            activity.Entities = [new Entity("mention")
            {
                Properties = new JObject
                {
                    ["mentioned"] = new JObject { ["id"] = BotId(appId), ["name"] = BotName },
                    ["text"] = tag,
                },
            }];
        }

        return activity;
    }

    private static string ConversationId(string conversationType) => conversationType switch
    {
        "channel" => "19:general@thread.tacv2",
        "groupChat" => "19:group-welcome@thread.v2",
        _ => "a:1personal-chat-welcome",
    };

    private static Activity Base(string serviceUrl, string appId, string type, string conversationType, string conversationId) => new()
    {
        Type = type,
        Id = "1700000000" + Random.Shared.Next(100_000, 999_999),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount("29:user-zebracorn", UserName, aadObjectId: "6f1b7c3e-2a0d-4c55-9a52-8f1f2f1c9c11"),
        Recipient = new ChannelAccount(BotId(appId), BotName),
        Conversation = new ConversationAccount(
            isGroup: conversationType != "personal",
            conversationType: conversationType,
            id: conversationId,
            tenantId: TenantId),
        Locale = "en-US",
    };
}
