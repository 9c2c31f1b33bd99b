using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Kernel;
using Nolan.Core.Calendar;
using Nolan.Core.Common;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Core.Protocols;

namespace Nolan.Core.Enquiries;

/// <summary>
/// Members' enquiries: every change checks the current state, applies the council's protocol, writes the audit
/// event and saves, in one transaction. Pages and the API both call it; neither holds business rules.
/// </summary>
public sealed class EnquiryService(NolanDbContext db, ProtocolRegistry protocols, DirectoryCache directory, AuditLog audit,
    Notifier notifier, Duties duties, ChangePipeline pipeline, TimeProvider time)
{
    private const string Entity = "enquiry";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Now, to the microsecond PostgreSQL keeps: an answer built from what was written must match a later read.</summary>
    private DateTimeOffset Now => AuditLog.TruncateToMicroseconds(time.GetUtcNow());

    private DateOnly Today => LondonTime.ToLocalDate(Now);

    // ---------------------------------------------------------------- logging

    /// <summary>
    /// The checks on what was typed (subject, details and the lengths of the optional texts), which need no look-up: the
    /// page runs them with its own checks so that every problem is reported at once, not in rounds.
    /// </summary>
    public static Dictionary<string, List<string>> CheckText(LogEnquiry o)
    {
        var errors = new Dictionary<string, List<string>>();
        var subject = o.Subject?.Trim();
        var details = o.Details?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            errors.AddError("Subject", "Enter a subject");
        }
        else if (subject.Length > EnquiryLimits.SubjectMax)
        {
            errors.AddError("Subject", $"Subject must be {EnquiryLimits.SubjectMax} characters or fewer");
        }

        if (string.IsNullOrEmpty(details))
        {
            errors.AddError("Details", "Enter the details of the enquiry");
        }
        else if (details.Length > EnquiryLimits.DetailsMax)
        {
            errors.AddError("Details", $"Details must be {EnquiryLimits.DetailsMax:N0} characters or fewer");
        }

        if (o.UrgentBecause?.Length > EnquiryLimits.TextMax)
        {
            errors.AddError("UrgentBecause", $"The reason for urgency must be {EnquiryLimits.TextMax:N0} characters or fewer");
        }

        if (o.ConsentEvidence?.Length > EnquiryLimits.TextMax)
        {
            errors.AddError("ConsentEvidence", $"Consent evidence must be {EnquiryLimits.TextMax:N0} characters or fewer");
        }

        return errors;
    }

    /// <summary>
    /// Logs an enquiry and returns it as the actor now sees it, built from what was just written: the write is one
    /// round trip after the look-ups, which come from the actor and the cached directory where they can.
    /// </summary>
    public async Task<Result<EnquiryView>> LogAsync(LogEnquiry o, Actor actor, CancellationToken ct = default)
    {
        var errors = CheckText(o);
        var subject = o.Subject?.Trim();
        var details = o.Details?.Trim();

        if (!Enum.IsDefined(o.Channel))
        {
            errors.AddError("Channel", "Choose how the enquiry was received");
        }

        // PostgreSQL stores instants in UTC; an offset from the client is honoured, then normalised.
        var receivedAt = AuditLog.TruncateToMicroseconds((o.ReceivedAt ?? Now).ToUniversalTime());
        if (receivedAt > Now + ClockSkew)
        {
            errors.AddError("ReceivedAt", "The date received must be today or in the past");
        }
        else if (receivedAt < Now.AddYears(-1))
        {
            errors.AddError("ReceivedAt", "The date received must be within the last year");
        }

        // Whose enquiry is it? A member logs their own; the Hub names the member.
        Member? member = null;
        if (o.MemberId is { } mid)
        {
            member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid && m.Active, ct);
            if (member is null || !(actor.MemberIds.Contains(member.Id) || actor.Has(member.CouncilId, OfficerRoles.MembersSupportHub)))
            {
                errors.AddError("MemberId", "Choose a member of your council");
                member = null;
            }
        }
        else if (actor.Members.Count == 1)
        {
            // The actor (loaded once per ActorMiddleware.CacheFor) already holds the seat.
            var seat = actor.Members[0];
            member = new Member
            {
                Id = seat.MemberId,
                CouncilId = seat.CouncilId,
                AccountId = actor.AccountId,
                Name = seat.Name,
                Email = seat.Email,
                WardId = seat.WardId,
            };
        }
        else if (actor.IsMember || actor.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0)
        {
            errors.AddError("MemberId", "Choose the member the enquiry is from");
        }
        else
        {
            return new NotAllowed("Only members, and the council\u2019s enquiries team (Members Support Hub or Democratic Services) on their behalf, can log enquiries.");
        }

        if (member is not null && o.ReceivedAt is not null && !actor.Has(member.CouncilId, OfficerRoles.MembersSupportHub))
        {
            // The deadline runs from receipt: only the Hub, recording a call or letter, may date it earlier than now.
            errors.AddError("ReceivedAt", $"Only the {(await protocols.ForAsync(db, member.CouncilId, Today, ct)).HubName} can record an earlier date of receipt");
        }

        if (member is not null && !actor.MemberIds.Contains(member.Id) && o.Channel == EnquiryChannel.Portal)
        {
            errors.AddError("Channel", "Choose how the member contacted you: email, phone or in person");
        }

        Ward? ward = null;
        Service? service = null;
        var dir = member is null ? null : await directory.ForAsync(db, member.CouncilId, ct);
        if (member is not null)
        {
            if (o.WardId is { } wid)
            {
                ward = dir!.Wards.GetValueOrDefault(wid);
                if (ward is null)
                {
                    errors.AddError("WardId", "Choose a ward of this council");
                }
            }

            if (o.ServiceId is { } sid)
            {
                service = dir!.Services.GetValueOrDefault(sid);
                if (service is null)
                {
                    errors.AddError("ServiceId", "Choose a service of this council");
                }
            }
        }

        if (errors.Count > 0)
        {
            return ValidationFailed.For(errors);
        }

        var receivedOn = LondonTime.ToLocalDate(receivedAt);
        var p = await protocols.ForAsync(db, member!.CouncilId, receivedOn, ct);
        // Consent evidence still to be sought does not stop the enquiry being logged; its reply is held until then (A10).
        var (awaitingConsent, consentWhy) = EnquiryRulebook.ConsentEvidenceOutstanding(p, o.HasConstituentData, o.ConsentEvidence);

        var deadline = EnquiryRulebook.Deadline(p, receivedOn);
        var serviceManager = service?.Manager is { Active: true } m2 ? m2 : null;
        var route = EnquiryRulebook.Route(p, serviceManager?.Id, serviceManager?.Name, service?.Name);
        // Only an enquiry the rule sends to the service manager is theirs: one routed to the Hub has no assignee yet, and
        // nobody else is told it is with them.
        var manager = route.ToHub ? null : serviceManager;
        // The manager's absence is in the cached directory: the cover is looked up only when they are away (9.1.6).
        var cover = manager is null ? null : await Absences.RoutingCoverAsync(db, p, manager, Today, ct);
        var assignee = cover is not null
            ? new Recipient(cover.AccountId, cover.Name, cover.Email)
            : manager is null ? null : new Recipient(manager.AccountId, manager.Name, manager.Email);
        var now = Now;
        var enquiry = new Enquiry
        {
            CouncilId = member.CouncilId,
            Reference = NewReference(p.Council.ShortCode, receivedOn),
            MemberId = member.Id,
            LoggedByAccountId = actor.AccountId,
            Channel = o.Channel,
            Subject = subject!,
            Details = details!,
            WardId = ward?.Id ?? member.WardId,
            ServiceId = service?.Id,
            HasConstituentData = o.HasConstituentData,
            ConsentEvidence = o.HasConstituentData && !string.IsNullOrWhiteSpace(o.ConsentEvidence) ? o.ConsentEvidence.Trim() : null,
            AwaitingConsentEvidence = awaitingConsent,
            UrgencyRequested = string.IsNullOrWhiteSpace(o.UrgentBecause) ? null : o.UrgentBecause.Trim(),
            ReceivedAt = receivedAt,
            ReceivedOn = receivedOn,
            ProtocolVersion = p.VersionKey,
            DueOn = deadline.DueOn,
            VeryOverdueAfter = deadline.VeryOverdueAfter,
            Status = route.ToHub ? EnquiryStatus.Open : EnquiryStatus.Assigned,
            AssignedOfficerId = cover?.OfficerId ?? route.OfficerId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        enquiry.Activities.Add(Activity(enquiry, actor, ActivityKind.Logged, body: deadline.Explanation, citation: deadline.Why));
        enquiry.Activities.Add(Activity(enquiry, actor, route.ToHub ? ActivityKind.Routed : ActivityKind.Assigned,
            body: route.Explanation, subjectId: route.OfficerId, subjectName: route.OfficerName, citation: route.Why));
        if (cover is not null)
        {
            enquiry.Activities.Add(Activity(enquiry, actor, ActivityKind.PassedOn, body: cover.Explanation,
                subjectId: cover.OfficerId, subjectName: cover.Name, citation: cover.Why));
        }

        if (awaitingConsent)
        {
            enquiry.Activities.Add(Activity(enquiry, actor, ActivityKind.ConsentEvidenceSought, citation: consentWhy,
                body: "Evidence of the constituent's consent (for example a letter or email from them) is to be recorded before the reply is sent."));
        }

        db.Enquiries.Add(enquiry);
        if (deadline.DueOn is { } owed)
        {
            // The reply is owed from receipt, in the same transaction as the enquiry (the reminder engine reads it).
            duties.Owe(enquiry.CouncilId, Entity, enquiry.Id, DutyKind.EnquiryReply, enquiry.AssignedOfficerId, owed,
                deadline.VeryOverdueAfter, p.VersionKey, deadline.Why, now);
        }

        await notifier.PrepareAsync([member.AccountId, assignee?.AccountId], ct);
        var routing = cover is null ? route.Explanation : $"{route.Explanation} {cover.Explanation}";
        await NotifyAsync(enquiry, p, MemberRecipient(member), new EnquiryLogged
        {
            Reference = enquiry.Reference,
            Subject = enquiry.Subject,
            Routing = routing,
            Deadline = deadline.DueOn is { } d ? $"A reply is due by {LondonTime.FormatDate(d)}." : deadline.Explanation,
        }, "logged", ct);
        if (assignee is not null)
        {
            await NotifyAsync(enquiry, p, assignee, new EnquiryAssigned
            {
                Reference = enquiry.Reference,
                Subject = enquiry.Subject,
                Member = member.Name,
                Deadline = deadline.DueOn is { } d2 ? $"A substantive reply is due by {LondonTime.FormatDate(d2)}." : deadline.Explanation,
                Note = cover?.Explanation ?? "",
            }, "assigned-" + enquiry.AssignedOfficerId, ct);
        }

        // The event holds no free text (the subject, the reason for urgency): it commits to the row's state by hash, and
        // what a person wrote must be removable when its retention period ends, which an immutable event never is.
        await audit.RecordAsync(actor, "enquiry.logged", Entity, enquiry.Id, enquiry.CouncilId, null, new
        {
            enquiry.Reference,
            enquiry.MemberId,
            Channel = enquiry.Channel.ToString(),
            SubjectLength = enquiry.Subject.Length,
            enquiry.WardId,
            enquiry.ServiceId,
            enquiry.HasConstituentData,
            enquiry.AwaitingConsentEvidence,
            UrgencyRequested = enquiry.UrgencyRequested is not null,
            enquiry.ReceivedOn,
            enquiry.DueOn,
            enquiry.ProtocolVersion,
            Status = enquiry.Status.ToString(),
            enquiry.AssignedOfficerId,
        }, deadline.Why, newStream: true, ct);
        await db.SaveChangesAsync(ct);

        var wardName = (ward ?? (enquiry.WardId is { } w ? dir!.Wards.GetValueOrDefault(w) : null))?.Name;
        // How the actor stands to it, from the same definition a later read uses (one primary-key look-up).
        var relation = (EnquiryRelation)(await EnquiryAccess.Rule.RelationsAsync(db.Enquiries, db, enquiry.Id, actor, Now, ct) ?? 0);
        var can = EnquiryPermissions.For(relation, enquiry);
        IReadOnlyList<EnquiryActivity> activities = can.SeeInternal ? [.. enquiry.Activities] : [.. enquiry.Activities.Where(a => !a.Internal)];
        return new EnquiryView(enquiry, p.Council.Name, member.Name, wardName, service?.Name, assignee?.Name,
            enquiry.TimelinessOn(Today), deadline, activities, [], relation, can, HubName: p.HubName,
            WorkingDaysOverdue: EnquiryRulebook.WorkingDaysOverdue(p, enquiry.TimelinessOn(Today), enquiry.EffectiveDueOn, Today),
            ReleaseCheckApplies: EnquiryRulebook.ReleaseCheckApplies(p), BurdenDecision: EnquiryRulebook.BurdenDecision(p));
    }

    // ---------------------------------------------------------------- reading

    /// <summary>An enquiry as the actor may see it; <see cref="NotFound"/> when it does not exist or is not theirs to see.</summary>
    public async Task<Result<EnquiryView>> GetAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(id, actor, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (e, relation) = loaded.Value;
        var can = EnquiryPermissions.For(relation, e);
        var activities = await db.EnquiryActivities.AsNoTracking().Where(a => a.EnquiryId == e.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        if (!can.SeeInternal)
        {
            activities = [.. activities.Where(a => !a.Internal)];
        }

        var copies = await (from g in db.AccessGrants.AsNoTracking()
                            join m in db.Members.AsNoTracking() on g.MemberId equals m.Id
                            where g.ResourceType == EnquiryAccess.Type && g.ResourceId == e.Id && g.Effect == GrantEffect.Allow
                            orderby g.GrantedAt
                            select new CopyRecipient(m.Id, m.Name, g.GrantedAt)).ToListAsync(ct);
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == e.CouncilId).Select(c => c.Name).FirstAsync(ct);
        var p = await protocols.ForVersionAsync(db, e.CouncilId, e.ProtocolVersion, ct);
        var deadline = EnquiryRulebook.Deadline(p, e.ReceivedOn);
        // Out of office: the page always gives the alternative contact (Southend 9.1.6).
        string? away = null;
        if (!e.IsFinished && e.AssignedOfficer is { } assignee && assignee.IsAwayOn(Today))
        {
            var cover = await Absences.CoverForAsync(db, p, assignee, Today, ct);
            away = cover is not null
                ? $"{cover.Explanation} Contact {cover.Name} ({cover.Email})."
                : $"{assignee.Name} is away until {LondonTime.FormatDate(assignee.AwayUntil!.Value)}.";
        }

        return new EnquiryView(e, council, e.Member!.Name, e.Ward?.Name, e.Service?.Name, e.AssignedOfficer?.Name,
            e.TimelinessOn(Today), deadline, activities, copies, relation, can, away, p.HubName,
            EnquiryRulebook.WorkingDaysOverdue(p, e.TimelinessOn(Today), e.EffectiveDueOn, Today), EnquiryRulebook.ReleaseCheckApplies(p),
            EnquiryRulebook.BurdenDecision(p), p.Version.Title);
    }

    // ---------------------------------------------------------------- officer actions

    public Task<Result<Enquiry>> AcceptAsync(Guid id, int version, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.Accept, "accept it", async (e, p) =>
        {
            e.AcceptedAt = Now;
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.Accepted));
            await AuditAsync(actor, "enquiry.accepted", e, null, new { e.AcceptedAt }, null, ct);
            return e;
        }, ct);

    /// <summary>Assign (from the Hub's queue) or pass on to a colleague; the member is told who has it (002 16.7).</summary>
    public Task<Result<Enquiry>> AssignAsync(Guid id, int version, AssignEnquiry o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.Assign, "assign it", async (e, p) =>
        {
            if (o.Note?.Length > EnquiryLimits.TextMax)
            {
                return ValidationFailed.For("Note", $"The note must be {EnquiryLimits.TextMax:N0} characters or fewer");
            }

            var chosen = await db.Officers.AsNoTracking()
                .Where(x => x.Id == o.OfficerId && x.Active && db.OfficerAppointments.Any(a => a.OfficerId == x.Id && a.CouncilId == e.CouncilId))
                .FirstOrDefaultAsync(ct);
            if (chosen is null)
            {
                return ValidationFailed.For("OfficerId", "Choose an officer who works for this council");
            }

            // An officer who is away has named a colleague for their members' enquiries (Southend 9.1.6).
            var cover = await Absences.RoutingCoverAsync(db, p, chosen, Today, ct);
            var officer = cover is null
                ? new { chosen.Id, chosen.Name, chosen.Email, chosen.AccountId }
                : new { Id = cover.OfficerId, cover.Name, cover.Email, cover.AccountId };
            if (officer.Id == e.AssignedOfficerId)
            {
                return ValidationFailed.For("OfficerId", cover is null
                    ? $"{officer.Name} already has this enquiry"
                    : $"{cover.Explanation} {cover.Name} already has this enquiry");
            }

            var before = new { e.AssignedOfficerId, Status = e.Status.ToString() };
            var passing = e.AssignedOfficerId is not null;
            e.AssignedOfficerId = officer.Id;
            await duties.ReassignAsync(Entity, e.Id, officer.Id, ct);
            e.AssignedOfficer = null;
            e.AcceptedAt = null;
            if (e.Status == EnquiryStatus.Open)
            {
                e.Status = EnquiryStatus.Assigned;
            }

            var rule = p.Version.Enquiries.PassingOn;
            var cite = cover?.Why ?? (passing && !rule.Silent ? p.Cite(rule) : null);
            // Who has it is the member's to see; the note is for the officer, so it is kept among officers' entries.
            var act = Activity(e, actor, passing ? ActivityKind.PassedOn : ActivityKind.Assigned,
                body: cover?.Explanation, subjectId: officer.Id, subjectName: officer.Name, citation: cite);
            db.EnquiryActivities.Add(act);
            if (!string.IsNullOrWhiteSpace(o.Note))
            {
                db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.NoteToOfficer, body: o.Note.Trim(), subjectId: officer.Id,
                    subjectName: officer.Name, @internal: true));
            }
            await NotifyAsync(e, p, new Recipient(officer.AccountId, officer.Name, officer.Email), new EnquiryAssigned
            {
                Reference = e.Reference,
                Subject = e.Subject,
                Member = e.Member!.Name,
                Deadline = e.EffectiveDueOn is { } due ? $"A substantive reply is due by {LondonTime.FormatDate(due)}." : "Your protocol sets no deadline.",
                Note = string.Join(" ", new[] { string.IsNullOrWhiteSpace(o.Note) ? null : $"Note from {actor.Name}: {o.Note.Trim()}", cover?.Explanation }.OfType<string>()),
            }, act.Id + "-officer", ct);
            // The member is told who now has it only where the protocol says so (002 16.7); they can always see it.
            if (passing && EnquiryRulebook.TellMemberWhenPassedOn(p).Tell)
            {
                await NotifyAsync(e, p, MemberRecipient(e.Member!), new EnquiryPassedOn { Reference = e.Reference, Subject = e.Subject, Officer = officer.Name },
                    act.Id + "-member", ct);
            }

            await AuditAsync(actor, passing ? "enquiry.passed_on" : "enquiry.assigned", e, before,
                new { e.AssignedOfficerId, Status = e.Status.ToString() }, cite, ct);
            return e;
        }, ct);

    /// <summary>A file note of a conversation (002 16.6). Officers' record: not shown to members.</summary>
    public Task<Result<Enquiry>> AddFileNoteAsync(Guid id, AddFileNote o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, null, actor, c => c.FileNote, "add a file note", async (e, p) =>
        {
            if (Required(o.Text, "Text", "Enter the file note", EnquiryLimits.DetailsMax) is { } error)
            {
                return error;
            }

            var rule = p.Version.Enquiries.FileNotes;
            var cite = rule.Silent ? null : p.Cite(rule);
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.FileNote, body: o.Text!.Trim(), @internal: true, citation: cite));
            await AuditAsync(actor, "enquiry.file_note_added", e, null, new { Length = o.Text.Length }, cite, ct);
            return e;
        }, ct, bumpVersion: false);

    /// <summary>A substantive response; an oral one needs written confirmation where the protocol says so.</summary>
    public Task<Result<Enquiry>> RespondAsync(Guid id, int version, SendResponse o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.Respond, "respond to it", async (e, p) =>
        {
            if (Required(o.Body, "Body", "Enter the response", EnquiryLimits.DetailsMax) is { } error)
            {
                return error;
            }

            if ((EnquiryRulebook.CheckReleaseAllowed(p, e.AwaitingConsentEvidence)
                    ?? EnquiryRulebook.CheckThirdPartyInformation(p, e.HasConstituentData, o.PublicDomain)
                    ?? EnquiryRulebook.CheckCommerciallySensitiveRelease(p, o.CommerciallySensitive, e.ReleaseCheckedAt is not null)) is { } held)
            {
                return held;
            }

            var confirming = e.Status == EnquiryStatus.Answered && e.AwaitingWrittenConfirmation;
            if (confirming && o.Oral)
            {
                return ValidationFailed.For("Oral", "This enquiry needs the oral answer confirmed in writing: send a written response");
            }

            var before = new { Status = e.Status.ToString(), e.AwaitingWrittenConfirmation };
            var needsConfirmation = o.Oral && EnquiryRulebook.OralAnswersNeedWrittenConfirmation(p);
            e.Status = EnquiryStatus.Answered;
            e.AnsweredAt ??= Now;
            await duties.MeetAsync(Entity, e.Id, DutyKind.EnquiryReply, o.Oral ? "oral response" : "response", Now, ct);
            e.AwaitingWrittenConfirmation = needsConfirmation;
            var cite = needsConfirmation || confirming ? p.Cite(p.Version.Enquiries.WrittenAnswers) : null;
            var act = Activity(e, actor, confirming ? ActivityKind.WrittenConfirmation : ActivityKind.Response,
                body: o.Body!.Trim(), oral: o.Oral, citation: cite);
            db.EnquiryActivities.Add(act);
            await NotifyAsync(e, p, MemberRecipient(e.Member!), new EnquiryResponse
            {
                Reference = e.Reference,
                Subject = e.Subject,
                Officer = actor.Name,
                Response = o.Body.Trim(),
            }, act.Id.ToString(), ct);
            await AuditAsync(actor, confirming ? "enquiry.answer_confirmed_in_writing" : "enquiry.answered", e, before,
                new { Status = e.Status.ToString(), e.AwaitingWrittenConfirmation, o.Oral }, cite, ct);
            return e;
        }, ct);

    /// <summary>A holding reply; refused without what the council's protocol demands (Southend 9.1.7).</summary>
    public Task<Result<Enquiry>> SendHoldingReplyAsync(Guid id, int version, SendHoldingReply o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.HoldingReply, "send a holding reply", async (e, p) =>
        {
            if (o.Reason?.Length > EnquiryLimits.TextMax || o.Action?.Length > EnquiryLimits.TextMax)
            {
                return ValidationFailed.For(o.Reason?.Length > EnquiryLimits.TextMax ? "Reason" : "Action",
                    $"Each part must be {EnquiryLimits.TextMax:N0} characters or fewer");
            }

            if (EnquiryRulebook.CheckHoldingReply(p, o.Reason, o.Action, o.NewDeadline, e.DueOn, Today, o.Oral) is { } refused)
            {
                return refused;
            }

            var rule = p.Version.Enquiries.HoldingReply;
            var cite = rule.Silent ? null : p.Cite(rule);
            var before = new { Status = e.Status.ToString(), e.PromisedBy, e.ExplainedOn };
            e.Status = EnquiryStatus.HoldingReplySent;
            e.PromisedBy = o.NewDeadline ?? e.PromisedBy;
            if (e.ExplainedOn is null && EnquiryRulebook.ExplanationMeetsDeadline(p, e.DueOn, Today))
            {
                // West Oxfordshire para 29(a): an explanation within the period meets the deadline. A date promised in
                // it is a new duty of its own, with no very-overdue escalation (the protocol's clock has stopped).
                e.ExplainedOn = Today;
                await duties.MeetAsync(Entity, e.Id, DutyKind.EnquiryReply, $"explanation within the deadline ({p.Cite(rule).Reference})", Now, ct);
                if (o.NewDeadline is { } promised)
                {
                    duties.Owe(e.CouncilId, Entity, e.Id, DutyKind.EnquiryReply, e.AssignedOfficerId, promised, null, e.ProtocolVersion, cite, Now)
                        .PromisedOn = promised;
                }
            }
            else if (o.NewDeadline is { } promised)
            {
                await duties.PromiseAsync(Entity, e.Id, DutyKind.EnquiryReply, promised, ct);
            }
            var act = Activity(e, actor, ActivityKind.HoldingReply, reason: o.Reason?.Trim(), action: o.Action?.Trim(),
                newDeadline: o.NewDeadline, oral: o.Oral, citation: cite);
            db.EnquiryActivities.Add(act);
            var explanation = string.Join("\n\n", new[]
            {
                string.IsNullOrWhiteSpace(o.Reason) ? null : $"Reason for the delay: {o.Reason.Trim()}",
                string.IsNullOrWhiteSpace(o.Action) ? null : $"What is being done: {o.Action.Trim()}",
                o.NewDeadline is { } nd ? $"You will have a full reply by {LondonTime.FormatDate(nd)}." : null,
            }.Where(x => x is not null));
            if (!o.Oral)
            {
                // Told by phone or in person, the member is not written to as well; the explanation is on the enquiry.
                await NotifyAsync(e, p, MemberRecipient(e.Member!), new EnquiryHoldingReply
                {
                    Reference = e.Reference,
                    Subject = e.Subject,
                    Officer = actor.Name,
                    Explanation = explanation,
                }, act.Id.ToString(), ct);
            }
            await AuditAsync(actor, "enquiry.holding_reply_sent", e, before, new { Status = e.Status.ToString(), e.PromisedBy, e.ExplainedOn }, cite, ct);
            return e;
        }, ct);

    /// <summary>
    /// Raise a disproportionate burden with whoever the protocol names (A5); where the protocol allows refusal and the
    /// officer asks, it is also referred to whoever decides whether the information is provided (Cambridge 9.6), who can
    /// then see the enquiry for as long as they hold that post.
    /// </summary>
    public Task<Result<Enquiry>> RaiseBurdenAsync(Guid id, RaiseBurden o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, null, actor, c => c.RaiseBurden, "raise a disproportionate burden", async (e, p) =>
        {
            if (Required(o.Text, "Text", "Explain why the enquiry is a disproportionate burden", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            var decision = EnquiryRulebook.BurdenDecision(p);
            List<Recipient> deciders = [];
            if (o.ReferForDecision)
            {
                if (decision is null)
                {
                    var burden = p.Version.Enquiries.Burden;
                    return burden.Silent
                        ? ValidationFailed.For("ReferForDecision", "Your protocol says nothing about refusing a request: ask the Monitoring Officer")
                        : ProtocolRefused.For("ReferForDecision",
                            "Your protocol gives no power to refuse the request: agree an alternative deadline or response with the member", p.Cite(burden));
                }

                if (e.BurdenReferredAt is not null)
                {
                    return new InvalidTransition("It has already been referred for a decision.");
                }

                deciders = await CouncilOfficers.WithRole(db, e.CouncilId, EnquiryRulebook.RoleOf(decision.By))
                    .Select(x => new Recipient(x.AccountId, x.Name, x.Email)).ToListAsync(ct);
                if (deciders.Count == 0)
                {
                    return new InvalidTransition("Nobody holds the post that decides this: ask the Monitoring Officer to be recorded in Nolan.");
                }

                e.BurdenReferredAt = Now;
            }

            var (parties, cite, explanation) = EnquiryRulebook.BurdenRaisedWith(p);
            var body = $"{o.Text!.Trim()}\n\n{explanation}";
            if (o.ReferForDecision)
            {
                body += $" Referred for a decision ({decision!.Why.ParagraphText} of the protocol): {decision.Explanation}";
            }

            var act = Activity(e, actor, ActivityKind.BurdenRaised, body: body, @internal: true, citation: cite);
            db.EnquiryActivities.Add(act);
            var told = new List<Recipient>();
            foreach (var party in parties)
            {
                told.AddRange(await BurdenRecipientsAsync(e, party, ct));
            }

            foreach (var to in told.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase))
            {
                var toMember = to.Email.Equals(e.Member!.Email, StringComparison.OrdinalIgnoreCase);
                Message message = toMember
                    ? new EnquiryBurdenMember { Reference = e.Reference, Subject = e.Subject, Officer = actor.Name, Reason = o.Text.Trim() }
                    : new EnquiryBurdenRaised { Reference = e.Reference, Subject = e.Subject, Officer = actor.Name, Member = e.Member!.Name, Reason = o.Text.Trim() };
                await NotifyAsync(e, p, to, message, $"{act.Id}/{to.Email}", ct);
            }

            foreach (var to in deciders)
            {
                await NotifyAsync(e, p, to, new EnquiryBurdenReferred
                {
                    Reference = e.Reference,
                    Subject = e.Subject,
                    Officer = actor.Name,
                    Member = e.Member!.Name,
                    Reason = o.Text.Trim(),
                    Why = decision!.Why.Describe(),
                }, $"{act.Id}/decide/{to.Email}", ct);
            }

            await AuditAsync(actor, "enquiry.burden_raised", e, null, new
            {
                Raised = true,
                RaisedWith = parties.Select(x => x.ToString()),
                e.BurdenReferredAt,
            }, o.ReferForDecision ? decision!.Why : cite, ct);
            return e;
        }, ct, bumpVersion: o.ReferForDecision);

    /// <summary>
    /// Whoever the protocol says decides (the Monitoring Officer) decides a referred burden: provide the information (the
    /// officer answers it as usual), or refuse the request, which finishes the enquiry and tells the member why, with the
    /// paragraph that allows it.
    /// </summary>
    public Task<Result<Enquiry>> DecideBurdenAsync(Guid id, int version, DecideBurden o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.DecideBurden, "decide whether the information should be provided", async (e, p) =>
        {
            if (Required(o.Reason, "Reason", o.Provide ? "Give your reasons for the officer" : "Give the member your reasons for refusing", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            if (EnquiryRulebook.BurdenDecision(p) is not { } decision)
            {
                return new InvalidTransition("Your protocol gives no power to refuse the request.");
            }

            var before = new { Status = e.Status.ToString(), e.BurdenDecidedAt };
            e.BurdenDecidedAt = Now;
            var reason = o.Reason!.Trim();
            EnquiryActivity act;
            if (o.Provide)
            {
                act = Activity(e, actor, ActivityKind.BurdenDecided, body: reason, @internal: true, citation: decision.Why);
            }
            else
            {
                e.Status = EnquiryStatus.Refused;
                e.ClosedAt = Now;
                await duties.MeetAsync(Entity, e.Id, DutyKind.EnquiryReply, "refused as a disproportionate request", Now, ct);
                act = Activity(e, actor, ActivityKind.Refused, body: reason, citation: decision.Why);
                await NotifyAsync(e, p, MemberRecipient(e.Member!), new EnquiryRefused
                {
                    Reference = e.Reference,
                    Subject = e.Subject,
                    DecidedBy = actor.Name,
                    Reason = reason,
                    Why = decision.Why.Describe(),
                }, act.Id + "-member", ct);
            }

            db.EnquiryActivities.Add(act);
            if (e.AssignedOfficer is { } officer)
            {
                await NotifyAsync(e, p, new Recipient(officer.AccountId, officer.Name, officer.Email), new EnquiryBurdenDecided
                {
                    Reference = e.Reference,
                    Subject = e.Subject,
                    DecidedBy = actor.Name,
                    Outcome = o.Provide ? "The information should be provided: please answer the enquiry." : "The request is refused: the member has been told why.",
                    Reason = reason,
                }, act.Id + "-officer", ct);
            }

            await AuditAsync(actor, o.Provide ? "enquiry.burden_decided" : "enquiry.refused", e, before,
                new { Status = e.Status.ToString(), e.BurdenDecidedAt, o.Provide }, decision.Why, ct);
            return e;
        }, ct);

    /// <summary>Record the agreed approach to a disproportionate request, optionally with an alternative deadline.</summary>
    public Task<Result<Enquiry>> AgreeBurdenAsync(Guid id, int version, AgreeBurden o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.AgreeBurden, "record the agreed approach", async (e, p) =>
        {
            if (Required(o.Approach, "Approach", "Enter the approach agreed with the member", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            if (o.NewDeadline is { } d && d <= Today)
            {
                return ValidationFailed.For("NewDeadline", "The new deadline must be in the future");
            }

            var rule = p.Version.Enquiries.Burden;
            var cite = rule.Silent ? null : p.Cite(rule);
            var before = new { e.PromisedBy };
            e.PromisedBy = o.NewDeadline ?? e.PromisedBy;
            if (o.NewDeadline is { } agreed)
            {
                await duties.PromiseAsync(Entity, e.Id, DutyKind.EnquiryReply, agreed, ct);
            }
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.BurdenAgreed, body: o.Approach!.Trim(), newDeadline: o.NewDeadline, citation: cite));
            await AuditAsync(actor, "enquiry.burden_agreed", e, before, new { e.PromisedBy }, cite, ct);
            return e;
        }, ct);

    /// <summary>It is really a complaint: it moves to the council's complaints procedure, with its deadline if any (A6).</summary>
    public Task<Result<Enquiry>> MoveToComplaintsAsync(Guid id, int version, MoveToComplaints o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.MoveToComplaints, "move it to the complaints procedure", async (e, p) =>
        {
            if (Required(o.Reason, "Reason", "Explain why this is a complaint", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            var (route, due, cite) = EnquiryRulebook.Complaint(p, Today);
            var before = new { Status = e.Status.ToString() };
            e.Status = EnquiryStatus.MovedToComplaints;
            e.ComplaintDueOn = due;
            e.ClosedAt = Now;
            await duties.MeetAsync(Entity, e.Id, DutyKind.EnquiryReply, $"moved to {route}", Now, ct);
            if (due is { } complaintDue)
            {
                // Owed by the council's complaints team, reminded like any other duty.
                duties.Owe(e.CouncilId, Entity, e.Id, DutyKind.ComplaintResponse, null, complaintDue, null, e.ProtocolVersion, cite, Now);
            }
            var body = due is { } d
                ? $"Moved to {route}. A response is due by {LondonTime.FormatDate(d)}. {o.Reason!.Trim()}"
                : $"Moved to {route}. {o.Reason!.Trim()}";
            var act = Activity(e, actor, ActivityKind.MovedToComplaints, body: body, citation: cite);
            db.EnquiryActivities.Add(act);
            await NotifyAsync(e, p, MemberRecipient(e.Member!), new EnquiryMovedToComplaints
            {
                Reference = e.Reference,
                Subject = e.Subject,
                Route = route,
                Detail = due is { } cd ? $"The council aims to respond by {LondonTime.FormatDate(cd)}." : "",
            }, act.Id.ToString(), ct);
            await AuditAsync(actor, "enquiry.moved_to_complaints", e, before, new { Status = e.Status.ToString(), e.ComplaintDueOn }, cite, ct);
            return e;
        }, ct);

    /// <summary>The officer handling the enquiry decides whether it is urgent (para 30: "deemed by the officer to be urgent").</summary>
    public Task<Result<Enquiry>> DecideUrgencyAsync(Guid id, int version, DecideUrgency o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.DecideUrgency, "decide whether it is urgent", async (e, p) =>
        {
            if (Required(o.Reason, "Reason", "Tell the member why", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            var before = new { e.Urgent };
            e.Urgent = o.Urgent;
            var rule = p.Version.Enquiries.Urgency;
            var cite = rule.Silent ? null : p.Cite(rule);
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.UrgencyDecided,
                body: $"{(o.Urgent ? "Treated as urgent" : "Not treated as urgent")}: {o.Reason!.Trim()}", citation: cite));
            await AuditAsync(actor, "enquiry.urgency_decided", e, before, new { e.Urgent }, cite, ct);
            return e;
        }, ct);

    /// <summary>
    /// The member disputes the officer's decision that it is not urgent: referred to whoever the protocol names (para 30),
    /// or the Monitoring Officer where it is silent. The referee is given sight of the enquiry by a recorded grant.
    /// </summary>
    public Task<Result<Enquiry>> DisputeUrgencyAsync(Guid id, DisputeUrgency o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, null, actor, c => c.DisputeUrgency, "dispute the urgency decision", async (e, p) =>
        {
            if (Required(o.Reason, "Reason", "Say why it is urgent", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            var (to, why, explanation) = EnquiryRulebook.UrgencyReferral(p);
            var referees = await (to == UrgencyReferee.MonitoringOfficer
                ? CouncilOfficers.WithRole(db, e.CouncilId, OfficerRoles.MonitoringOfficer)
                : CouncilOfficers.OfGrade(db, e.CouncilId, OfficerGrade.DeputyChiefExecutive)).ToListAsync(ct);
            if (referees.Count == 0)
            {
                return new InvalidTransition("Nobody holds the post the dispute goes to: ask the Monitoring Officer.");
            }

            e.UrgencyDisputedAt = Now;
            var officerName = e.AssignedOfficer?.Name ?? "the officer";
            var act = Activity(e, actor, ActivityKind.UrgencyDisputed, body: $"{o.Reason!.Trim()}\n\n{explanation}",
                subjectName: string.Join(", ", referees.Select(r => r.Name)), citation: why);
            db.EnquiryActivities.Add(act);
            foreach (var referee in referees)
            {
                // The referee must see what they are asked to decide: a recorded, audited grant, not a role.
                db.AccessGrants.Add(new AccessGrant
                {
                    CouncilId = e.CouncilId,
                    ResourceType = EnquiryAccess.Type,
                    ResourceId = e.Id,
                    OfficerId = referee.Id,
                    Reason = "Referred an urgency dispute",
                    Citation = why?.Reference,
                    GrantedByAccountId = actor.AccountId,
                    GrantedAt = Now,
                });
                await NotifyAsync(e, p, new Recipient(referee.AccountId, referee.Name, referee.Email), new EnquiryUrgencyDisputed
                {
                    Reference = e.Reference,
                    Subject = e.Subject,
                    Member = e.Member!.Name,
                    Officer = officerName,
                    Reason = o.Reason.Trim(),
                    Why = why?.Describe() ?? explanation,
                }, $"{act.Id}/{referee.Id}", ct);
            }

            await AuditAsync(actor, "enquiry.urgency_disputed", e, null, new { e.UrgencyDisputedAt, ReferredTo = referees.Select(r => r.Id) }, why, ct);
            return e;
        }, ct);

    /// <summary>The line manager's check before commercially sensitive information is released (002 16.8).</summary>
    public Task<Result<Enquiry>> RecordReleaseCheckAsync(Guid id, int version, RecordReleaseCheck o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.RecordReleaseCheck, "record the release check", async (e, p) =>
        {
            if (!EnquiryRulebook.ReleaseCheckApplies(p))
            {
                return new InvalidTransition("Your protocol asks for no check before commercially sensitive information is released.");
            }

            if (Required(o.Text, "Text", "Say what you checked and what may be released", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            e.ReleaseCheckedAt = Now;
            var cite = p.Cite(p.Version.Enquiries.CommerciallySensitive);
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.ReleaseChecked, body: o.Text!.Trim(), @internal: true, citation: cite));
            await AuditAsync(actor, "enquiry.release_checked", e, null, new { e.ReleaseCheckedAt }, cite, ct);
            return e;
        }, ct);

    /// <summary>Records the constituent's consent evidence that was being sought; the reply may then be sent (A10).</summary>
    public Task<Result<Enquiry>> RecordConsentEvidenceAsync(Guid id, RecordConsentEvidence o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, null, actor, c => c.RecordConsentEvidence, "record consent evidence", async (e, p) =>
        {
            if (Required(o.Text, "Text", "Say what evidence of the constituent's consent you hold, for example a letter or email from them", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            e.ConsentEvidence = o.Text!.Trim();
            e.AwaitingConsentEvidence = false;
            var rule = p.Version.Enquiries.ConstituentData;
            var cite = rule.Silent ? null : p.Cite(rule);
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.ConsentEvidenceRecorded, body: e.ConsentEvidence, citation: cite));
            await AuditAsync(actor, "enquiry.consent_evidence_recorded", e, new { AwaitingConsentEvidence = true },
                new { e.AwaitingConsentEvidence, Length = e.ConsentEvidence.Length }, cite, ct);
            return e;
        }, ct);

    /// <summary>The complaints procedure has responded: recorded on the enquiry, and the complaint's duty is met.</summary>
    public Task<Result<Enquiry>> RecordComplaintOutcomeAsync(Guid id, int version, RecordComplaintOutcome o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.RecordComplaintOutcome, "record the complaint's outcome", async (e, p) =>
        {
            if (Required(o.Text, "Text", "Enter the outcome of the complaint", EnquiryLimits.TextMax) is { } error)
            {
                return error;
            }

            e.ComplaintAnsweredAt = Now;
            await duties.MeetAsync(Entity, e.Id, DutyKind.ComplaintResponse, "complaint response recorded", Now, ct);
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.ComplaintAnswered, body: o.Text!.Trim()));
            await AuditAsync(actor, "enquiry.complaint_answered", e, null, new { e.ComplaintAnsweredAt }, null, ct);
            return e;
        }, ct);

    public Task<Result<Enquiry>> CloseAsync(Guid id, int version, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, version, actor, c => c.Close, "close it", async (e, p) =>
        {
            var oral = await db.EnquiryActivities.AnyAsync(a => a.EnquiryId == e.Id && a.Oral
                && (a.Kind == ActivityKind.Response || a.Kind == ActivityKind.WrittenConfirmation), ct);
            var noted = oral && await db.EnquiryActivities.AnyAsync(a => a.EnquiryId == e.Id && a.Kind == ActivityKind.FileNote, ct);
            if (EnquiryRulebook.CheckFileNotesBeforeClosing(p, oral, noted) is { } refused)
            {
                return refused;
            }

            var before = new { Status = e.Status.ToString() };
            e.Status = EnquiryStatus.Closed;
            e.ClosedAt = Now;
            db.EnquiryActivities.Add(Activity(e, actor, ActivityKind.Closed));
            await AuditAsync(actor, "enquiry.closed", e, before, new { Status = e.Status.ToString() }, null, ct);
            return e;
        }, ct);

    /// <summary>Copy to another member of the council. Everyone who can see the enquiry sees the copy list.</summary>
    public Task<Result<Enquiry>> CopyToMemberAsync(Guid id, CopyToMember o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, null, actor, c => c.Copy, "copy it", async (e, p) =>
        {
            var member = await db.Members.AsNoTracking()
                .Where(m => m.Id == o.MemberId && m.CouncilId == e.CouncilId && m.Active)
                .Select(m => new { m.Id, m.Name, m.Email, m.AccountId }).FirstOrDefaultAsync(ct);
            if (member is null)
            {
                return ValidationFailed.For("MemberId", "Choose a member of this council");
            }

            if (member.Id == e.MemberId || await db.AccessGrants.AnyAsync(g => g.ResourceType == EnquiryAccess.Type
                    && g.ResourceId == e.Id && g.MemberId == member.Id, ct))
            {
                return ValidationFailed.For("MemberId", $"{member.Name} can already see this enquiry");
            }

            db.AccessGrants.Add(new AccessGrant
            {
                CouncilId = e.CouncilId,
                ResourceType = EnquiryAccess.Type,
                ResourceId = e.Id,
                MemberId = member.Id,
                Reason = "Copied to the member",
                GrantedByAccountId = actor.AccountId,
                GrantedAt = Now,
            });
            var act = Activity(e, actor, ActivityKind.Copied, subjectId: member.Id, subjectName: member.Name);
            db.EnquiryActivities.Add(act);
            await NotifyAsync(e, p, new Recipient(member.AccountId, member.Name, member.Email),
                new EnquiryCopied { Reference = e.Reference, Subject = e.Subject, Member = e.Member!.Name }, act.Id.ToString(), ct);
            await AuditAsync(actor, "enquiry.copied", e, null, new { CopiedTo = member.Id }, null, ct);
            return e;
        }, ct, bumpVersion: false);

    /// <summary>
    /// A meeting or site visit with the member about the enquiry: recorded on the enquiry (the member sees it) and
    /// sent to the member and the organising officer as a calendar invitation.
    /// </summary>
    public Task<Result<Enquiry>> ArrangeMeetingAsync(Guid id, ArrangeMeeting o, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(id, null, actor, c => c.ArrangeMeeting, "arrange a meeting", async (e, p) =>
        {
            var errors = new Dictionary<string, List<string>>();
            if (o.Start is not { } start)
            {
                errors.AddError("Start", "Enter when the meeting starts");
            }
            else if (start < Now)
            {
                errors.AddError("Start", "The meeting must start in the future");
            }
            else if (start > Now.AddYears(1))
            {
                errors.AddError("Start", "The meeting must be within the next year");
            }

            if (o.End is not { } end)
            {
                errors.AddError("End", "Enter when the meeting ends");
            }
            else if (o.Start is { } s2 && (end <= s2 || end - s2 > TimeSpan.FromHours(8)))
            {
                errors.AddError("End", "The meeting must end after it starts, and last at most 8 hours");
            }

            if (string.IsNullOrWhiteSpace(o.Location))
            {
                errors.AddError("Location", "Enter where the meeting is, for example the address of a site visit");
            }
            else if (o.Location.Length > 300)
            {
                errors.AddError("Location", "The place must be 300 characters or fewer");
            }

            if (o.Note?.Length > EnquiryLimits.TextMax)
            {
                errors.AddError("Note", $"The note must be {EnquiryLimits.TextMax:N0} characters or fewer");
            }

            if (errors.Count > 0)
            {
                return ValidationFailed.For(errors);
            }

            var organiser = actor.OfficerId is { } me
                ? await db.Officers.AsNoTracking().Where(x => x.Id == me).Select(x => new Recipient(x.AccountId, x.Name, x.Email)).FirstAsync(ct)
                : new Recipient(actor.AccountId, actor.Name, "");
            var when = LondonTime.ToLocalDate(o.Start!.Value) == LondonTime.ToLocalDate(o.End!.Value)
                ? $"{LondonTime.FormatDateTime(o.Start.Value)} to {LondonTime.FormatTime(o.End.Value)}"
                : $"{LondonTime.FormatDateTime(o.Start.Value)} to {LondonTime.FormatDateTime(o.End.Value)}";
            var note = string.IsNullOrWhiteSpace(o.Note) ? null : o.Note.Trim();
            var act = Activity(e, actor, ActivityKind.MeetingArranged, body: $"{when}, {o.Location!.Trim()}." + (note is null ? "" : $" {note}"),
                subjectId: e.MemberId, subjectName: e.Member!.Name);
            db.EnquiryActivities.Add(act);
            var invite = CalendarInvites.Render(new Invitation(
                Uid: $"{act.Id}@nolan", Sequence: 0, Summary: $"Enquiry {e.Reference}: {e.Subject}", Description: note,
                Location: o.Location.Trim(), Start: o.Start.Value, End: o.End.Value,
                Organizer: new Invitee(organiser.Name, string.IsNullOrEmpty(organiser.Email) ? "nolan@localhost" : organiser.Email),
                Attendees: [new Invitee(e.Member.Name, e.Member.Email), .. string.IsNullOrEmpty(organiser.Email) ? Array.Empty<Invitee>() : [new Invitee(organiser.Name, organiser.Email)]],
                Url: notifier.Link($"/enquiries/{e.Id}")), Now);
            var message = new EnquiryMeeting
            {
                Reference = e.Reference,
                Subject = e.Subject,
                Officer = organiser.Name,
                When = when,
                Location = o.Location.Trim(),
                Note = note ?? "",
            };
            foreach (var to in new[] { MemberRecipient(e.Member), organiser }.Where(r => !string.IsNullOrEmpty(r.Email) || r.AccountId is not null))
            {
                await NotifyAsync(e, p, to, message, $"{act.Id}/{to.Email}", ct, invite);
            }

            await AuditAsync(actor, "enquiry.meeting_arranged", e, null, new { o.Start, o.End, Location = o.Location.Trim() }, null, ct);
            return e;
        }, ct, bumpVersion: false);

    // ---------------------------------------------------------------- plumbing

    private async Task<Result<(Enquiry Enquiry, EnquiryRelation Relation)>> LoadAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var seen = await EnquiryAccess.Rule.FindAsync(Loaded.AsNoTracking(), db, id, actor, Now, ct);
        return seen is null ? new NotFound("enquiry") : (seen.Item, (EnquiryRelation)seen.Relations);
    }

    /// <summary>Every enquiry action goes through the kernel's <see cref="ChangePipeline"/>, with the enquiry's permissions.</summary>
    private Task<Result<Enquiry>> ChangeAsync(Guid id, int? expectedVersion, Actor actor,
        Func<EnquiryPermissions, bool> permitted, string doing, Func<Enquiry, CouncilProtocol, Task<Result<Enquiry>>> change,
        CancellationToken ct, bool bumpVersion = true) =>
        pipeline.RunAsync(EnquiryAccess.Rule, Loaded, id, expectedVersion, actor, (e, relations) =>
        {
            // Not the actor's to do at all: 403; theirs, but not in this state: 409 (docs/access-model.md).
            var relation = (EnquiryRelation)relations;
            return permitted(EnquiryPermissions.For(relation, e)) ? null
                : !permitted(EnquiryPermissions.Roles(relation))
                    ? new NotAllowed($"You cannot {doing}: it is not yours to do on this enquiry.")
                    : new InvalidTransition($"You cannot {doing} while the enquiry is {EnquiryText.Status(e.Status).ToLowerInvariant()}.");
        }, change, ct, bumpVersion);

    /// <summary>An enquiry with what its actions read.</summary>
    private IQueryable<Enquiry> Loaded =>
        db.Enquiries.Include(e => e.Member).Include(e => e.Ward).Include(e => e.Service).Include(e => e.AssignedOfficer);

    private static Recipient MemberRecipient(Member m) => new(m.AccountId, m.Name, m.Email);

    /// <summary>The people one party named by the burden rule stands for, on this enquiry.</summary>
    private async Task<IReadOnlyList<Recipient>> BurdenRecipientsAsync(Enquiry e, BurdenParty party, CancellationToken ct)
    {
        Task<Recipient?> Officer(Guid? id) => id is { } x
            ? db.Officers.AsNoTracking().Where(o => o.Id == x && o.Active).Select(o => new Recipient(o.AccountId, o.Name, o.Email)).FirstOrDefaultAsync(ct)
            : Task.FromResult<Recipient?>(null);

        Recipient? one = party switch
        {
            BurdenParty.Member => MemberRecipient(e.Member!),
            BurdenParty.LineManager => await Officer(e.AssignedOfficer?.LineManagerId),
            BurdenParty.ServiceManager => await Officer(e.Service?.ManagerId),
            BurdenParty.ChiefOfficer => await Officer(e.Service?.ChiefOfficerId),
            _ => null,
        };
        if (party == BurdenParty.MonitoringOfficer)
        {
            return await DutyReminders.RoleHolders(db, e.CouncilId, OfficerRoles.MonitoringOfficer).ToListAsync(ct);
        }

        return one is null ? [] : [one];
    }

    /// <summary>Queues a message in this unit of work; <paramref name="key"/> makes its de-duplication key unique.</summary>
    private Task NotifyAsync(Enquiry e, CouncilProtocol p, Recipient to, Message message, string key, CancellationToken ct, string? calendar = null) =>
        notifier.QueueAsync(e.CouncilId, p.Council.Slug, to, message, $"enquiry/{e.Id}/{message.Template}/{key}", $"/enquiries/{e.Id}", calendar, ct);

    private Task AuditAsync(Actor actor, string action, Enquiry e, object? before, object? after, Citation? cite, CancellationToken ct) =>
        audit.RecordAsync(actor, action, Entity, e.Id, e.CouncilId, before, after, cite, ct: ct);

    private EnquiryActivity Activity(Enquiry e, Actor actor, ActivityKind kind, string? body = null, string? reason = null,
        string? action = null, DateOnly? newDeadline = null, Guid? subjectId = null, string? subjectName = null,
        bool oral = false, bool @internal = false, Citation? citation = null) =>
        new()
        {
            EnquiryId = e.Id,
            Kind = kind,
            At = Now,
            ByAccountId = actor.AccountId,
            ByName = actor.Name,
            Body = body,
            Reason = reason,
            ActionTaken = action,
            NewDeadline = newDeadline,
            SubjectId = subjectId,
            SubjectName = subjectName,
            Oral = oral,
            Internal = @internal,
            Citation = citation?.Reference,
        };

    private static ValidationFailed? Required(string? text, string field, string message, int max) =>
        string.IsNullOrWhiteSpace(text) ? ValidationFailed.For(field, message)
        : text.Length > max ? ValidationFailed.For(field, $"This must be {max:N0} characters or fewer")
        : null;


    private static string NewReference(string shortCode, DateOnly receivedOn)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        // 8 characters from 32: a clash within one council's year is about one in 10^12 per pair of enquiries.
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"{shortCode}-{receivedOn.Year}-{code}";
    }
}
