// The baselines of Nolan's load benchmark (bench/run.sh): what a bare ASP.NET Core endpoint costs on this machine,
// measured in the same run as Nolan, so that Nolan's numbers can be read as ratios on a noisy, shared machine.
//
//   GET  /constant  a constant JSON object: the HTTP + Kestrel + JSON floor.
//   POST /insert    reads the same JSON body as POST /api/v1/enquiries and does ONE INSERT of an enquiry-shaped row
//                   into bench_enquiries (a copy of the enquiries table's columns and indexes, no foreign keys);
//                   201 with the id.
//   POST /insert-tx the rows Nolan writes for one logged enquiry (enquiry, 2 activities, audit event, 2 outbox
//                   emails, 1 in-app notification) in ONE transaction sent as one batch: informational.
//   GET  /select    ONE SELECT of the reader's 25 newest rows from bench_enquiries_read by member_id (index on (member_id, received_at)), as JSON.
//   GET  /select-page the page Nolan's "my enquiries" returns, in raw SQL on Nolan's own tables and indexes: the reader's
//                   own enquiries UNION ALL those copied to them (each branch limited to the page), newest first,
//                   joined to the member's, officer's, service's and ward's names, with the count of each branch
//                   (capped at 1,001, as Nolan counts); the yardstick of the list.
//
// Configuration: --Bench:ConnectionString=... (required), --Bench:ReaderEmail / --Bench:WriterEmail (demo accounts
// whose member seats own the rows read and written), --urls http://127.0.0.1:PORT. bench/seed.sql creates and fills
// bench_enquiries; this app only checks that it is there.
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

var builder = WebApplication.CreateBuilder(args);

// Nolan's Kestrel settings (NolanHost.Build): only the request body limit differs from the defaults.
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 4 * 1024 * 1024);

var connectionString = builder.Configuration["Bench:ConnectionString"];
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("nolan-bench-baseline: set --Bench:ConnectionString=\"Host=...;Database=...\"");
    return 2;
}

// One data source, one pool: as Nolan does.
await using var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
builder.Services.AddSingleton(dataSource);

Seat reader, writer;
try
{
    reader = await Seat.LoadAsync(dataSource, builder.Configuration["Bench:ReaderEmail"] ?? "member@southend-on-sea.demo");
    writer = await Seat.LoadAsync(dataSource, builder.Configuration["Bench:WriterEmail"] ?? "member2@southend-on-sea.demo");
    await using var check = dataSource.CreateCommand("SELECT to_regclass('bench_enquiries') IS NOT NULL AND to_regclass('bench_enquiries_read') IS NOT NULL");
    if (await check.ExecuteScalarAsync() is not true)
    {
        throw new InvalidOperationException("Tables bench_enquiries and bench_enquiries_read are missing: run bench/seed.sql first.");
    }
}
catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
{
    await Console.Error.WriteLineAsync($"nolan-bench-baseline: {e.Message}");
    return 1;
}

var app = builder.Build();

var constant = new ConstantResponse("ok", "nolan-bench-baseline", 1);
app.MapGet("/constant", () => Results.Json(constant));

const string insertSql = """
    INSERT INTO bench_enquiries (id, council_id, reference, member_id, logged_by_account_id, channel, subject, details,
        ward_id, service_id, has_constituent_data, consent_evidence, received_at, received_on, protocol_version, due_on,
        very_overdue_after, promised_by, complaint_due_on, status, assigned_officer_id, accepted_at, answered_at,
        closed_at, awaiting_written_confirmation, created_at, updated_at, version)
    VALUES ($1, $2, $3, $4, $5, 'Portal', $6, $7, $8, $9, false, NULL, $10, $11, 'southend-on-sea/part-5d', $12, $13,
        NULL, NULL, 'Open', NULL, NULL, NULL, NULL, false, $10, $10, 1)
    """;
app.MapPost("/insert", async (HttpRequest request, NpgsqlDataSource db, CancellationToken ct) =>
{
    var body = await request.ReadFromJsonAsync<InsertRequest>(ct);
    var subject = body?.Subject?.Trim();
    var details = body?.Details?.Trim();
    if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(details))
    {
        return Results.BadRequest(new { error = "subject and details are required" });
    }

    var id = Guid.CreateVersion7();
    var now = DateTimeOffset.UtcNow;
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    await using var cmd = db.CreateCommand(insertSql);
    var reference = new NpgsqlParameter<string> { TypedValue = NewReference(today) };
    EnquiryParameters(cmd.Parameters, id, reference, subject, details, body!, now);
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            await cmd.ExecuteNonQueryAsync(ct);
            return Results.Json(new InsertResponse(id), statusCode: StatusCodes.Status201Created);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
        {
            // Six random characters collide now and then (birthday bound) once a table holds tens of thousands.
            reference.TypedValue = NewReference(today);
        }
    }
});

