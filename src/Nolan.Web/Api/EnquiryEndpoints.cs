using Nolan.Core.Calendar;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;
using Nolan.Web.Security;

namespace Nolan.Web.Api;

/// <summary>Members' enquiries over JSON: <c>/api/v1/enquiries</c>.</summary>
public static class EnquiryEndpoints
{
    public static void MapEnquiryApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enquiries").WithTags("Enquiries");

        g.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn).Produces<EnquiryListDto>().ProducesProblem(400).ProducesProblem(403)
            .WithSummary("List enquiries: scope mine (member), assigned-to-me (officer), team (line manager), triage or council (Hub); "
                + "q searches reference, subject and names; filters stage, status, due (overdue, very-overdue, due-this-week), ward, service, "
                + "officer, from and to (received, YYYY-MM-DD); sort due, newest, oldest or status; page and size (at most 100).");
        g.MapGet("/export.csv", ExportAsync).RequireAuthorization(Policies.SignedIn).Produces(200, contentType: "text/csv").ProducesProblem(400)
            .ProducesProblem(403)
            .WithSummary("The same list as CSV: every enquiry its filters select (not one page), in its order.");
        g.MapPost("/", LogAsync).RequireAuthorization(Policies.LogsEnquiries).AddEndpointFilter<IdempotencyFilter>()
            .Accepts<LogEnquiryRequest>("application/json").Produces<EnquiryDto>(201).ProducesProblem(400).ProducesProblem(403)
            .WithSummary("Log an enquiry (a member's own, or the Hub on a member's behalf).");
        g.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.SignedIn).Produces<EnquiryDto>().ProducesProblem(404)
            .WithSummary("One enquiry, if you may see it (404 otherwise, whether or not it exists).");

        // Each action binds its own command body: a field the action does not take is a 400, not silently ignored.
        Action<AcceptRequest>(g, "/{id:guid}/accept", "Accept an enquiry assigned to you.",
            (s, id, b, a, ct) => s.AcceptAsync(id, b.Version!.Value, a, ct));
        Action<AssignmentRequest>(g, "/{id:guid}/assignment", "Assign it (Hub) or pass it on to a colleague; the member is told who has it where the protocol asks for that.",
            (s, id, b, a, ct) => s.AssignAsync(id, b.Version!.Value, new AssignEnquiry(b.OfficerId ?? Guid.Empty, b.Note), a, ct));
        Action<FileNoteRequest>(g, "/{id:guid}/file-notes", "Add a file note of a conversation (officers only see these).",
            (s, id, b, a, ct) => s.AddFileNoteAsync(id, new AddFileNote(b.Text), a, ct));
        Action<ResponseRequest>(g, "/{id:guid}/responses", "Send the substantive response (oral: true when given by phone or in person; publicDomain: true confirms the information is public, where the protocol asks; commerciallySensitive: true when it releases such information, which needs the line manager's check where the protocol asks).",
            (s, id, b, a, ct) => s.RespondAsync(id, b.Version!.Value,
                new SendResponse(b.Body, b.Oral ?? false, b.PublicDomain ?? false, b.CommerciallySensitive ?? false), a, ct));
        Action<HoldingReplyRequest>(g, "/{id:guid}/holding-replies", "Send a holding reply with what your protocol requires (reason, action, new deadline); oral: true records one given by phone or in person, where the protocol allows it.",
            (s, id, b, a, ct) => s.SendHoldingReplyAsync(id, b.Version!.Value, new SendHoldingReply(b.Reason, b.Action, b.NewDeadline, b.Oral ?? false), a, ct));
        Action<BurdenRequest>(g, "/{id:guid}/burden", "Raise a disproportionate burden with the people your protocol names; referForDecision: true also asks whoever decides whether the request is refused, where the protocol allows refusal.",
            (s, id, b, a, ct) => s.RaiseBurdenAsync(id, new RaiseBurden(b.Text, b.ReferForDecision ?? false), a, ct));
        Action<BurdenDecisionRequest>(g, "/{id:guid}/burden-decision", "Decide a referred burden (the Monitoring Officer): provide: true to have it answered, false to refuse the request; reason is sent to the officer, and to the member on refusal.",
            (s, id, b, a, ct) => b.Provide is { } provide
                ? s.DecideBurdenAsync(id, b.Version!.Value, new DecideBurden(provide, b.Reason), a, ct)
                : Task.FromResult<Result<Enquiry>>(ValidationFailed.For("provide", "Say whether the information should be provided: true or false")));
        Action<BurdenAgreementRequest>(g, "/{id:guid}/burden-agreement", "Record the approach agreed for a disproportionate request.",
            (s, id, b, a, ct) => s.AgreeBurdenAsync(id, b.Version!.Value, new AgreeBurden(b.Approach, b.NewDeadline), a, ct));
        Action<ComplaintRequest>(g, "/{id:guid}/complaint", "Move to the complaints procedure.",
            (s, id, b, a, ct) => s.MoveToComplaintsAsync(id, b.Version!.Value, new MoveToComplaints(b.Reason), a, ct));
        Action<ComplaintOutcomeRequest>(g, "/{id:guid}/complaint-outcome", "Record the complaints procedure's response to an enquiry moved to it (meets the complaint's deadline).",
            (s, id, b, a, ct) => s.RecordComplaintOutcomeAsync(id, b.Version!.Value, new RecordComplaintOutcome(b.Text), a, ct));
        Action<ConsentEvidenceRequest>(g, "/{id:guid}/consent-evidence", "Record the constituent's consent evidence that was being sought (the reply is held until it is).",
            (s, id, b, a, ct) => s.RecordConsentEvidenceAsync(id, new RecordConsentEvidence(b.Text), a, ct));
        Action<ReleaseCheckRequest>(g, "/{id:guid}/release-check", "Line manager: record the check before commercially sensitive information is released (002 16.8).",
            (s, id, b, a, ct) => s.RecordReleaseCheckAsync(id, b.Version!.Value, new RecordReleaseCheck(b.Text), a, ct));
        Action<UrgencyRequest>(g, "/{id:guid}/urgency", "The officer handling it decides whether a member's request for urgency is urgent (urgent, reason).",
            (s, id, b, a, ct) => b.Urgent is { } urgent
                ? s.DecideUrgencyAsync(id, b.Version!.Value, new DecideUrgency(urgent, b.Reason), a, ct)
                : Task.FromResult<Result<Enquiry>>(ValidationFailed.For("urgent", "Say whether it is urgent: true or false")));
        Action<UrgencyDisputeRequest>(g, "/{id:guid}/urgency-dispute", "The member disputes a decision that it is not urgent: referred to whoever the protocol names.",
            (s, id, b, a, ct) => s.DisputeUrgencyAsync(id, new DisputeUrgency(b.Reason), a, ct));
        Action<CloseRequest>(g, "/{id:guid}/close", "Close an answered enquiry.",
            (s, id, b, a, ct) => s.CloseAsync(id, b.Version!.Value, a, ct));
        Action<MeetingRequest>(g, "/{id:guid}/meetings", "Arrange a meeting or site visit with the member (start, end, location, note): both get a calendar invitation.",
            (s, id, b, a, ct) => s.ArrangeMeetingAsync(id, new ArrangeMeeting(b.Start, b.End, b.Location, b.Note), a, ct));
        Action<CopyRequest>(g, "/{id:guid}/copies", "Copy to another member of the council (everyone who can see it sees the copy).",
            (s, id, b, a, ct) => s.CopyToMemberAsync(id, new CopyToMember(b.MemberId ?? Guid.Empty), a, ct));
    }

    private static void Action<TBody>(RouteGroupBuilder g, string pattern, string summary,
        Func<EnquiryService, Guid, TBody, Core.Access.Actor, CancellationToken, Task<Result<Enquiry>>> act)
        where TBody : class =>
        g.MapPost(pattern, async (Guid id, HttpContext http, EnquiryService service) =>
        {
            var body = await ApiJson.ReadAsync<TBody>(http.Request);
            if (!body.IsSuccess)
            {
                return ApiJson.Problem(body.Error!);
            }

            if (body.Value is IVersionedRequest { Version: null })
            {
                return ApiJson.Problem(ValidationFailed.For("version",
                    "Send the version of the enquiry you last read, so that a change made meanwhile is not overwritten"));
            }

            var actor = ActorMiddleware.ActorOf(http);
            var result = await act(service, id, body.Value!, actor, http.RequestAborted);
            if (!result.IsSuccess)
            {
                return ApiJson.Problem(result.Error!);
            }

            var view = await service.GetAsync(id, actor, http.RequestAborted);
            return view.IsSuccess ? Results.Json(EnquiryDto.From(view.Value!), ApiJson.Options) : Results.NoContent();
        }).RequireAuthorization(Policies.SignedIn).AddEndpointFilter<IdempotencyFilter>()
            .Accepts<TBody>("application/json").Produces<EnquiryDto>().Produces(204).ProducesProblem(400).ProducesProblem(403)
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary(summary);

    private static async Task<IResult> ListAsync(HttpContext http, EnquiryLists lists)
    {
        var actor = ActorMiddleware.ActorOf(http);
        var query = Read(http, actor);
        if (!query.IsSuccess)
        {
            return ApiJson.Problem(query.Error!);
        }

        var result = await lists.ListAsync(actor, query.Value!, http.RequestAborted);
        return Results.Json(new EnquiryListDto(result.Items.Select(EnquirySummaryDto.From).ToList(), result.Page, result.PageSize,
            result.Total, result.TotalIsExact, result.Pages, result.HasMore), ApiJson.Options);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, EnquiryLists lists, TimeProvider time)
    {
        var actor = ActorMiddleware.ActorOf(http);
        var query = Read(http, actor);
        if (!query.IsSuccess)
        {
            return ApiJson.Problem(query.Error!);
        }

        await Lists.EnquiryCsv.WriteAsync(http.Response, lists.ExportAsync(actor, query.Value!, http.RequestAborted),
            Lists.EnquiryCsv.FileName(query.Value!, LondonTime.ToLocalDate(time.GetUtcNow())), http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>The list's parameters (the same as the page's filter form): 400 naming each one that cannot be read, 403 for a list the person does not have.</summary>
    private static Result<EnquiryListQuery> Read(HttpContext http, Core.Access.Actor actor)
    {
        var size = EnquiryLists.DefaultPageSize;
        var sizeOk = http.Request.Query["size"].ToString() is not { Length: > 0 } sz
            || (int.TryParse(sz, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
                && size is >= 1 and <= EnquiryLists.MaxPageSize);
        var q = EnquiryListParameters.Parse(k => http.Request.Query[k].ToString(), actor, sizeOk ? size : EnquiryLists.DefaultPageSize, out var errors);
        if (!sizeOk)
        {
            errors["size"] = $"size must be a number from 1 to {EnquiryLists.MaxPageSize}";
        }

        if (errors.Count > 0)
        {
            return ValidationFailed.For(errors.ToDictionary(e => e.Key, e => new List<string> { e.Value }));
        }

        return EnquiryLists.Offers(actor, q.Scope) ? q : new NotAllowed("You do not have this list.");
    }

    private static async Task<IResult> LogAsync(HttpContext http, EnquiryService service)
    {
        var body = await ApiJson.ReadAsync<LogEnquiryRequest>(http.Request);
        if (!body.IsSuccess)
        {
            return ApiJson.Problem(body.Error!);
        }

        var b = body.Value!;
        var actor = ActorMiddleware.ActorOf(http);
        var result = await service.LogAsync(new LogEnquiry
        {
            MemberId = b.MemberId,
            Channel = b.Channel ?? EnquiryChannel.Portal,
            Subject = b.Subject,
            Details = b.Details,
            WardId = b.WardId,
            ServiceId = b.ServiceId,
            HasConstituentData = b.HasConstituentData ?? false,
            ConsentEvidence = b.ConsentEvidence,
            ReceivedAt = b.ReceivedAt,
            UrgentBecause = b.UrgentBecause,
        }, actor, http.RequestAborted);
        if (!result.IsSuccess)
        {
            return ApiJson.Problem(result.Error!);
        }

        http.Response.Headers.Location = $"/api/v1/enquiries/{result.Value!.Enquiry.Id}";
        return Results.Json(EnquiryDto.From(result.Value), ApiJson.Options, statusCode: 201);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, EnquiryService service)
    {
        var view = await service.GetAsync(id, ActorMiddleware.ActorOf(http), http.RequestAborted);
        if (!view.IsSuccess)
        {
            return ApiJson.Problem(view.Error!);
        }

        http.Response.Headers.ETag = $"W/\"{view.Value!.Enquiry.Version}\"";
        return Results.Json(EnquiryDto.From(view.Value), ApiJson.Options);
    }
}

/// <summary>Body of <c>POST /api/v1/enquiries</c>.</summary>
public sealed record LogEnquiryRequest(
    string? Subject,
    string? Details,
    Guid? MemberId = null,
    EnquiryChannel? Channel = null,
    Guid? WardId = null,
    Guid? ServiceId = null,
    bool? HasConstituentData = null,
    string? ConsentEvidence = null,
    DateTimeOffset? ReceivedAt = null,
    string? UrgentBecause = null);

/// <summary>An action on a changing item carries the version the caller last read (a stale one is a 409).</summary>
public interface IVersionedRequest
{
    int? Version { get; }
}

public sealed record AcceptRequest(int? Version) : IVersionedRequest;

public sealed record AssignmentRequest(int? Version, Guid? OfficerId, string? Note = null) : IVersionedRequest;

public sealed record FileNoteRequest(string? Text);

public sealed record ResponseRequest(int? Version, string? Body, bool? Oral = null, bool? PublicDomain = null, bool? CommerciallySensitive = null)
    : IVersionedRequest;

public sealed record ReleaseCheckRequest(int? Version, string? Text) : IVersionedRequest;

public sealed record HoldingReplyRequest(int? Version, string? Reason = null, string? Action = null, DateOnly? NewDeadline = null, bool? Oral = null)
    : IVersionedRequest;

public sealed record BurdenRequest(string? Text, bool? ReferForDecision = null);

public sealed record BurdenDecisionRequest(int? Version, bool? Provide, string? Reason) : IVersionedRequest;

public sealed record BurdenAgreementRequest(int? Version, string? Approach, DateOnly? NewDeadline = null) : IVersionedRequest;

public sealed record ComplaintRequest(int? Version, string? Reason) : IVersionedRequest;

public sealed record ComplaintOutcomeRequest(int? Version, string? Text) : IVersionedRequest;

public sealed record CloseRequest(int? Version) : IVersionedRequest;

public sealed record ConsentEvidenceRequest(string? Text);

public sealed record UrgencyRequest(int? Version, bool? Urgent, string? Reason) : IVersionedRequest;

public sealed record UrgencyDisputeRequest(string? Reason);

public sealed record MeetingRequest(DateTimeOffset? Start, DateTimeOffset? End, string? Location, string? Note = null);

public sealed record CopyRequest(Guid? MemberId);

public sealed record CitationDto(string Council, string ProtocolVersion, string? Paragraph, string? Quote, string Basis, string? Note, string Text);

public sealed record ActivityDto(string Kind, DateTimeOffset At, string By, string? Body, string? Reason, string? Action,
    DateOnly? NewDeadline, string? Subject, bool Oral, bool Internal, string? Citation);

public sealed record CopyDto(Guid MemberId, string Name, DateTimeOffset At);

public sealed record EnquiryDto(
    Guid Id,
    string Reference,
    int Version,
    string Council,
    string Member,
    Guid MemberId,
    EnquiryChannel Channel,
    string Subject,
    string Details,
    string? Ward,
    string? Service,
    EnquiryStatus Status,
    string StatusText,
    string? AssignedOfficer,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    DateOnly? DueOn,
    DateOnly? PromisedBy,
    DateOnly? VeryOverdueAfter,
    DateOnly? ComplaintDueOn,
    Timeliness Timeliness,
    string DeadlineRule,
    CitationDto DeadlineCitation,
    string ProtocolVersion,
    bool AwaitingWrittenConfirmation,
    IReadOnlyList<CopyDto> CopiedTo,
    IReadOnlyList<ActivityDto> Activities,
    EnquiryPermissions Can,
    string? AssigneeAway,
    DateOnly? ExplainedOn,
    int WorkingDaysOverdue,
    DateTimeOffset? ComplaintAnsweredAt,
    bool HasConstituentData,
    bool AwaitingConsentEvidence,
    string? UrgencyRequested,
    bool? Urgent,
    DateTimeOffset? UrgencyDisputedAt,
    DateTimeOffset? BurdenReferredAt,
    DateTimeOffset? BurdenDecidedAt)
{
    public static EnquiryDto From(EnquiryView v)
    {
        var e = v.Enquiry;
        var c = v.Deadline.Why;
        return new EnquiryDto(e.Id, e.Reference, e.Version, v.CouncilName, v.MemberName, e.MemberId, e.Channel, e.Subject, e.Details,
            v.WardName, v.ServiceName, e.Status, EnquiryText.Status(e.Status), v.AssignedOfficerName, e.ReceivedAt, e.ReceivedOn,
            e.DueOn, e.PromisedBy, e.VeryOverdueAfter, e.ComplaintDueOn, v.Timeliness, v.Deadline.Explanation,
            new CitationDto(c.CouncilSlug, c.ProtocolVersion, c.Paragraph, c.Quote, c.Basis.ToString(), c.Note, c.Describe()),
            e.ProtocolVersion, e.AwaitingWrittenConfirmation,
            [.. v.CopiedTo.Select(x => new CopyDto(x.MemberId, x.Name, x.At))],
            [.. v.Activities.Select(a => new ActivityDto(a.Kind.ToString(), a.At, a.ByName, a.Body, a.Reason, a.ActionTaken,
                a.NewDeadline, a.SubjectName, a.Oral, a.Internal, a.Citation))],
            v.Can, v.AssigneeAway, e.ExplainedOn, v.WorkingDaysOverdue, e.ComplaintAnsweredAt, e.HasConstituentData, e.AwaitingConsentEvidence,
            e.UrgencyRequested, e.Urgent, e.UrgencyDisputedAt, e.BurdenReferredAt, e.BurdenDecidedAt);
    }
}

public sealed record EnquirySummaryDto(Guid Id, string Reference, string Subject, string Member, EnquiryStatus Status,
    DateTimeOffset ReceivedAt, DateOnly? DueOn, DateOnly? PromisedBy, DateOnly? EffectiveDueOn, Timeliness Timeliness,
    int WorkingDaysOverdue, string? AssignedOfficer, string? Service, string? Ward, DateTimeOffset? AnsweredAt, int Version)
{
    public static EnquirySummaryDto From(EnquirySummary s) => new(s.Id, s.Reference, s.Subject, s.MemberName, s.Status,
        s.ReceivedAt, s.DueOn, s.PromisedBy, s.EffectiveDueOn, s.Timeliness, s.WorkingDaysOverdue, s.AssignedOfficerName, s.ServiceName,
        s.WardName, s.AnsweredAt, s.Version);
}

/// <summary>A page of a list: <c>total</c> is exact unless <c>totalIsExact</c> is false, when it is the 1,000 counted and there are more.</summary>
public sealed record EnquiryListDto(IReadOnlyList<EnquirySummaryDto> Items, int Page, int PageSize, int Total, bool TotalIsExact, int Pages, bool HasMore);
