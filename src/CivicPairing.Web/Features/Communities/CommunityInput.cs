using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Features.Registry;

namespace CivicPairing.Web.Features.Communities;

/// <summary>What the community form (and each imported row) carries.</summary>
public sealed class CommunityInput : IRegistryInput<Community>
{
    public int? Id { get; set; }

    [Display(Name = "Community name")]
    public string? Name { get; set; }

    [Display(Name = "Kind")]
    public CommunityKind? Kind { get; set; }

    [Display(Name = "Street or township")]
    public string? Street { get; set; }

    [Display(Name = "Secretary")]
    public string? SecretaryName { get; set; }

    [Display(Name = "Contact phone")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Households")]
    public int? Households { get; set; }

    [Display(Name = "Population")]
    public int? Population { get; set; }

    [Display(Name = "Party members")]
    public int? PartyMemberCount { get; set; }

    [Display(Name = "Villager groups")]
    public int? VillagerGroups { get; set; }

    [Display(Name = "Farmland (mu)")]
    public decimal? FarmlandMu { get; set; }

    [Display(Name = "Collective income (yuan a year)")]
    public decimal? CollectiveIncome { get; set; }

    [Display(Name = "Weaknesses")]
    public List<Weaknesses> Weaknesses { get; set; } = [];

    [Display(Name = "Industries")]
    public List<Industries> Industries { get; set; } = [];

    [Display(Name = "Profile")]
    public string? Profile { get; set; }

    public Guid Version { get; set; }

    public static CommunityInput From(Community c) => new()
    {
        Id = c.Id, Name = c.Name, Kind = c.Kind, Street = c.Street, SecretaryName = c.SecretaryName, ContactPhone = c.ContactPhone,
        Households = c.Households, Population = c.Population, PartyMemberCount = c.PartyMemberCount, VillagerGroups = c.VillagerGroups,
        FarmlandMu = c.FarmlandMu, CollectiveIncome = c.CollectiveIncome, Weaknesses = [.. c.Weaknesses.Flagged()],
        Industries = [.. c.Industries.Flagged()], Profile = c.Profile, Version = c.Version,
    };

    public void ApplyTo(Community c)
    {
        c.Name = Name!.Trim();
        c.Kind = Kind!.Value;
        c.Street = Street!.Trim();
        c.SecretaryName = Clean(SecretaryName);
        c.ContactPhone = Clean(ContactPhone);
        c.Households = Households ?? 0;
        c.Population = Population ?? 0;
        c.PartyMemberCount = PartyMemberCount ?? 0;
        c.VillagerGroups = VillagerGroups;
        c.FarmlandMu = FarmlandMu;
        c.CollectiveIncome = CollectiveIncome;
        c.Weaknesses = Weaknesses.Combine();
        c.Industries = Industries.Combine();
        c.Profile = Clean(Profile);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
