using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Calendar;
using Nolan.Core.Common;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;

namespace Nolan.Core.DataProtection;

/// <summary>A subject access request: everything one council's Nolan holds that names <see cref="Person"/>.</summary>
/// <param name="CouncilId">The council whose records are searched: the requester must be its Monitoring Officer or data protection officer.</param>
/// <param name="Person">An email address (matched exactly) or a full name (matched exactly in the directory, and as words in enquiries' text).</param>
public sealed record ExportSubjectAccess(Guid CouncilId, string? Person);

/// <summary>The export: a zip of JSON files and a readable page, and what it holds.</summary>
public sealed record SubjectAccessExport(Guid Id, string FileName, byte[] Zip, string Sha256, int People, int Enquiries, int Entries, int Messages, int AuditEvents);

/// <summary>
/// Subject access (UK GDPR Article 15): for the council's Monitoring Officer or data protection officer, everything
/// Nolan holds about one person in that council: their account, member and officer records and roles, the enquiries
/// they raised, hold, logged, were copied to or are named in, the file entries they wrote, the messages sent to them
/// and the audit events by or about them. Nothing about anybody else is searched for, and nothing of another council is
/// included. Every export is audited: who asked, about whom, when, what it held and the zip's SHA-256.
/// </summary>
public sealed class SubjectAccess(NolanDbContext db, AuditLog audit, TimeProvider time)
{
    public const int PersonMin = 3;
    public const int PersonMax = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Who may export: the council's Monitoring Officer or data protection officer.</summary>
    public static bool MayExport(Actor actor, Guid councilId) =>
        actor.Has(councilId, OfficerRoles.MonitoringOfficer) || actor.Has(councilId, OfficerRoles.DataProtectionOfficer);

    /// <summary>The councils <paramref name="actor"/> may export from.</summary>
    public static IReadOnlyList<Guid> CouncilsOf(Actor actor) =>
        [.. actor.CouncilsWhere(OfficerRoles.MonitoringOfficer).Union(actor.CouncilsWhere(OfficerRoles.DataProtectionOfficer))];

    public async Task<Result<SubjectAccessExport>> ExportAsync(ExportSubjectAccess o, Actor actor, CancellationToken ct = default)
    {
        if (!MayExport(actor, o.CouncilId))
        {
            return new NotAllowed("Only the council\u2019s Monitoring Officer or data protection officer can export what Nolan holds about a person.");
        }

        var person = o.Person?.Trim();
        if (string.IsNullOrEmpty(person))
        {
            return ValidationFailed.For("Person", "Enter the person\u2019s email address or full name");
        }

        if (person.Length < PersonMin)
        {
            return ValidationFailed.For("Person", $"Enter at least {PersonMin} characters of the person\u2019s email address or full name");
        }

        if (person.Length > PersonMax)
        {
            return ValidationFailed.For("Person", $"The email address or name must be {PersonMax} characters or fewer");
        }

        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == o.CouncilId, ct);
        var found = await FindAsync(o.CouncilId, person, ct);
        if (found.IsEmpty)
        {
            return ValidationFailed.For("Person", $"Nolan holds nothing in {council.Name} that names \u2018{person}\u2019. Check the spelling, or search by email address");
        }

        var now = AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        var id = Guid.CreateVersion7();
        var content = await GatherAsync(council, person, found, actor, now, ct);
        var zip = Package(content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(zip));
        var export = new SubjectAccessExport(id, $"subject-access-{council.Slug}-{LondonTime.ToLocalDate(now):yyyy-MM-dd}-{id.ToString("N")[^8..]}.zip", zip, sha,
            found.Accounts.Count + found.Members.Count + found.Officers.Count, content.Enquiries.Count, content.Entries.Count,
            content.Messages.Count + content.Notifications.Count, content.AuditEvents.Count);

