using System.Text.RegularExpressions;

namespace CivicPairing.Web.Features.Audit;

/// <summary>
/// The words the audit log uses for the records and fields it names: the UI's own words (the forms' labels), so a change
/// reads "结对“市财政局 ⇄ 金墩社区”的状态由“待审批”改为“结对中”", never "Pairing #12 {"Status":"Active"}". One place: the
/// unit test <c>AuditVocabularyCoversTheModel</c> checks every audited record type and field has words here, in Chinese too.
/// </summary>
public static partial class AuditVocabulary
{
    /// <summary>What kind of record, by the CLR type name the audit row stores.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["Unit"] = "Unit",
        ["Community"] = "Community",
        ["Pairing"] = "Pairing",
        ["Agreement"] = "Agreement",
        ["AgreementTask"] = "Agreement task",
        ["Activity"] = "Volunteer activity",
        ["EvidenceFile"] = "Evidence file",
        ["Inspection"] = "Inspection",
        ["ChecklistItem"] = "Checklist item",
        ["AssessmentPeriod"] = "Assessment period",
        ["PublishedReport"] = "Published report",
        ["Need"] = "Need",
        ["FundingRequest"] = "Funding request",
        ["BudgetLine"] = "Budget line",
        ["Pledge"] = "Pledge",
        ["Payment"] = "Payment",
        ["AppUser"] = "AppUser",
        ["IdentityRole"] = "IdentityRole",
        ["IdentityUserRole`1"] = "IdentityUserRole`1",
        ["IdentityUserClaim`1"] = "Account claim",
        ["IdentityUserLogin`1"] = "Account login",
        ["IdentityUserToken`1"] = "Account token",
        ["IdentityRoleClaim`1"] = "Role claim",
        ["FactsVersion"] = "Scoring facts version",
        // The join rows of an activity and the agreement tasks it worked on (a shared-type entity in the model).
        ["ActivityTasks"] = "Task worked on by an activity",
        ["Dictionary`2"] = "Task worked on by an activity",
    };

    /// <summary>Field words that hold for every record type, by property name.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Id"] = "Record no.",
        ["Name"] = "Name",
        ["Title"] = "Title",
        ["Status"] = "Status",
        ["Date"] = "Date",
        ["Description"] = "Description",
        ["Category"] = "Category",
        ["Kind"] = "Kind",
        ["Number"] = "No.",
        ["Amount"] = "Amount (yuan)",
        ["Notes"] = "Notes",
        ["Reason"] = "Reason",
        ["Rating"] = "Rating",
        ["RatingComment"] = "Rating comment",
        ["RatedAt"] = "Rated at",
        ["ReportNote"] = "Report note",
        ["ReportedAt"] = "Reported at",
        ["ReportedBy"] = "Reported by",
        ["DecidedAt"] = "Decided at",
        ["DecidedBy"] = "Decided by",
        ["CreatedAt"] = "Created at",
        ["StartDate"] = "Start date",
        ["EndDate"] = "End date",
        ["UnitId"] = "Unit",
        ["CommunityId"] = "Community",
        ["PairingId"] = "Pairing",
        ["AgreementId"] = "Agreement",
        ["ActivityId"] = "Volunteer activity",
        ["AgreementTaskId"] = "Agreement task",
        ["NeedId"] = "Need",
        ["RequestId"] = "Funding request",
        ["PeriodId"] = "Assessment period",
        ["IsActive"] = "In use",
        ["ContactPhone"] = "Contact phone",
        ["PartyMemberCount"] = "Party members",
        ["Strengths"] = "Strengths",
        ["Weaknesses"] = "Weaknesses",
        ["Industries"] = "Industries",
        ["Households"] = "Households",
        ["Population"] = "Population",
        ["Profile"] = "Profile",
        ["Street"] = "Street or township",
        ["SecretaryName"] = "Secretary",
        ["VillagerGroups"] = "Villager groups",
        ["FarmlandMu"] = "Farmland (mu)",
        ["CollectiveIncome"] = "Collective income (yuan a year)",
        ["CivilizedLevel"] = "Civilized-unit level",
        ["LeaderName"] = "Leader",
        ["ResponsibleLeaderName"] = "Responsible leader",
        ["StaffCount"] = "Staff",
        ["ProposedBy"] = "Proposed by",
        ["ProposalNote"] = "Why this pairing",
        ["Clauses"] = "Further clauses",
        ["CommunitySignatory"] = "Community signatory",
        ["CommunitySignedOn"] = "Community signed on",
        ["UnitSignatory"] = "Unit signatory",
        ["UnitSignedOn"] = "Unit signed on",
        ["CoordinationMeetingsPerQuarter"] = "Coordination meetings a quarter",
        ["JointMeetingsPerHalfYear"] = "Joint meetings a half-year",
        ["VisitsPerMonth"] = "Visits a month",
        ["FocusAreas"] = "Focus areas",
        ["Principles"] = "Principles",
        ["FiledBy"] = "Filed by",
        ["FiledOn"] = "Filed on",
        ["PreviousVersionId"] = "Earlier version",
        ["VersionNumber"] = "Version",
        ["TerminationReason"] = "Reason for ending",
        ["DueDate"] = "Due date",
        ["ConfirmedAt"] = "Confirmed at",
        ["ConfirmedBy"] = "Confirmed by",
        ["ReturnReason"] = "Reason for returning",
        ["Attendees"] = "Attendees (joint meetings)",
        ["Funds"] = "Funds (yuan)",
        ["LeaderTookPart"] = "The unit leader took part",
        ["Materials"] = "Materials",
        ["PeopleSent"] = "People sent",
        ["PeopleServed"] = "People served",
        ["PersonHours"] = "Person-hours",
        ["DisputeReason"] = "Reason for the dispute",
        ["SubmittedAt"] = "Submitted at",
        ["SubmittedBy"] = "Submitted by",
        ["ContentType"] = "File type",
        ["Length"] = "File size (bytes)",
        ["OriginalName"] = "File name",
        ["UploadedAt"] = "Uploaded at",
        ["UploadedBy"] = "Uploaded by",
        ["Findings"] = "Findings",
        ["FollowUp"] = "Follow-up",
        ["FollowUpOn"] = "Followed up on",
        ["Inspector"] = "Inspector",
        ["RectificationDeadline"] = "Rectification deadline",
        ["Rectified"] = "Rectified",
        ["Score"] = "Score",
        ["Text"] = "Text",
        ["SortOrder"] = "Order",
        ["Year"] = "Year",
        ["Quarter"] = "Quarter",
        ["CorrectionNote"] = "Correction note",
        ["IsPublic"] = "Public",
        ["MadePublicAt"] = "Made public at",
        ["PublishedAt"] = "Published at",
        ["PublishedBy"] = "Published by",
        ["RulesJson"] = "Scoring rules",
        ["Rules"] = "Scoring rules",
        ["SummaryJson"] = "Summary",
        ["Budget"] = "Budget (yuan, optional)",
        ["DispatchedToUnitId"] = "Dispatched to",
        ["Place"] = "Place",
        ["PostedAt"] = "Posted at",
        ["PostedBy"] = "Posted by",
        ["Skills"] = "People or skills wanted",
        ["TakenAt"] = "Taken at",
        ["TakenByUnitId"] = "Taken by",
        ["WantedBy"] = "Wanted by",
        ["OnBehalfOfUnitId"] = "On behalf of",
        ["Paid"] = "Paid (yuan)",
        ["Pledged"] = "Pledged (yuan)",
        ["Purpose"] = "Purpose",
        ["RefusalReason"] = "Reason for refusing",
        ["RequestedAt"] = "Requested at",
        ["RequestedBy"] = "Requested by",
        ["Item"] = "Item",
        ["At"] = "Time",
        ["By"] = "By",
        ["PaidOn"] = "Paid on",
        ["VoucherId"] = "Voucher",
        ["DisplayName"] = "Full name",
        ["UserName"] = "User name",
        ["Email"] = "E-mail",
        ["EmailConfirmed"] = "E-mail confirmed",
        ["PhoneNumber"] = "Phone",
        ["PhoneNumberConfirmed"] = "Phone confirmed",
        ["TwoFactorEnabled"] = "Two-step sign-in",
        ["LockoutEnabled"] = "Lockout enabled",
        ["LockoutEnd"] = "Locked until",
        ["MustChangePassword"] = "Must change the password",
        ["UserId"] = "AppUser",
        ["RoleId"] = "Role",
        ["LinkedTasksId"] = "Agreement task",
        ["ClaimType"] = "Claim type",
        ["ClaimValue"] = "Claim value",
        ["LoginProvider"] = "Login provider",
        ["ProviderKey"] = "Provider key",
        ["ProviderDisplayName"] = "Provider",
        ["Value"] = "Value",
    };

    /// <summary>Fields that say nothing to a reader: keys of the row itself, a submission's retry key, stored file names.</summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string>
    {
        "Id", "SubmissionKey", "StoredName", "ThumbnailName", "Discriminator",
    };

    public static string Kind(string entityType) => Kinds.TryGetValue(entityType, out var kind) ? kind : Words(entityType);

    /// <summary>The English key of a field's label (translated by the shared string table).</summary>
    public static string Field(string property) => Fields.TryGetValue(property, out var field) ? field : Words(property);

    public static bool HasWords(string property) => Fields.ContainsKey(property);

    /// <summary>"RatingComment" → "Rating comment": what an unknown name reads as rather than nothing.</summary>
    private static string Words(string name)
    {
        var plain = name.Split('`')[0];
        var spaced = CamelHumps().Replace(plain, " $1").Trim();
        return spaced.Length == 0 ? name : char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex CamelHumps();
}
