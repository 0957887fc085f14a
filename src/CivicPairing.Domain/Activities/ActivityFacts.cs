namespace CivicPairing.Domain.Activities;

/// <summary>What the unit says happened: the part of an activity the liaison writes and may correct.</summary>
public sealed record ActivityFacts(
    DateOnly Date,
    ActivityCategory Category,
    string Title,
    string? Description,
    int PeopleSent,
    decimal PersonHours,
    bool LeaderTookPart,
    decimal Funds,
    string? Materials,
    int PeopleServed,
    string? Attendees);

/// <summary>What the rules need to know about the world when an activity is logged or corrected.</summary>
public sealed record ActivityContext(DateOnly Today, DateOnly PairingStart, int UnitStaff, bool PairingInForce, Activity? NearDuplicate);
