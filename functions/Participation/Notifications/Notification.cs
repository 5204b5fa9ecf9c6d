namespace Participation.App.Notifications;

/// <summary>
/// One kind of e-mail the platform sends, with what it needs and nothing else; the template it is written with lives
/// here and in <see cref="EmailTemplates"/> only. <see cref="Id"/> is deterministic per event, so the same event raised
/// twice sends one e-mail. Values hold codes, links and the municipality's words: never an address.
/// </summary>
public abstract record Notification(string Id, Recipient To)
{
    protected abstract string Template { get; }

    protected abstract IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The queue message <see cref="SendNotification"/> turns into the e-mail.</summary>
    public NotificationRequested Request() => new(Id, Template, To, Values);

    /// <summary>To a resident who left a question with the chatbot: it is registered under the bot's tracking code.</summary>
    public sealed record QuestionReceived(string TrackingCode, string? Topic, string StatusUrl)
        : Notification($"{TrackingCode}-question-received", Recipient.ContactOf(TrackingCode))
    {
        protected override string Template => "question-received";
        protected override IReadOnlyDictionary<string, string> Values => QuestionValues(TrackingCode, Topic, StatusUrl);
    }

    /// <summary>To the front office's team lead: a chat question waits for an answer by e-mail (its text is read at sending).</summary>
    public sealed record QuestionRegistered(string TrackingCode, string? Topic, string StatusUrl, string TeamLeadId)
        : Notification($"{TrackingCode}-question-registered", Recipient.Official(TeamLeadId))
    {
        protected override string Template => "question-registered";
        protected override IReadOnlyDictionary<string, string> Values => QuestionValues(TrackingCode, Topic, StatusUrl);
    }

    /// <summary>To an address that asked to follow an initiative: the link that confirms it.</summary>
    public sealed record FollowConfirm(string TrackingCode, string Token, string PendingSubject, string StatusUrl, string ConfirmUrl)
        : Notification($"{TrackingCode}-follow-{Token}", Recipient.ContactOf(PendingSubject))
    {
        protected override string Template => "follow-confirm";
        protected override IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>
        {
            ["trackingCode"] = TrackingCode,
            ["statusUrl"] = StatusUrl,
            ["confirmUrl"] = ConfirmUrl,
        };
    }

    /// <summary>
    /// To one follower of an initiative: news of one change (<see cref="News"/> is one of <see cref="FollowerNewsKinds"/>),
    /// with the change's own values and the follower's one-click unsubscribe link.
    /// </summary>
    public sealed record FollowerNews(
        string ChangeId, string TrackingCode, string FollowerId, string FollowerSubject, string News, IReadOnlyDictionary<string, string> ChangeValues, string UnsubscribeUrl)
        : Notification($"{ChangeId}-follower-{FollowerId}", Recipient.ContactOf(FollowerSubject))
    {
        public const string StatusChanged = "follower-status-changed";
        public const string Message = "follower-message";
        public const string MilestoneDone = "follower-milestone-done";

        public static IReadOnlyList<string> FollowerNewsKinds { get; } = [StatusChanged, Message, MilestoneDone];

        protected override string Template => FollowerNewsKinds.Contains(News) ? News : throw new ArgumentException($"'{News}' is no kind of follower news.");
        protected override IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>(ChangeValues)
        {
            ["trackingCode"] = TrackingCode,
            ["unsubscribeUrl"] = UnsubscribeUrl,
        };
    }

    /// <summary>To the address of a privacy request: the link (24 hours) to see or delete what is held about it.</summary>
    public sealed record PrivacyLink(string Token, string Subject, string PrivacyUrl) : Notification($"privacy-{Token}", Recipient.ContactOf(Subject))
    {
        protected override string Template => "privacy-link";
        protected override IReadOnlyDictionary<string, string> Values => new Dictionary<string, string> { ["privacyUrl"] = PrivacyUrl };
    }

    /// <summary>
    /// To the resident who submitted an accepted initiative: a milestone of its realisation is done (<see cref="Milestone"/>
    /// set), or the realisation itself changed status.
    /// </summary>
    public sealed record RealisationProgress(
        string Id, string TrackingCode, string Title, string? Milestone, string Status, string? Reason, string Progress, string RealisationUrl)
        : Notification(Id, Recipient.ContactOf(TrackingCode))
    {
        protected override string Template => Milestone is null ? "realisation-status-changed" : "realisation-milestone-done";
        protected override IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>
        {
            ["title"] = Title,
            ["trackingCode"] = TrackingCode,
            ["milestone"] = Milestone ?? "",
            ["status"] = Status,
            ["reason"] = Reason ?? "",
            ["progress"] = Progress,
            ["realisationUrl"] = RealisationUrl,
        };
    }

    /// <summary>To the council clerk or the service manager: the milestones that started slipping in one week.</summary>
    public sealed record SlippedMilestonesDigest(string Week, Recipient Reader, string Count, string From, string Until, string List, string DashboardUrl)
        : Notification($"realisation-digest-{Week}-{Reader.Kind}", Reader)
    {
        protected override string Template => "realisation-slipped-digest";
        protected override IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>
        {
            ["count"] = Count,
            ["from"] = From,
            ["until"] = Until,
            ["list"] = List,
            ["dashboardUrl"] = DashboardUrl,
        };
    }

    /// <summary>
    /// An e-mail about one initiative, to its submitter, an official or a supporter: <see cref="Kind"/> is one of
    /// <see cref="Kinds"/>, <see cref="InitiativeValues"/> the initiative's values (code, title, status, links) and what the kind adds.
    /// </summary>
    public sealed record AboutInitiative(string EventId, Recipient Recipient, string Kind, IReadOnlyDictionary<string, string> InitiativeValues)
        : Notification(EventId, Recipient)
    {
        public const string Received = "initiative-received";
        public const string Assigned = "initiative-assigned";
        public const string StatusChanged = "status-changed";
        public const string InfoRequested = "info-requested";
        public const string DueReminder = "due-reminder";
        public const string Escalation = "escalation";
        public const string ThresholdReached = "threshold-reached";
        public const string ThresholdReachedResident = "threshold-reached-resident";
        public const string SupportConfirm = "support-confirm";
        public const string QuestionAnswered = "question-answered";

        public static IReadOnlyList<string> Kinds { get; } =
            [Received, Assigned, StatusChanged, InfoRequested, DueReminder, Escalation, ThresholdReached, ThresholdReachedResident, SupportConfirm, QuestionAnswered];

        protected override string Template => Kinds.Contains(Kind) ? Kind : throw new ArgumentException($"'{Kind}' is no kind of initiative e-mail.");
        protected override IReadOnlyDictionary<string, string> Values => InitiativeValues;
    }

    private static Dictionary<string, string> QuestionValues(string trackingCode, string? topic, string statusUrl) => new()
    {
        ["trackingCode"] = trackingCode,
        ["topic"] = topic ?? "-",
        ["statusUrl"] = statusUrl,
    };
}
