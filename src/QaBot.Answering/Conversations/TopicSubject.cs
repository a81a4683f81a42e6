namespace QaBot.Answering.Conversations;

/// <summary>What a conversation turn is about, besides a condition: a treatment or a subject of the knowledge.</summary>
internal enum TopicSubject
{
    StemCellTherapy,
    Hsct,
    Mscs,
    ClinicalTrials,
    Clinics,
    EmbryonicAndIpscs,
    AutoimmuneDisease,
    ImmuneReset,
}
