namespace CivicPairing.Domain.Registry;

/// <summary>单位: a government bureau, firm, school, hospital … that pairs with communities.</summary>
public class Unit : IRegistryRecord
{
    public const int NameMaxLength = 100;
    public const int PersonNameMaxLength = 50;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    public CivilizedLevel CivilizedLevel { get; set; }
    /// <summary>一把手.</summary>
    public string? LeaderName { get; set; }
    /// <summary>分管领导.</summary>
    public string? ResponsibleLeaderName { get; set; }
    public string? ContactPhone { get; set; }
    public int StaffCount { get; set; }
    public int PartyMemberCount { get; set; }
    public Strengths Strengths { get; set; }
    public string? Notes { get; set; }
    /// <summary>Units are deactivated, never deleted, because pairings and history refer to them.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IEnumerable<Strengths> StrengthList => Strengths.Flagged();
}