// The same rows Nolan writes when a member logs an enquiry routed to a service manager (measured with
// pg_stat_statements: the enquiry, two activities, its audit event, the reply it owes (a duty), two outbox emails and
// one in-app notification),
// in ONE transaction sent as one batch: what the database work of a log costs with no application around it.
string[] activityKinds = ["Logged", "Assigned"];
string[] outboxTemplates = ["enquiry-logged", "enquiry-assigned"];
const string activitySql = """
    INSERT INTO bench_enquiry_activities (id, action_taken, at, body, by_account_id, by_name, citation, enquiry_id,
        internal, kind, new_deadline, oral, reason, subject_id, subject_name)
    VALUES ($1, NULL, $2, $3, $4, 'Bench member', $5, $6, false, $7, NULL, false, NULL, NULL, NULL)
    """;
const string auditSql = """
    INSERT INTO bench_audit_events (id, action, actor_account_id, actor_name, at, citation, council_id, data, entity_id,
        entity_type, hash, prev_hash, seal_id, seq, stream)
    VALUES ($1, 'enquiry.logged', $2, 'Bench member', $3, $4, $5, $6, $7, 'enquiry', $8, repeat('0', 64), NULL, 1, $9)
    """;
const string outboxSql = """
    INSERT INTO bench_outbox_messages (id, attempts, body_html, body_text, calendar, channel, claimed_by, claimed_until,
        council_id, created_at, dedup_key, last_error, next_attempt_at, recipient_account_id, sent_at, status, subject,
        template_key, to_address, to_name)
    VALUES ($1, 0, $2, $3, NULL, 'Email', NULL, NULL, $4, $5, $6, NULL, $5, $7, NULL, 'Pending', $8, $9, $10, 'Bench person')
    """;
const string dutySql = """
    INSERT INTO bench_duties (id, council_id, item_type, item_id, kind, owed_by_officer_id, due_on, promised_on,
        effective_due_on, very_overdue_after, protocol_version, citation, created_at, met_at, met_how)
    VALUES ($1, $2, 'enquiry', $3, 'EnquiryReply', NULL, $4, NULL, $4, $5, 'southend-on-sea/part-5d', $6, $7, NULL, NULL)
    """;
const string inAppSql = """
    INSERT INTO bench_in_app_notifications (id, account_id, body, council_id, created_at, dedup_key, link, read_at, title)
    VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)
    """;
