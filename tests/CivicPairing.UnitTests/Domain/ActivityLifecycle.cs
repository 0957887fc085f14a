using System.Globalization;
using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// 共建活动 lifecycle: the unit's liaison logs it (Submitted); the community's secretary confirms and rates it
/// (Confirmed) or disputes it (Disputed); a disputed one is corrected and sent again; only the office reopens a
/// confirmed one. The pair is 市人民医院 (86 staff) ⇄ 清江社区, paired from 2026-03-01; today is 2026-11-24.
/// </summary>
public sealed class ActivityLifecycle
{
    private const string Liaison = "市人民医院 联络员";
    private const string Secretary = "清江社区 书记";
    private const string Office = "市委文明办 王丽";
    private const int PairingId = 7;
    private const int ActivityId = 15;
    private const int Staff = 86;
    private const string CleanupTitle = "周六义务劳动清理垃圾";
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly Saturday = new(2026, 11, 21);
    private static readonly DateTimeOffset LoggedAt = new(2026, 11, 21, 18, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Key = new("3f2a9c1e-5b7d-4e08-9a61-2c4d8e0f7b13");

    public enum Operation
    {
        Confirm,
        Dispute,
        Correct,
        Reopen,
    }

    /// <summary>Every move allowed: from, operation, to, and the note the step records.</summary>
    public static TheoryData<ActivityStatus, Operation, ActivityStatus, string?> AllowedMoves => new()
    {
        { ActivityStatus.Submitted, Operation.Confirm, ActivityStatus.Confirmed, "组织有序，居民满意" },
        { ActivityStatus.Submitted, Operation.Dispute, ActivityStatus.Disputed, "当天未见人员到场" },
        { ActivityStatus.Disputed, Operation.Correct, ActivityStatus.Submitted, null },
        { ActivityStatus.Confirmed, Operation.Reopen, ActivityStatus.Submitted, "评分录错，需重新确认" },
    };

    /// <summary>Every other (status, operation) pair, with the sentence that refuses it.</summary>
    public static TheoryData<ActivityStatus, Operation, string> RefusedMoves => new()
    {
        { ActivityStatus.Submitted, Operation.Correct, "Only a disputed activity can be corrected and resubmitted." },
        { ActivityStatus.Submitted, Operation.Reopen, "Only a confirmed activity can be reopened." },
        { ActivityStatus.Confirmed, Operation.Confirm, "This activity is confirmed already." },
        { ActivityStatus.Confirmed, Operation.Dispute, "Only an activity waiting for confirmation can be disputed." },
        { ActivityStatus.Confirmed, Operation.Correct, "Only a disputed activity can be corrected and resubmitted." },
        { ActivityStatus.Disputed, Operation.Confirm, "Only an activity waiting for confirmation can be confirmed." },
        { ActivityStatus.Disputed, Operation.Dispute, "Only an activity waiting for confirmation can be disputed." },
        { ActivityStatus.Disputed, Operation.Reopen, "Only a confirmed activity can be reopened." },
    };

    // ---- Log ----

    [Fact]
    public void LogsAWaitingActivityWithItsFactsFirstStepAndSubmissionKey()
    {
        var pairing = HospitalAndQingjiang();

        var activity = Activity.Log(pairing, Cleanup(), InForce(), Key, Liaison, LoggedAt);

        Assert.Equal(ActivityStatus.Submitted, activity.Status);
        Assert.Same(pairing, activity.Pairing);
        Assert.Equal(PairingId, activity.PairingId);
        Assert.Equal(Key, activity.SubmissionKey);
        Assert.Equal(LoggedAt, activity.SubmittedAt);
        Assert.Equal(Liaison, activity.SubmittedBy);
        Assert.Equal(Cleanup(), FactsOf(activity));
        Assert.Null(activity.Rating);
        Assert.Null(activity.DecidedAt);
        Assert.Null(activity.DecidedBy);
        var step = Assert.Single(activity.Events);
        Assert.Null(step.From);
        Assert.Equal(ActivityStatus.Submitted, step.To);
        Assert.Equal(Liaison, step.Actor);
        Assert.Equal(LoggedAt, step.At);
        Assert.Null(step.Note);
    }

    [Fact]
    public void RefusesALogGivenTomorrowsDate()
    {
        var refused = Assert.Throws<DomainException>(() => Log(Cleanup() with { Date = Today.AddDays(1) }));

        Assert.Equal("The date is in the future.", refused.Message);
        Assert.Empty(refused.Arguments);
    }

    [Fact]
    public void RefusesALogGivenADateBeforeThePairingStarted()
    {
        var refused = Assert.Throws<DomainException>(() => Log(Cleanup() with { Date = Start.AddDays(-1) }));

        Assert.Equal("The date is before the pairing started ({0}).", refused.Message);
        Assert.Equal([Start], refused.Arguments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(Staff + 1)]
    public void RefusesALogGivenNobodySentOrMorePeopleThanTheUnitHas(int peopleSent)
    {
        var refused = Assert.Throws<DomainException>(() => Log(Cleanup() with { PeopleSent = peopleSent, PersonHours = 0m }));

        Assert.Equal("People sent must be between 1 and the unit's staff ({0}).", refused.Message);
        Assert.Equal([Staff], refused.Arguments);
    }

    [Theory]
    [InlineData(20, "480.01", 480)]
    [InlineData(20, "481", 480)]
    [InlineData(20, "-0.5", 480)]
    [InlineData(1, "25", 24)]
    public void RefusesALogGivenPersonHoursAboveADayPerPersonOrNegative(int peopleSent, string personHours, int most)
    {
        var refused = Assert.Throws<DomainException>(() => Log(Cleanup() with { PeopleSent = peopleSent, PersonHours = Amount(personHours) }));

        Assert.Equal("Person-hours cannot exceed 24 for each person sent ({0} at most).", refused.Message);
        Assert.Equal([most], refused.Arguments);
    }

    [Fact]
    public void RefusesALogGivenAPairingNotInForce()
    {
        var pairing = HospitalAndQingjiang();
        pairing.Suspend("单位整合重组", Office, LoggedAt.AddDays(-30));

        var refused = Assert.Throws<DomainException>(() =>
            Activity.Log(pairing, Cleanup(), InForce() with { PairingInForce = false }, Key, Liaison, LoggedAt));

        Assert.Equal("Activities can be logged only for a pairing in force.", refused.Message);
        Assert.Empty(refused.Arguments);
    }

    [Fact]
    public void RefusesALogThatNearlyDuplicatesOneAndNamesTheExistingTitleAndDate()
    {
        var existing = Logged();
        const string retyped = " 周六义务劳动 清理垃圾！";
        Assert.True(Activity.IsNearDuplicate(existing, PairingId, Saturday, ActivityCategory.EnvironmentalCleanup, retyped));

        var refused = Assert.Throws<DomainException>(() =>
            Activity.Log(HospitalAndQingjiang(), Cleanup() with { Title = retyped }, InForce(existing), Guid.NewGuid(), Liaison, Now));

        Assert.Equal("This looks like an activity logged already: {0} on {1}.", refused.Message);
        Assert.Equal([CleanupTitle, Saturday], refused.Arguments);
    }

    [Theory]
    [InlineData("2026-11-24", 20, "60")]
    [InlineData("2026-03-01", 20, "60")]
    [InlineData("2026-11-21", Staff, "100")]
    [InlineData("2026-11-21", 20, "480")]
    [InlineData("2026-11-21", 20, "0")]
    [InlineData("2026-11-21", 1, "24")]
    [InlineData("2026-11-24", Staff, "2064")]
    public void LogsAnActivityOnEveryBoundary(string date, int peopleSent, string personHours)
    {
        var facts = Cleanup() with { Date = Day(date), PeopleSent = peopleSent, PersonHours = Amount(personHours) };

        var activity = Log(facts);

        Assert.Equal(Day(date), activity.Date);
        Assert.Equal(peopleSent, activity.PeopleSent);
        Assert.Equal(Amount(personHours), activity.PersonHours);
        Assert.Equal(ActivityStatus.Submitted, activity.Status);
    }

    [Theory]
    [InlineData(ActivityCategory.JointMeeting, "  医院：张院长、李主任；社区：王书记  ", "医院：张院长、李主任；社区：王书记")]
    [InlineData(ActivityCategory.JointMeeting, "   ", null)]
    [InlineData(ActivityCategory.JointMeeting, null, null)]
    [InlineData(ActivityCategory.EnvironmentalCleanup, "医院：张院长；社区：王书记", null)]
    [InlineData(ActivityCategory.Training, "医院：张院长；社区：王书记", null)]
    public void KeepsAttendeesOnlyForAJointMeeting(ActivityCategory category, string? attendees, string? kept)
    {
        var activity = Log(Cleanup() with { Category = category, Attendees = attendees });

        Assert.Equal(category, activity.Category);
        Assert.Equal(kept, activity.Attendees);
    }

    [Theory]
    [InlineData("", "  ")]
    [InlineData("   ", null)]
    [InlineData(null, "\t\n")]
    public void StoresNoDescriptionOrMaterialsGivenBlankText(string? description, string? materials)
    {
        var activity = Log(Cleanup() with { Description = description, Materials = materials });

        Assert.Null(activity.Description);
        Assert.Null(activity.Materials);
    }

    [Fact]
    public void TrimsTheTitleDescriptionAndMaterials()
    {
        var activity = Log(Cleanup() with { Title = "  周六义务劳动清理垃圾 \t", Description = " 清理楼道和绿化带垃圾  ", Materials = "  垃圾袋200个 " });

        Assert.Equal(CleanupTitle, activity.Title);
        Assert.Equal("清理楼道和绿化带垃圾", activity.Description);
        Assert.Equal("垃圾袋200个", activity.Materials);
    }

    // ---- State machine ----

    [Fact]
    public void TheTransitionTablesNameEveryStatusAndOperationExactlyOnce()
    {
        var everyPair = Enum.GetValues<ActivityStatus>().SelectMany(s => Enum.GetValues<Operation>().Select(o => (s, o)));
        var allowed = AllowedMoves.Select(row => ((ActivityStatus)row[0], (Operation)row[1]));
        var refused = RefusedMoves.Select(row => ((ActivityStatus)row[0], (Operation)row[1]));

        Assert.Equal(everyPair.Order(), allowed.Concat(refused).Order());
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void MovesOnAndRecordsTheStepGivenAnAllowedOperation(ActivityStatus from, Operation operation, ActivityStatus to, string? note)
    {
        var activity = InStatus(from);
        var eventsBefore = activity.Events.Count;

        Apply(activity, operation);

        Assert.Equal(to, activity.Status);
        Assert.Equal(eventsBefore + 1, activity.Events.Count);
        var step = activity.Events[^1];
        Assert.Equal(ActivityId, step.ActivityId);
        Assert.Equal(from, step.From);
        Assert.Equal(to, step.To);
        Assert.Equal(ActorOf(operation), step.Actor);
        Assert.Equal(Now, step.At);
        Assert.Equal(note, step.Note);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void RefusesAndChangesNothingGivenAnOperationTheStatusDoesNotAllow(ActivityStatus status, Operation operation, string refusal)
    {
        var activity = InStatus(status);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => Apply(activity, operation));

        Assert.Equal(refusal, refused.Message);
        Assert.Empty(refused.Arguments);
        Assert.Equal(status, activity.Status);
        Assert.Equal(before, Snapshot(activity));
    }

    // ---- Confirm ----

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void RefusesAConfirmationAndChangesNothingGivenARatingOutsideOneToFive(int rating)
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => activity.Confirm(rating, "组织有序", Secretary, Now));

        Assert.Equal("Rate the activity from 1 to 5.", refused.Message);
        Assert.Empty(refused.Arguments);
        Assert.Equal(before, Snapshot(activity));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void ConfirmsAndRecordsTheRatingGivenTheLowestOrHighestRating(int rating)
    {
        var activity = InStatus(ActivityStatus.Submitted);

        activity.Confirm(rating, null, Secretary, Now);

        Assert.Equal(ActivityStatus.Confirmed, activity.Status);
        Assert.Equal(rating, activity.Rating);
    }

    [Theory]
    [InlineData("  组织有序，居民满意 ", "组织有序，居民满意")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void KeepsTheTrimmedCommentOrNoneWhenConfirming(string? comment, string? kept)
    {
        var activity = InStatus(ActivityStatus.Submitted);

        activity.Confirm(4, comment, Secretary, Now);

        Assert.Equal(kept, activity.RatingComment);
        Assert.Equal(kept, activity.Events[^1].Note);
    }

    [Fact]
    public void RecordsWhoConfirmedAndWhen()
    {
        var activity = InStatus(ActivityStatus.Submitted);

        activity.Confirm(4, "组织有序", Secretary, Now);

        Assert.Equal(Now, activity.DecidedAt);
        Assert.Equal(Secretary, activity.DecidedBy);
        Assert.Equal(LoggedAt, activity.SubmittedAt);
        Assert.Equal(Liaison, activity.SubmittedBy);
    }

    [Fact]
    public void RefusesConfirmingTwiceAndKeepsTheFirstRating()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        activity.Confirm(4, "组织有序", Secretary, Now);

        var refused = Assert.Throws<DomainException>(() => activity.Confirm(2, "重复确认", Secretary, Now.AddDays(1)));

        Assert.Equal("This activity is confirmed already.", refused.Message);
        Assert.Equal(4, activity.Rating);
        Assert.Equal("组织有序", activity.RatingComment);
        Assert.Equal(Now, activity.DecidedAt);
        Assert.Equal(2, activity.Events.Count);
    }

    // ---- Reopen ----

    [Fact]
    public void ReopensAConfirmedActivityAndDropsItsRatingAndComment()
    {
        var activity = InStatus(ActivityStatus.Confirmed);
        Assert.Equal(4, activity.Rating);
        Assert.Equal("按时到场", activity.RatingComment);

        activity.Reopen("  评分录错，需重新确认 ", Office, Now);

        Assert.Equal(ActivityStatus.Submitted, activity.Status);
        Assert.Null(activity.Rating);
        Assert.Null(activity.RatingComment);
        Assert.Equal("评分录错，需重新确认", activity.Events[^1].Note);
        Assert.Equal(Office, activity.Events[^1].Actor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \t ")]
    public void RefusesReopeningWithoutAReasonAndChangesNothing(string reason)
    {
        var activity = InStatus(ActivityStatus.Confirmed);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => activity.Reopen(reason, Office, Now));

        Assert.Equal("Give a reason.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
        Assert.Equal(4, activity.Rating);
    }

    [Fact]
    public void ConfirmsAReopenedActivityAgainWithTheNewRating()
    {
        var activity = InStatus(ActivityStatus.Confirmed);
        activity.Reopen("评分录错", Office, Now);

        activity.Confirm(2, "人数偏少", Secretary, Now.AddHours(2));

        Assert.Equal(ActivityStatus.Confirmed, activity.Status);
        Assert.Equal(2, activity.Rating);
        Assert.Equal("人数偏少", activity.RatingComment);
        Assert.Equal(Now.AddHours(2), activity.DecidedAt);
        Assert.Equal(
            [(null, ActivityStatus.Submitted), (ActivityStatus.Submitted, ActivityStatus.Confirmed), (ActivityStatus.Confirmed, ActivityStatus.Submitted), (ActivityStatus.Submitted, ActivityStatus.Confirmed)],
            activity.Events.Select(e => (e.From, e.To)));
        Assert.Equal([Liaison, Secretary, Office, Secretary], activity.Events.Select(e => e.Actor));
    }

    // ---- Dispute ----

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void RefusesDisputingWithoutAReasonAndChangesNothing(string reason)
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => activity.Dispute(reason, Secretary, Now));

        Assert.Equal("Give a reason.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
        Assert.Null(activity.DisputeReason);
    }

    [Fact]
    public void DisputesAndKeepsTheTrimmedReasonAndWhoDecided()
    {
        var activity = InStatus(ActivityStatus.Submitted);

        activity.Dispute("  当天未见人员到场  ", Secretary, Now);

        Assert.Equal(ActivityStatus.Disputed, activity.Status);
        Assert.Equal("当天未见人员到场", activity.DisputeReason);
        Assert.Equal(Now, activity.DecidedAt);
        Assert.Equal(Secretary, activity.DecidedBy);
        Assert.Null(activity.Rating);
    }

    // ---- Correct ----

    [Fact]
    public void ReplacesTheFactsAndResubmitsGivenACorrection()
    {
        var activity = InStatus(ActivityStatus.Disputed);
        var corrected = new ActivityFacts(
            new DateOnly(2026, 11, 20), ActivityCategory.JointMeeting, " 联席会议：冬季环境整治 ", "  商定清理计划 ", 6, 12m, LeaderTookPart: false,
            0m, " ", 0, " 医院：张院长；社区：王书记 ");

        activity.Correct(corrected, InForce(), Liaison, Now);

        Assert.Equal(
            new ActivityFacts(new DateOnly(2026, 11, 20), ActivityCategory.JointMeeting, "联席会议：冬季环境整治", "商定清理计划", 6, 12m, false, 0m, null, 0, "医院：张院长；社区：王书记"),
            FactsOf(activity));
        Assert.Equal(ActivityStatus.Submitted, activity.Status);
        Assert.Equal(Now, activity.SubmittedAt);
        Assert.Equal(Liaison, activity.SubmittedBy);
        Assert.Equal(Key, activity.SubmissionKey);
        Assert.Equal("人数不符", activity.DisputeReason);
        Assert.Equal(
            [(null, ActivityStatus.Submitted), (ActivityStatus.Submitted, ActivityStatus.Disputed), (ActivityStatus.Disputed, ActivityStatus.Submitted)],
            activity.Events.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void RefusesACorrectionToAFutureDateAndChangesNothing()
    {
        var activity = InStatus(ActivityStatus.Disputed);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => activity.Correct(Cleanup() with { Date = Today.AddDays(1), PeopleSent = 12 }, InForce(), Liaison, Now));

        Assert.Equal("The date is in the future.", refused.Message);
        Assert.Equal(ActivityStatus.Disputed, activity.Status);
        Assert.Equal(before, Snapshot(activity));
    }

    [Fact]
    public void RefusesACorrectionSendingMorePeopleThanTheUnitHasAndChangesNothing()
    {
        var activity = InStatus(ActivityStatus.Disputed);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => activity.Correct(Cleanup() with { PeopleSent = Staff + 1 }, InForce(), Liaison, Now));

        Assert.Equal("People sent must be between 1 and the unit's staff ({0}).", refused.Message);
        Assert.Equal([Staff], refused.Arguments);
        Assert.Equal(before, Snapshot(activity));
    }

    [Fact]
    public void RefusesACorrectionOnceThePairingIsNoLongerInForceAndChangesNothing()
    {
        var activity = InStatus(ActivityStatus.Disputed);
        var before = Snapshot(activity);

        var refused = Assert.Throws<DomainException>(() => activity.Correct(Cleanup(), InForce() with { PairingInForce = false }, Liaison, Now));

        Assert.Equal("Activities can be logged only for a pairing in force.", refused.Message);
        Assert.Equal(before, Snapshot(activity));
    }

    // ---- Titles and near duplicates ----

    [Theory]
    [InlineData("周六义务劳动清理垃圾", "周六义务劳动 清理垃圾！")]
    [InlineData("春节走访慰问困难家庭", "春节前走访慰问困难户")]
    [InlineData("法律咨询", "社区法律咨询服务")]
    [InlineData("社区法律咨询服务", "法律咨询")]
    [InlineData("Party Lesson", "party-lesson")]
    [InlineData("abcdef", "abcdxy")]
    public void TitlesAreSimilarGivenTheSameWordsOrOneWithinTheOtherOrMostBigramsShared(string a, string b)
    {
        Assert.True(Activity.TitlesSimilar(a, b));
        Assert.True(Activity.TitlesSimilar(b, a));
    }

    [Theory]
    [InlineData("周六义务劳动清理垃圾", "春节走访慰问困难家庭")]
    [InlineData("周六义务劳动清理垃圾", "党史学习教育专题党课")]
    [InlineData("春节走访慰问困难家庭", "走访慰问退役军人")]
    [InlineData("abcdefgh", "abcdewxy")]
    [InlineData("周", "六")]
    public void TitlesAreNotSimilarGivenClearlyDifferentWords(string a, string b)
    {
        Assert.False(Activity.TitlesSimilar(a, b));
        Assert.False(Activity.TitlesSimilar(b, a));
    }

    [Theory]
    [InlineData("", "周六义务劳动清理垃圾")]
    [InlineData("", "")]
    [InlineData("！？。 ", "！？。")]
    [InlineData("……", "周六义务劳动清理垃圾")]
    [InlineData("   ", "周六义务劳动清理垃圾")]
    public void TitlesAreNotSimilarGivenAnEmptyOrPunctuationOnlyTitle(string a, string b)
    {
        Assert.False(Activity.TitlesSimilar(a, b));
        Assert.False(Activity.TitlesSimilar(b, a));
    }

    [Theory]
    [InlineData(PairingId, "2026-11-21", ActivityCategory.EnvironmentalCleanup, " 周六义务劳动 清理垃圾！", true)]
    [InlineData(PairingId, "2026-11-21", ActivityCategory.EnvironmentalCleanup, "义务劳动清理垃圾", true)]
    [InlineData(PairingId + 1, "2026-11-21", ActivityCategory.EnvironmentalCleanup, CleanupTitle, false)]
    [InlineData(PairingId, "2026-11-22", ActivityCategory.EnvironmentalCleanup, CleanupTitle, false)]
    [InlineData(PairingId, "2026-11-21", ActivityCategory.CultureSports, CleanupTitle, false)]
    [InlineData(PairingId, "2026-11-21", ActivityCategory.EnvironmentalCleanup, "党史学习教育专题党课", false)]
    public void IsANearDuplicateOnlyForTheSamePairingDayCategoryAndASimilarTitle(int pairingId, string date, ActivityCategory category, string title, bool nearDuplicate)
    {
        var existing = Logged();

        Assert.Equal(nearDuplicate, Activity.IsNearDuplicate(existing, pairingId, Day(date), category, title));
    }

    // ---- Helpers ----

    /// <summary>市人民医院 ⇄ 清江社区, made by the office and so Active from 2026-03-01.</summary>
    private static Pairing HospitalAndQingjiang()
    {
        var unit = new Unit { Id = 3, Name = "市人民医院", StaffCount = Staff };
        var community = new Community { Id = 5, Name = "清江社区", Street = "清江街道" };
        var pairing = Pairing.Propose(unit, community, PairingProposer.Office, Start, null, samePairOpen: false, Office, new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        pairing.Id = PairingId;
        return pairing;
    }

    private static ActivityContext InForce(Activity? nearDuplicate = null) => new(Today, Start, Staff, PairingInForce: true, nearDuplicate);

    /// <summary>Saturday's clean-up: 20 people, three hours each.</summary>
    private static ActivityFacts Cleanup() =>
        new(Saturday, ActivityCategory.EnvironmentalCleanup, CleanupTitle, "清理楼道和绿化带垃圾", 20, 60m, LeaderTookPart: true, 1500m, "垃圾袋200个", 300, null);

    private static Activity Log(ActivityFacts facts) => Activity.Log(HospitalAndQingjiang(), facts, InForce(), Key, Liaison, LoggedAt);

    private static Activity Logged()
    {
        var activity = Log(Cleanup());
        activity.Id = ActivityId;
        return activity;
    }

    /// <summary>Saturday's clean-up, brought to the status through the real transitions.</summary>
    [Fact]
    public void ForgetsTheOldDecisionWhenReopened()
    {
        var activity = InStatus(ActivityStatus.Confirmed);
        activity.Reopen("确认有误", Office, Now);
        Assert.Equal((null, null, (int?)null), (activity.DecidedBy, activity.DecidedAt, activity.Rating));
    }

    [Fact]
    public void RefusesADisputeReasonLongerThanItsColumn()
    {
        var activity = InStatus(ActivityStatus.Submitted);
        var refused = Assert.Throws<DomainException>(() => activity.Dispute(new string('长', Activity.ReasonMaxLength + 1), Secretary, Now));
        Assert.Equal(("Keep it under {0} characters.", ActivityStatus.Submitted), (refused.Message, activity.Status));
    }

    private static Activity InStatus(ActivityStatus status)
    {
        var activity = Logged();
        if (status is ActivityStatus.Confirmed)
        {
            activity.Confirm(4, "按时到场", Secretary, LoggedAt.AddDays(1));
        }
        if (status is ActivityStatus.Disputed)
        {
            activity.Dispute("人数不符", Secretary, LoggedAt.AddDays(1));
        }
        Assert.Equal(status, activity.Status);
        return activity;
    }

    private static void Apply(Activity activity, Operation operation)
    {
        switch (operation)
        {
            case Operation.Confirm:
                activity.Confirm(5, " 组织有序，居民满意  ", Secretary, Now);
                break;
            case Operation.Dispute:
                activity.Dispute("  当天未见人员到场 ", Secretary, Now);
                break;
            case Operation.Correct:
                activity.Correct(Cleanup() with { PeopleSent = 12, PersonHours = 36m }, InForce(), Liaison, Now);
                break;
            case Operation.Reopen:
                activity.Reopen(" 评分录错，需重新确认 ", Office, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    private static string ActorOf(Operation operation) => operation switch
    {
        Operation.Correct => Liaison,
        Operation.Reopen => Office,
        _ => Secretary,
    };

    private static ActivityFacts FactsOf(Activity a) =>
        new(a.Date, a.Category, a.Title, a.Description, a.PeopleSent, a.PersonHours, a.LeaderTookPart, a.Funds, a.Materials, a.PeopleServed, a.Attendees);

    /// <summary>Everything a refused operation must leave as it was.</summary>
    private static string Snapshot(Activity a) =>
        string.Join("|", a.Status, a.Events.Count, FactsOf(a), a.Rating, a.RatingComment, a.DisputeReason, a.SubmittedAt, a.SubmittedBy,
            a.DecidedAt, a.DecidedBy, a.SubmissionKey, a.Version);

    private static DateOnly Day(string yyyyMmDd) => DateOnly.ParseExact(yyyyMmDd, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Amount(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