        // The export is itself processing of personal data: recorded before it is handed over, or not handed over.
        await audit.RecordAsync(actor, "data_protection.subject_access_exported", "subject-access", id, o.CouncilId, null, new
        {
            SearchedFor = person,
            Accounts = found.Accounts,
            Members = found.Members,
            Officers = found.Officers,
            NamedInEnquiries = found.NamedIn.Count,
            export.Enquiries,
            export.Entries,
            export.Messages,
            export.AuditEvents,
            export.FileName,
            Sha256 = sha,
        }, newStream: true, ct: ct);
        await db.SaveChangesAsync(ct);
        return export;
    }

    private sealed record Found(List<Guid> Accounts, List<Guid> Members, List<Guid> Officers, List<string> Emails, List<Guid> NamedIn)
    {
        public bool IsEmpty => Accounts.Count == 0 && Members.Count == 0 && Officers.Count == 0 && NamedIn.Count == 0;
    }

    /// <summary>The person in this council's directory (by exact email or full name) and the enquiries whose text names them.</summary>
    private async Task<Found> FindAsync(Guid councilId, string person, CancellationToken ct)
    {
        var lower = person.ToLowerInvariant();
        // LIKE on lower() is the same on both databases (as the enquiry lists search); without % it is an exact match.
        var exact = EscapeLike(lower);
        var anywhere = "%" + exact + "%";
        var officersHere = db.Officers.Where(x => db.OfficerAppointments.Any(a => a.OfficerId == x.Id && a.CouncilId == councilId));
        var members = await db.Members.AsNoTracking()
            .Where(m => m.CouncilId == councilId && (EF.Functions.Like(m.Email.ToLower(), exact, "\\") || EF.Functions.Like(m.Name.ToLower(), exact, "\\")))
            .Select(m => new { m.Id, m.AccountId }).ToListAsync(ct);
        var officers = await officersHere.AsNoTracking()
            .Where(x => EF.Functions.Like(x.Email.ToLower(), exact, "\\") || EF.Functions.Like(x.Name.ToLower(), exact, "\\"))
            .Select(x => new { x.Id, x.AccountId }).ToListAsync(ct);
        // An account found by its own email or name counts only when it holds a seat or an appointment here.
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.Email == lower || EF.Functions.Like(a.DisplayName.ToLower(), exact, "\\"))
            .Where(a => db.Members.Any(m => m.AccountId == a.Id && m.CouncilId == councilId) || officersHere.Any(x => x.AccountId == a.Id))
            .Select(a => a.Id).ToListAsync(ct);
        var accountIds = accounts.Union(members.Select(m => m.AccountId).Union(officers.Select(x => x.AccountId)).OfType<Guid>()).ToList();
        var memberIds = members.Select(m => m.Id).Union(await db.Members.AsNoTracking()
            .Where(m => m.CouncilId == councilId && m.AccountId != null && accountIds.Contains(m.AccountId.Value)).Select(m => m.Id).ToListAsync(ct)).ToList();
        var officerIds = officers.Select(x => x.Id).Union(await officersHere.AsNoTracking()
            .Where(x => x.AccountId != null && accountIds.Contains(x.AccountId.Value)).Select(x => x.Id).ToListAsync(ct)).ToList();
        var emails = (await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => m.Email).ToListAsync(ct))
            .Concat(await db.Officers.AsNoTracking().Where(x => officerIds.Contains(x.Id)).Select(x => x.Email).ToListAsync(ct))
            .Concat(await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => a.Email).ToListAsync(ct))
            .Select(e => e.ToLowerInvariant()).Append(lower).Where(e => e.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();

        // A constituent has no record of their own: they are found where an enquiry's text names them.
        var named = await db.Enquiries.AsNoTracking().Where(e => e.CouncilId == councilId
                && (EF.Functions.Like(e.Subject.ToLower(), anywhere, "\\") || EF.Functions.Like(e.Details.ToLower(), anywhere, "\\")
                    || (e.ConsentEvidence != null && EF.Functions.Like(e.ConsentEvidence.ToLower(), anywhere, "\\"))
                    || db.EnquiryActivities.Any(a => a.EnquiryId == e.Id
                        && ((a.Body != null && EF.Functions.Like(a.Body.ToLower(), anywhere, "\\"))
                            || (a.Reason != null && EF.Functions.Like(a.Reason.ToLower(), anywhere, "\\"))
                            || (a.ActionTaken != null && EF.Functions.Like(a.ActionTaken.ToLower(), anywhere, "\\"))))))
            .Select(e => e.Id).ToListAsync(ct);
        return new Found(accountIds, memberIds, officerIds, emails, named);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed record Content(object Request, object Person, List<EnquiryRecord> Enquiries, List<EntryRecord> Entries, List<MessageRecord> Messages,
        List<NotificationRecord> Notifications, List<AuditRecord> AuditEvents);

    private sealed record EnquiryRecord(string Reference, IReadOnlyList<string> HowTheyAreInvolved, string Subject, string Details, string Status, string Channel,
        string Member, string? Ward, string? Service, string? AssignedOfficer, DateTimeOffset ReceivedAt, DateOnly? DueOn, DateOnly? PromisedBy,
        DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt, bool HasConstituentData, string? ConsentEvidence, string? UrgencyRequested,
        IReadOnlyList<EntryRecord> File);

    private sealed record EntryRecord(string Enquiry, string Kind, DateTimeOffset At, string By, string? Body, string? Reason, string? ActionTaken,
        DateOnly? NewDeadline, string? About, bool OfficersOnly);

    private sealed record MessageRecord(DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string To, string Template, string Status, string Subject, string Body,
        DateTimeOffset? RemovedUnderRetentionAt);

    private sealed record NotificationRecord(DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string Title, string Body, string? Link);

    private sealed record AuditRecord(DateTimeOffset At, string Stream, int Seq, string By, string Action, string EntityType, Guid EntityId, string? Citation,
        JsonElement Data);

    private async Task<Content> GatherAsync(Council council, string person, Found f, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => f.Accounts.Contains(a.Id)).OrderBy(a => a.Email).ToListAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => f.Accounts.Contains(t.AccountId)).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.AccountId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToListAsync(ct);
        var members = await (from m in db.Members.AsNoTracking()
                             where f.Members.Contains(m.Id)
                             join w in db.Wards on m.WardId equals w.Id into ws
                             from w in ws.DefaultIfEmpty()
                             join g in db.PoliticalGroups on m.GroupId equals g.Id into gs
                             from g in gs.DefaultIfEmpty()
                             orderby m.Name
                             select new { m.Id, m.Name, m.Email, Ward = w == null ? null : w.Name, Group = g == null ? null : g.Name, m.Kind, m.Roles, m.Portfolio, m.Active })
            .ToListAsync(ct);
        var committees = await (from s in db.CommitteeSeats.AsNoTracking()
                                join c in db.Committees on s.CommitteeId equals c.Id
                                where f.Members.Contains(s.MemberId)
                                select new { s.MemberId, Committee = c.Name, s.Role }).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(x => f.Officers.Contains(x.Id)).OrderBy(x => x.Name)
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.Email,
                x.JobTitle,
                x.Grade,
                LineManager = x.LineManager == null ? null : x.LineManager.Name,
                x.Employer,
                x.Active,
                x.AwayFrom,
                x.AwayUntil,
                RolesHere = db.OfficerAppointments.Where(a => a.OfficerId == x.Id && a.CouncilId == council.Id).SelectMany(a => a.RoleRows.Select(r => r.Role)).ToList(),
            }).ToListAsync(ct);

        // Every enquiry of this council the person has a part in, and how.
        var how = new Dictionary<Guid, SortedSet<string>>();
        void Add(IEnumerable<Guid> ids, string relation)
        {
            foreach (var id in ids)
            {
                (how.TryGetValue(id, out var set) ? set : how[id] = new SortedSet<string>(StringComparer.Ordinal)).Add(relation);
            }
        }

        var here = db.Enquiries.AsNoTracking().Where(e => e.CouncilId == council.Id);
        Add(await here.Where(e => f.Members.Contains(e.MemberId)).Select(e => e.Id).ToListAsync(ct), "raised it");
        Add(await here.Where(e => e.AssignedOfficerId != null && f.Officers.Contains(e.AssignedOfficerId.Value)).Select(e => e.Id).ToListAsync(ct), "holds it");
        Add(await here.Where(e => f.Accounts.Contains(e.LoggedByAccountId)).Select(e => e.Id).ToListAsync(ct), "logged it");
        Add(await db.AccessGrants.AsNoTracking().Where(g => g.CouncilId == council.Id && g.ResourceType == EnquiryAccess.Type
                && ((g.MemberId != null && f.Members.Contains(g.MemberId.Value)) || (g.OfficerId != null && f.Officers.Contains(g.OfficerId.Value))))
            .Select(g => g.ResourceId).ToListAsync(ct), "copied to it");
        Add(f.NamedIn, "named in it");
        var ids = how.Keys.ToList();
        var enquiries = await (from e in here.Where(e => ids.Contains(e.Id)).Include(e => e.Activities)
                               orderby e.ReceivedAt
                               select new
                               {
                                   Enquiry = e,
                                   Member = e.Member!.Name,
                                   Ward = e.Ward == null ? null : e.Ward.Name,
                                   Service = e.Service == null ? null : e.Service.Name,
                                   Officer = e.AssignedOfficer == null ? null : e.AssignedOfficer.Name,
                               }).ToListAsync(ct);
        var enquiryRecords = enquiries.Select(x => new EnquiryRecord(x.Enquiry.Reference, [.. how[x.Enquiry.Id]], x.Enquiry.Subject, x.Enquiry.Details,
            x.Enquiry.Status.ToString(), x.Enquiry.Channel.ToString(), x.Member, x.Ward, x.Service, x.Officer, x.Enquiry.ReceivedAt, x.Enquiry.DueOn,
            x.Enquiry.PromisedBy, x.Enquiry.AnsweredAt, x.Enquiry.ClosedAt, x.Enquiry.HasConstituentData, x.Enquiry.ConsentEvidence, x.Enquiry.UrgencyRequested,
            [.. x.Enquiry.Activities.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => Entry(x.Enquiry.Reference, a))])).ToList();

        // What they wrote in this council's files, wherever it is.
        var entries = (await (from a in db.EnquiryActivities.AsNoTracking()
                              join e in here on a.EnquiryId equals e.Id
                              where f.Accounts.Contains(a.ByAccountId)
                              orderby a.At
                              select new { e.Reference, Activity = a }).ToListAsync(ct))
            .Select(x => Entry(x.Reference, x.Activity)).ToList();

        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.CouncilId == council.Id || m.CouncilId == null)
                && ((m.RecipientAccountId != null && f.Accounts.Contains(m.RecipientAccountId.Value)) || f.Emails.Contains(m.ToAddress)))
            .OrderBy(m => m.CreatedAt)
            .Select(m => new MessageRecord(m.CreatedAt, m.SentAt, m.ToAddress, m.TemplateKey, m.Status.ToString(), m.Subject, m.BodyText, m.RedactedAt))
            .ToListAsync(ct);
        var notifications = await db.InAppNotifications.AsNoTracking()
            .Where(n => f.Accounts.Contains(n.AccountId) && (n.CouncilId == council.Id || n.CouncilId == null)).OrderBy(n => n.CreatedAt)
            .Select(n => new NotificationRecord(n.CreatedAt, n.ReadAt, n.Title, n.Body, n.Link)).ToListAsync(ct);

        var about = f.Accounts.Concat(f.Members).Concat(f.Officers).Concat(ids).ToList();
        var events = (await db.AuditEvents.AsNoTracking()
                .Where(e => (e.CouncilId == council.Id || e.CouncilId == null)
                    && ((e.ActorAccountId != null && f.Accounts.Contains(e.ActorAccountId.Value)) || about.Contains(e.EntityId)))
                .OrderBy(e => e.At).ThenBy(e => e.Stream).ThenBy(e => e.Seq)
                .Select(e => new { e.At, e.Stream, e.Seq, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Citation, e.Data }).ToListAsync(ct))
            .Select(e => new AuditRecord(e.At, e.Stream, e.Seq, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Citation,
                JsonDocument.Parse(e.Data).RootElement.Clone())).ToList();

        var request = new
        {
            Council = council.Name,
            SearchedFor = person,
            ExportedAt = now,
            ExportedBy = actor.Name,
            Note = "Everything Nolan holds in this council's records that names the person: their account, directory records and roles, the "
                + "enquiries they raised, hold, logged, were copied to or are named in, the entries they wrote, the messages sent to them and the audit "
                + "events by or about them. Review it for third parties' data and exemptions before disclosure.",
        };
        var personRecord = new
        {
            Accounts = accounts.Select(a => new
            {
                a.Email,
                a.DisplayName,
                SignsInWith = a.ExternalSubject is null ? "password" : "single sign-on",
                a.Disabled,
                a.IsSystemAdmin,
                NotifyBy = a.NotifyBy.ToString(),
                a.DailyDigest,
                a.WeeklyDigest,
                ApiTokens = tokens.Where(t => t.AccountId == a.Id).Select(t => new { t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt }),
            }),
            Members = members.Select(m => new
            {
                m.Name,
                m.Email,
                m.Ward,
                PoliticalGroup = m.Group,
                Kind = m.Kind.ToString(),
                Positions = m.Roles.ToString(),
                m.Portfolio,
                m.Active,
                Committees = committees.Where(c => c.MemberId == m.Id).Select(c => new { c.Committee, Role = c.Role.ToString() }),
            }),
            Officers = officers.Select(x => new
            {
                x.Name,
                x.Email,
                x.JobTitle,
                Grade = x.Grade.ToString(),
                x.LineManager,
                x.Employer,
                x.Active,
                x.AwayFrom,
                x.AwayUntil,
                RolesAtThisCouncil = x.RolesHere.Select(r => r.ToString()),
            }),
        };
        return new Content(request, personRecord, enquiryRecords, entries, messages, notifications, events);
    }

    private static EntryRecord Entry(string reference, EnquiryActivity a) =>
        new(reference, a.Kind.ToString(), a.At, a.ByName, a.Body, a.Reason, a.ActionTaken, a.NewDeadline, a.SubjectName, a.Internal);

    /// <summary>The zip: one JSON file per kind of record, and index.html to read them by.</summary>
    private static byte[] Package(Content c)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "request.json", JsonSerializer.SerializeToUtf8Bytes(c.Request, Json));
            Write(zip, "person.json", JsonSerializer.SerializeToUtf8Bytes(c.Person, Json));
            Write(zip, "enquiries.json", JsonSerializer.SerializeToUtf8Bytes(c.Enquiries, Json));
            Write(zip, "entries-they-wrote.json", JsonSerializer.SerializeToUtf8Bytes(c.Entries, Json));
            Write(zip, "messages.json", JsonSerializer.SerializeToUtf8Bytes(new { Sent = c.Messages, InApp = c.Notifications }, Json));
            Write(zip, "audit-events.json", JsonSerializer.SerializeToUtf8Bytes(c.AuditEvents, Json));
            Write(zip, "index.html", Encoding.UTF8.GetBytes(SubjectAccessPage.Render(
                JsonSerializer.SerializeToElement(c.Request, Json), JsonSerializer.SerializeToElement(c.Person, Json),
                JsonSerializer.SerializeToElement(c.Enquiries, Json), JsonSerializer.SerializeToElement(c.Entries, Json),
                JsonSerializer.SerializeToElement(c.Messages, Json), JsonSerializer.SerializeToElement(c.Notifications, Json),
                JsonSerializer.SerializeToElement(c.AuditEvents, Json))));
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var s = entry.Open();
        s.Write(bytes);
    }
}
