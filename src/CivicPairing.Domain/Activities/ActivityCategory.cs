using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Activities;

/// <summary>The categories of domain.md (环境整治, 宣传教育 …).</summary>
public enum ActivityCategory
{
    [Display(Name = "Environmental clean-up")]
    EnvironmentalCleanup = 1,
    [Display(Name = "Publicity and education")]
    PublicityEducation = 2,
    [Display(Name = "Visits and condolences")]
    Visits = 3,
    [Display(Name = "Training and lectures")]
    Training = 4,
    [Display(Name = "Party lesson")]
    PartyLesson = 5,
    [Display(Name = "Consultation (legal, medical, policy)")]
    Consultation = 6,
    [Display(Name = "Donations of money or goods")]
    Donation = 7,
    [Display(Name = "Infrastructure")]
    Infrastructure = 8,
    [Display(Name = "Culture and sports")]
    CultureSports = 9,
    [Display(Name = "Joint meeting")]
    JointMeeting = 10,
    [Display(Name = "Other")]
    Other = 11,
}

/// <summary>Submitted by the unit; Confirmed (and rated) or Disputed by the community. Only Confirmed counts.</summary>
public enum ActivityStatus
{
    [Display(Name = "Waiting for confirmation")]
    Submitted = 1,
    [Display(Name = "Confirmed")]
    Confirmed = 2,
    [Display(Name = "Disputed")]
    Disputed = 3,
}