app.MapPost("/insert-tx", async (HttpRequest request, NpgsqlDataSource db, CancellationToken ct) =>
{
    var body = await request.ReadFromJsonAsync<InsertRequest>(ct);
    var subject = body?.Subject?.Trim();
    var details = body?.Details?.Trim();
    if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(details))
    {
        return Results.BadRequest(new { error = "subject and details are required" });
    }

    var id = Guid.CreateVersion7();
    var now = DateTimeOffset.UtcNow;
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    const string citation = "{\"council\":\"southend-on-sea\",\"paragraph\":\"9.1.4\"}";
    var text = $"Dear Bench person,\n\n{subject}\n\n{details}\n\nhttp://localhost/enquiries/{id}";
    var html = $"<p>Dear Bench person,</p><p>{System.Net.WebUtility.HtmlEncode(subject)}</p><p>{System.Net.WebUtility.HtmlEncode(details)}</p>";
    await using var conn = await db.OpenConnectionAsync(ct);
    await using var tx = await conn.BeginTransactionAsync(ct);
    await using var batch = new NpgsqlBatch(conn, tx);
    var enquiry = new NpgsqlBatchCommand(insertSql);
    // A reference from the id's random part: this endpoint has no retry on a clash.
    EnquiryParameters(enquiry.Parameters, id, new NpgsqlParameter<string> { TypedValue = $"SOS-{today.Year}-T{id.ToString("N")[20..]}" },
        subject, details, body!, now);
    batch.BatchCommands.Add(enquiry);
    foreach (var kind in activityKinds)
    {
        var a = new NpgsqlBatchCommand(activitySql);
        a.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        a.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        a.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "A reply is due within 10 working days of receipt." });
        a.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.AccountId });
        a.Parameters.Add(new NpgsqlParameter<string> { TypedValue = citation });
        a.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        a.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        batch.BatchCommands.Add(a);
    }

    var audit = new NpgsqlBatchCommand(auditSql);
    audit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
    audit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.AccountId });
    audit.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = citation });
    audit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.CouncilId });
    audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{{\"after\":{{\"subject\":{System.Text.Json.JsonSerializer.Serialize(subject)}}}}}" });
    audit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) });
    audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"enquiry/{id}" });
    batch.BatchCommands.Add(audit);
    foreach (var template in outboxTemplates)
    {
        var o = new NpgsqlBatchCommand(outboxSql);
        o.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        o.Parameters.Add(new NpgsqlParameter<string> { TypedValue = html });
        o.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        o.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.CouncilId });
        o.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        o.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"enquiry/{id}/{template}" });
        o.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.AccountId });
        o.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"We have your enquiry: {subject}" });
        o.Parameters.Add(new NpgsqlParameter<string> { TypedValue = template });
        o.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "bench@example.test" });
        batch.BatchCommands.Add(o);
    }

    var duty = new NpgsqlBatchCommand(dutySql);
    duty.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
    duty.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.CouncilId });
    duty.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    duty.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today.AddDays(14) });
    duty.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today.AddDays(28) });
    duty.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "southend-on-sea/part-5d §9.1.5" });
    duty.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    batch.BatchCommands.Add(duty);

    var n = new NpgsqlBatchCommand(inAppSql);
    n.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
    n.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.AccountId });
    n.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
    n.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.CouncilId });
    n.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    n.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"enquiry/{id}/in-app" });
    n.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"/enquiries/{id}" });
    n.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"We have your enquiry: {subject}" });
    batch.BatchCommands.Add(n);
    await batch.ExecuteNonQueryAsync(ct);
    await tx.CommitAsync(ct);
    return Results.Json(new InsertResponse(id), statusCode: StatusCodes.Status201Created);
});

const string selectSql = """
    SELECT id, reference, subject, status, received_at, due_on, promised_by, very_overdue_after, assigned_officer_id,
        service_id, version
    FROM bench_enquiries_read
    WHERE member_id = $1
    ORDER BY received_at DESC
    LIMIT 25
    """;
app.MapGet("/select", async (NpgsqlDataSource db, CancellationToken ct) =>
{
    await using var cmd = db.CreateCommand(selectSql);
    cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = reader.MemberId });
    await using var r = await cmd.ExecuteReaderAsync(ct);
    var rows = new List<SelectRow>(25);
    while (await r.ReadAsync(ct))
    {
        rows.Add(new SelectRow(
            r.GetGuid(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            r.GetFieldValue<DateTimeOffset>(4),
            r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
            r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
            r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
            r.IsDBNull(8) ? null : r.GetGuid(8),
            r.IsDBNull(9) ? null : r.GetGuid(9),
            r.GetInt32(10)));
    }

    return Results.Json(new SelectResponse(rows));
});

const string pageSql = """
    SELECT e.id, e.reference, e.subject, m.name, e.status, e.received_at, e.due_on, e.promised_by, e.very_overdue_after,
        e.explained_on, o.name, s.name, w.name, e.version, e.answered_at
    FROM (
        (SELECT * FROM enquiries WHERE member_id = $1 ORDER BY received_at DESC, id DESC LIMIT 25)
        UNION ALL
        (SELECT e.* FROM enquiries e
         WHERE e.id IN (SELECT g.resource_id FROM access_grants g
                        WHERE g.resource_type = 'enquiry' AND g.effect = 'Allow' AND g.member_id = $1
                          AND (g.expires_at IS NULL OR g.expires_at > now()))
           AND e.member_id <> $1
         ORDER BY e.received_at DESC, e.id DESC LIMIT 25)
    ) e
    JOIN members m ON m.id = e.member_id
    LEFT JOIN officers o ON o.id = e.assigned_officer_id
    LEFT JOIN services s ON s.id = e.service_id
    LEFT JOIN wards w ON w.id = e.ward_id
    ORDER BY e.received_at DESC, e.id DESC
    LIMIT 25
    """;
const string countSql = """
    SELECT (SELECT count(*) FROM (SELECT 1 FROM enquiries WHERE member_id = $1 LIMIT 1001) a)
         + (SELECT count(*) FROM (SELECT 1 FROM enquiries e
              WHERE e.id IN (SELECT g.resource_id FROM access_grants g
                             WHERE g.resource_type = 'enquiry' AND g.effect = 'Allow' AND g.member_id = $1
                               AND (g.expires_at IS NULL OR g.expires_at > now()))
                AND e.member_id <> $1 LIMIT 1001) b)
    """;
