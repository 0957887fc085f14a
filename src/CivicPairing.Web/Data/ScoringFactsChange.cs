using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicPairing.Web.Data;

/// <summary>
/// Which pending changes can move a score or a dashboard figure: anything about pairings, agreements, tasks, inspections, units and
/// periods, and activities that are or were decided. A newly logged (submitted) activity counts for nothing yet,
/// so liaisons logging work in the field never make the stored facts stale. Members' service (在职党员) follows the same
/// rule as activities: it counts once the community has decided it; a member joining or leaving moves the per-member target.
/// </summary>
public static class ScoringFactsChange
{
    private static readonly HashSet<Type> Facts =
        [typeof(Pairing), typeof(PairingEvent), typeof(Agreement), typeof(AgreementTask), typeof(Inspection), typeof(Unit), typeof(Community),
         typeof(Domain.Needs.Need), typeof(Domain.Funding.Payment), typeof(Domain.Members.PartyMember)];

    public static bool IsPending(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (Facts.Contains(entry.Metadata.ClrType))
            {
                return true;
            }
            if (entry.Entity is Activity activity
                && (activity.Status != ActivityStatus.Submitted
                    || (entry.State != EntityState.Added && entry.Property(nameof(Activity.Status)).OriginalValue is not ActivityStatus.Submitted)))
            {
                return true;
            }
            if (entry.Entity is Domain.Members.MemberService service
                && (service.Status != Domain.Members.MemberServiceStatus.Submitted
                    || (entry.State != EntityState.Added && entry.Property(nameof(Domain.Members.MemberService.Status)).OriginalValue is not Domain.Members.MemberServiceStatus.Submitted)))
            {
                return true;
            }
        }
        return false;
    }
}
