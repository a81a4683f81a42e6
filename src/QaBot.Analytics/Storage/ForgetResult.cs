namespace QaBot.Analytics.Storage;

/// <summary>How many rows a forget-me request deleted.</summary>
public sealed record ForgetResult(int Questions, int Feedback)
{
    public int Total => Questions + Feedback;
}
