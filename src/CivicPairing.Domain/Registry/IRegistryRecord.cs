namespace CivicPairing.Domain.Registry;

/// <summary>What units and communities share as registry records: a unique name, deactivation instead of deletion, a version for concurrency.</summary>
public interface IRegistryRecord
{
    int Id { get; }
    string Name { get; }
    bool IsActive { get; set; }
    DateTimeOffset CreatedAt { get; set; }
    Guid Version { get; }
}
