namespace CivicPairing.Domain.Registry;

/// <summary>社区 or 村: an urban community or a village that units pair with.</summary>
public class Community : IRegistryRecord
{
    public const int NameMaxLength = 100;
    public const int StreetMaxLength = 100;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public CommunityKind Kind { get; set; }
    /// <summary>街道 (for urban communities) or 乡镇 (for villages).</summary>
    public string Street { get; set; } = "";
    public string? SecretaryName { get; set; }
    public string? ContactPhone { get; set; }
    public int Households { get; set; }
    public int Population { get; set; }
    public int PartyMemberCount { get; set; }
    /// <summary>村民小组 (villages).</summary>
    public int? VillagerGroups { get; set; }
    /// <summary>耕地 in 亩 (villages).</summary>
    public decimal? FarmlandMu { get; set; }
    /// <summary>村集体年收入 in yuan.</summary>
    public decimal? CollectiveIncome { get; set; }
    public Weaknesses Weaknesses { get; set; }
    public Industries Industries { get; set; }
    public string? Profile { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
