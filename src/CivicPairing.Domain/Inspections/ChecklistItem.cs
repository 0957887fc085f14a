namespace CivicPairing.Domain.Inspections;

/// <summary>
/// One line of the checklist the office maintains for its inspections. Items are retired, never deleted:
/// past inspections keep the wording they were checked against because each stores its findings' text.
/// </summary>
public class ChecklistItem
{
    public const int TextMaxLength = 200;

    public int Id { get; set; }
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
