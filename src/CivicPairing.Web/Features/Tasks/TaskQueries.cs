using CivicPairing.Domain.Agreements;

namespace CivicPairing.Web.Features.Tasks;

/// <summary>Rules about tasks that the database filters, each defined once for every list, count and score.</summary>
public static class TaskQueries
{
    /// <summary>
    /// The tasks of agreements that were filed (see <see cref="Agreement.NeverFiled"/>). Written as "not among the few
    /// unfiled agreements" so the database keeps walking the tasks' own index in the list's order instead of starting
    /// from every agreement and sorting the province's tasks for each page.
    /// </summary>
    public static IQueryable<AgreementTask> Tracked(this IQueryable<AgreementTask> tasks, IQueryable<Agreement> agreements)
    {
        var unfiled = agreements.Where(Agreement.NeverFiled).Select(a => a.Id);
        return tasks.Where(t => !unfiled.Contains(t.AgreementId));
    }

    /// <summary>
    /// The tasks of agreements in force (see <see cref="Agreement.NotInForce"/>): the ones that can be overdue or wait for
    /// the community. Written as "not among the agreements not in force", like <see cref="Tracked"/>: the home pages'
    /// overdue count then walks the tasks' (status, due date) index for 1 ms instead of probing 25,000 agreements' tasks.
    /// </summary>
    public static IQueryable<AgreementTask> OfAgreementsInForce(this IQueryable<AgreementTask> tasks, IQueryable<Agreement> agreements)
    {
        var notInForce = agreements.Where(Agreement.NotInForce).Select(a => a.Id);
        return tasks.Where(t => !notInForce.Contains(t.AgreementId));
    }
}
