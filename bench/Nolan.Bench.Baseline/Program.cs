// The baselines of Nolan's load benchmark (bench/run.sh): what a bare ASP.NET Core endpoint costs on this machine,
// measured in the same run as Nolan, so that Nolan's numbers can be read as ratios on a noisy, shared machine.
//
//   GET  /constant  a constant JSON object: the HTTP + Kestrel + JSON floor.
//   POST /insert    reads the same JSON body as POST /api/v1/enquiries and does ONE INSERT of an enquiry-shaped row
//                   into bench_enquiries (a copy of the enquiries table's columns and indexes, no foreign keys);
//                   201 with the id.
//   GET  /select    ONE SELECT of the reader's 25 newest rows from bench_enquiries_read by member_id (index on (member_id, received_at)), as JSON.
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
    cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.CouncilId });
    cmd.Parameters.Add(reference);
    cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.MemberId });
    cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer.AccountId });
    cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subject });
    cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = details });
    cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)body!.WardId ?? writer.WardId ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
    cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)body.ServiceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
    cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today });
    cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today.AddDays(14) });
    cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today.AddDays(28) });
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

await app.RunAsync();
return 0;

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