app.MapGet("/select-page", async (NpgsqlDataSource db, CancellationToken ct) =>
{
    // The page and its count in one round trip, as two statements of one batch.
    await using var batch = db.CreateBatch();
    foreach (var sql in new[] { pageSql, countSql })
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = reader.MemberId });
        batch.BatchCommands.Add(command);
    }

    await using var r = await batch.ExecuteReaderAsync(ct);
    var rows = new List<PageRow>(25);
    while (await r.ReadAsync(ct))
    {
        rows.Add(new PageRow(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
            r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
            r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
            r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
            r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.IsDBNull(11) ? null : r.GetString(11),
            r.IsDBNull(12) ? null : r.GetString(12),
            r.GetInt32(13),
            r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14)));
    }

    await r.NextResultAsync(ct);
    await r.ReadAsync(ct);
    var total = r.GetInt64(0);
    return Results.Json(new PageResponse(rows, 1, 25, (int)Math.Min(total, 1000), total <= 1000));
});

await app.RunAsync();
return 0;

// The parameters of insertSql, shared by /insert and /insert-tx.
void EnquiryParameters(NpgsqlParameterCollection p, Guid id, NpgsqlParameter<string> reference, string subject, string details,
    InsertRequest body, DateTimeOffset now)
{
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    p.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    p.Add(new NpgsqlParameter<Guid> { TypedValue = writer.CouncilId });
    p.Add(reference);
    p.Add(new NpgsqlParameter<Guid> { TypedValue = writer.MemberId });
    p.Add(new NpgsqlParameter<Guid> { TypedValue = writer.AccountId });
    p.Add(new NpgsqlParameter<string> { TypedValue = subject });
    p.Add(new NpgsqlParameter<string> { TypedValue = details });
    p.Add(new NpgsqlParameter { Value = (object?)body.WardId ?? writer.WardId ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
    p.Add(new NpgsqlParameter { Value = (object?)body.ServiceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
    p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = today });
    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = today.AddDays(14) });
    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = today.AddDays(28) });
}

// Nolan's reference shape (EnquiryService.NewReference): short code, year, six characters.
static string NewReference(DateOnly day)
{
    const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    Span<char> code = stackalloc char[6];
    for (var i = 0; i < code.Length; i++)
    {
        code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
    }

    return $"SOS-{day.Year}-{code}";
}

/// <summary>A demo account's member seat, resolved once at start-up.</summary>
internal sealed record Seat(Guid AccountId, Guid MemberId, Guid CouncilId, Guid? WardId)
{
    public static async Task<Seat> LoadAsync(NpgsqlDataSource db, string email)
    {
        await using var cmd = db.CreateCommand("""
            SELECT a.id, m.id, m.council_id, m.ward_id
            FROM accounts a JOIN members m ON m.account_id = a.id
            WHERE a.email = $1 AND m.active
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email });
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync())
        {
            throw new InvalidOperationException($"No member account '{email}': start Nolan with --demo (or run nolan seed-demo) first.");
        }

        return new Seat(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.IsDBNull(3) ? null : r.GetGuid(3));
    }
}

internal sealed record ConstantResponse(string Status, string Service, int Version);

internal sealed record InsertRequest(string? Subject, string? Details, Guid? WardId = null, Guid? ServiceId = null);

internal sealed record InsertResponse(Guid Id);

internal sealed record SelectRow(Guid Id, string Reference, string Subject, string Status, DateTimeOffset ReceivedAt,
    DateOnly? DueOn, DateOnly? PromisedBy, DateOnly? VeryOverdueAfter, Guid? AssignedOfficerId, Guid? ServiceId, int Version);

internal sealed record SelectResponse(IReadOnlyList<SelectRow> Items);

internal sealed record PageRow(Guid Id, string Reference, string Subject, string Member, string Status, DateTimeOffset ReceivedAt,
    DateOnly? DueOn, DateOnly? PromisedBy, DateOnly? VeryOverdueAfter, DateOnly? ExplainedOn, string? AssignedOfficer, string? Service,
    string? Ward, int Version, DateTimeOffset? AnsweredAt);

internal sealed record PageResponse(IReadOnlyList<PageRow> Items, int Page, int PageSize, int Total, bool TotalIsExact);
