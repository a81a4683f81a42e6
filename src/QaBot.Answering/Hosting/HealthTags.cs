namespace QaBot.Answering.Hosting;

/// <summary>Tags of the ASP.NET Core health checks that the host's endpoints run.</summary>
public static class HealthTags
{
    /// <summary>
    /// Checks that decide readiness (<c>/readyz</c>): a platform adapter registers one when a failure of its own (a refused
    /// token) should take the replica out of the load balancer. Its data's <c>state</c> and its description (the reason)
    /// are shown under the check's name.
    /// </summary>
    public const string Ready = "ready";
}
