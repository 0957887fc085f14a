using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using static CivicPairing.Web.Infrastructure.Imports.CellParsers;

namespace CivicPairing.Web.Features.Communities;

/// <summary>The communities spreadsheet: export writes these columns, import reads them back.</summary>
public static class CommunitySheet
{
    public const string ImportKind = "communities";

    public static readonly IReadOnlyList<SheetColumn<Community, CommunityInput>> Columns =
    [
        new("Community name", (c, _) => c.Name, (i, v, _) => Text(v, x => i.Name = x), Required: true),
        new("Kind", (c, l) => l.Text(c.Kind), (i, v, l) => Enum<CommunityKind>(v, l, x => i.Kind = x), Required: true),
        new("Street or township", (c, _) => c.Street, (i, v, _) => Text(v, x => i.Street = x), Required: true),
        new("Secretary", (c, _) => c.SecretaryName, (i, v, _) => Text(v, x => i.SecretaryName = x)),
        new("Contact phone", (c, _) => c.ContactPhone, (i, v, _) => Text(v, x => i.ContactPhone = x)),
        new("Households", (c, _) => c.Households, (i, v, l) => Int(v, l, x => i.Households = x)),
        new("Population", (c, _) => c.Population, (i, v, l) => Int(v, l, x => i.Population = x)),
        new("Party members", (c, _) => c.PartyMemberCount, (i, v, l) => Int(v, l, x => i.PartyMemberCount = x)),
        new("Villager groups", (c, _) => c.VillagerGroups, (i, v, l) => OptionalInt(v, l, x => i.VillagerGroups = x)),
        new("Farmland (mu)", (c, _) => c.FarmlandMu, (i, v, l) => OptionalDecimal(v, l, x => i.FarmlandMu = x)),
        new("Collective income (yuan a year)", (c, _) => c.CollectiveIncome, (i, v, l) => OptionalDecimal(v, l, x => i.CollectiveIncome = x)),
        new("Weaknesses", (c, l) => l.FlagsText(c.Weaknesses), (i, v, l) => Flags<Weaknesses>(v, l, x => i.Weaknesses = x)),
        new("Industries", (c, l) => l.FlagsText(c.Industries), (i, v, l) => Flags<Industries>(v, l, x => i.Industries = x)),
        new("Profile", (c, _) => c.Profile, (i, v, _) => Text(v, x => i.Profile = x)),
        new("Status", (c, l) => c.IsActive ? l["Active"].Value : l["Inactive"].Value),
    ];
}
