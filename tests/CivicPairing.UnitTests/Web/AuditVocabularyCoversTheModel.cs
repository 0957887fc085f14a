using CivicPairing.Web;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Audit;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.UnitTests.Web;

/// <summary>
/// The audit log names every record type and every field it keeps in the UI's words, in Chinese: a new entity or column
/// fails here until it has its words in <see cref="AuditVocabulary"/> and its line in the string table.
/// </summary>
public sealed class AuditVocabularyCoversTheModel
{
    private static readonly List<Microsoft.EntityFrameworkCore.Metadata.IEntityType> Audited =
        new SqliteDesignTimeFactory().CreateDbContext([]).Model.GetEntityTypes().Where(AuditRecorder.IsAudited).ToList();

    [Fact]
    public void EveryAuditedRecordTypeHasAChineseName()
    {
        var missing = Audited.Select(AuditRecorder.TypeName).Distinct()
            .Where(name => !AuditVocabulary.Kinds.TryGetValue(name, out var kind) || string.IsNullOrEmpty(Translations.Chinese(kind)))
            .ToList();
        Assert.True(Audited.Count > 15, $"only {Audited.Count} audited types found");
        Assert.True(missing.Count == 0, "No Chinese name in AuditVocabulary.Kinds for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRecordedFieldHasAChineseLabel()
    {
        var missing = Audited
            .SelectMany(t => t.GetProperties().Where(AuditRecorder.IsRecorded).Select(p => p.Name))
            .Where(p => !AuditVocabulary.Hidden.Contains(p))
            .Distinct()
            .Where(p => !AuditVocabulary.HasWords(p) || string.IsNullOrEmpty(Translations.Chinese(AuditVocabulary.Field(p))))
            .Order()
            .ToList();
        Assert.True(missing.Count == 0, "No Chinese label in AuditVocabulary for: " + string.Join(", ", missing));
    }

    [Fact]
    public void AnUnknownFieldReadsAsWordsNotAsAnIdentifier() =>
        Assert.Equal("Some new field", AuditVocabulary.Field("SomeNewField"));
}
