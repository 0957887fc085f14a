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
}
