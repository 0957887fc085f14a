using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Pairings;

/// <summary>Who asked for the pairing (双向选择, 篇3): either side, or the office itself.</summary>
public enum PairingProposer
{
    [Display(Name = "The unit")]
    Unit = 1,
    [Display(Name = "The community")]
    Community = 2,
    [Display(Name = "The civilization office")]
    Office = 3,
}
