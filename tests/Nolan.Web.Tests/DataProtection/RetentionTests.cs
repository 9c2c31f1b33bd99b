using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Audit;
using Nolan.Core.Calendar;
using Nolan.Core.DataProtection;
using Nolan.Core.Enquiries;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.DataProtection;

/// <summary>
/// The retention policy removes personal data past its period, and nothing else; it keeps the facts the monitoring
/// figures count; each removal is an audited change (so verify-audit still passes); a second run changes nothing. The
/// clock moves forward through these tests (years at a time), so each test reasons from "now" and its own records.
/// </summary>
public sealed class RetentionTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static readonly RetentionSettings Policy = new() { ClosedEnquiryYears = 2, ConstituentDataYears = 2, FileNoteYears = 2, SentMessageDays = 90 };

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    /// <summary>A West Oxfordshire enquiry the service manager accepts, notes, answers and (unless told not to) closes.</summary>
    private async Task<Guid> FinishedEnquiryAsync(string subject, string details, bool close = true, bool constituent = false)
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(constituent
            ? new { subject, details, serviceId = service, hasConstituentData = true, consentEvidence = "Signed consent from Mrs Ada Byron" }
            : (object)new { subject, details, serviceId = service });
        var url = $"/api/v1/enquiries/{Id(e)}";
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync(url + "/accept", new { version = Version(e) })).StatusCode);
        var noted = await manager.PostJsonAsync(url + "/file-notes", new { text = "Phoned Mrs Byron at 14 Mill Lane." });
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        var answered = await manager.PostJsonAsync(url + "/responses", new { version = Version(await noted.JsonAsync()), body = "Collected on Tuesday from 14 Mill Lane.", publicDomain = constituent });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        if (close)
        {
            var closed = await manager.PostJsonAsync(url + "/close", new { version = Version(await answered.JsonAsync()) });
            Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        }

        return Guid.Parse(Id(e));
    }

    private async Task<Guid> OpenEnquiryAsync(string subject)
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        return Guid.Parse(Id(await member.LogAsync(new { subject, details = "Still waiting for Mrs Byron's bin." })));
    }

    private async Task<RetentionRun> ApplyAsync(RetentionSettings? settings = null)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().ApplyAsync(settings ?? Policy);
    }

    private Task<Enquiry> EnquiryAsync(Guid id) =>
        f.WithDbAsync(db => db.Enquiries.AsNoTracking().Include(e => e.Activities).SingleAsync(e => e.Id == id));

    private string Marker => Retention.Marker(LondonTime.ToLocalDate(f.Clock.GetUtcNow()));

    private void YearsPass(int years) => f.Clock.Advance(TimeSpan.FromDays(365.25 * years));

    [Fact]
    public async Task Retention_EnquiryClosedBeforeItsPeriod_PersonalDataReplacedByTheMarker_FactsKept_RecentAndOpenEnquiriesUntouched()
    {
        var old = await FinishedEnquiryAsync("Bins at 14 Mill Lane", "Mrs Ada Byron's bin was missed three times.");
        var open = await OpenEnquiryAsync("Still open: Mill Lane");
        var before = await EnquiryAsync(old);
        var openBefore = await EnquiryAsync(open);
        YearsPass(3);
        var recent = await FinishedEnquiryAsync("Bins at 16 Mill Lane", "Mr Babbage's bin was missed.");

        var run = await ApplyAsync();

        Assert.True(run.Enquiries >= 1);
        var after = await EnquiryAsync(old);
        Assert.Equal(Marker, after.Subject);
        Assert.Equal(Marker, after.Details);
        Assert.All(after.Activities.Where(a => a.Body is not null), a => Assert.Equal(Marker, a.Body));
        Assert.DoesNotContain(after.Activities, a => (a.Body ?? "").Contains("Mill Lane", StringComparison.Ordinal));
        // The fact is kept: what the figures count and what the audit trail names.
        Assert.Equal((before.Reference, before.Status, before.MemberId, before.ServiceId, before.AssignedOfficerId, before.ReceivedOn, before.DueOn, before.AnsweredAt, before.ClosedAt),
            (after.Reference, after.Status, after.MemberId, after.ServiceId, after.AssignedOfficerId, after.ReceivedOn, after.DueOn, after.AnsweredAt, after.ClosedAt));
        Assert.Equal(before.Activities.OrderBy(a => a.Id).Select(a => (a.Id, a.Kind, a.At, a.ByName)), after.Activities.OrderBy(a => a.Id).Select(a => (a.Id, a.Kind, a.At, a.ByName)));

        var untouched = await EnquiryAsync(recent);
        Assert.Equal("Bins at 16 Mill Lane", untouched.Subject);
        Assert.Contains(untouched.Activities, a => a.Body == "Collected on Tuesday from 14 Mill Lane.");
        Assert.Contains(untouched.Activities, a => a.Body == "Phoned Mrs Byron at 14 Mill Lane.");
        var stillOpen = await EnquiryAsync(open);
        Assert.Equal((openBefore.Subject, openBefore.Details, openBefore.Version), (stillOpen.Subject, stillOpen.Details, stillOpen.Version));
    }

    [Fact]
    public async Task Retention_Redaction_IsAnAuditedChangeByTheSystem_NotRepeatingTheText_AndVerifyAuditPasses()
    {
        var id = await FinishedEnquiryAsync("Fly-tipping behind 3 Church Walk", "Reported by Mr Charles Babbage.");
        YearsPass(3);

        await ApplyAsync();

        var last = await f.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Stream == $"enquiry/{id}").OrderByDescending(e => e.Seq).FirstAsync());
        Assert.Equal("enquiry.personal_data_removed", last.Action);
        Assert.Equal(Retention.System.Name, last.ActorName);
        Assert.DoesNotContain("Church Walk", last.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Babbage", last.Data, StringComparison.Ordinal);
        Assert.Contains($"Enquiry/{id}", last.State, StringComparison.Ordinal);
        await f.WithDbAsync(db => AuditChain.SealAsync(db, f.Clock, f.AuditTrust));
        var verified = await f.WithDbAsync(db => AuditChain.VerifyAsync(db, f.AuditTrust));
        Assert.True(verified.Ok, string.Join("\n", verified.Problems));
    }

    [Fact]
    public async Task Retention_SecondRun_ChangesNothingAndWritesNoEvent()
    {
        await FinishedEnquiryAsync("Street light out on Bell Road", "Outside Mrs Somerville's house.");
        YearsPass(3);
        while ((await ApplyAsync()).Total > 0)
        {
            // Work off anything earlier tests left past its period.
        }

        var events = await f.WithDbAsync(db => db.AuditEvents.CountAsync());
        var versions = await f.WithDbAsync(db => db.Enquiries.SumAsync(e => e.Version));

        var again = await ApplyAsync();

        Assert.Equal(0, again.Total);
        Assert.Equal(events, await f.WithDbAsync(db => db.AuditEvents.CountAsync()));
        Assert.Equal(versions, await f.WithDbAsync(db => db.Enquiries.SumAsync(e => e.Version)));
    }

    [Fact]
    public async Task Retention_FileNotesPastTheirShorterPeriod_NotesRemoved_AnswerAndSubjectKept()
    {
        var id = await FinishedEnquiryAsync("Grass cutting on The Green", "Mrs Byron asks when.");
        YearsPass(2);

        var run = await ApplyAsync(new RetentionSettings { ClosedEnquiryYears = 6, ConstituentDataYears = 6, FileNoteYears = 1 });

        Assert.True(run.FileNoteEnquiries >= 1);
        var e = await EnquiryAsync(id);
        Assert.Equal("Grass cutting on The Green", e.Subject);
        Assert.Equal(Marker, e.Activities.Single(a => a.Kind == ActivityKind.FileNote).Body);
        Assert.Equal("Collected on Tuesday from 14 Mill Lane.", e.Activities.Single(a => a.Kind == ActivityKind.Response).Body);
        var last = await f.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(x => x.Stream == $"enquiry/{id}").OrderByDescending(x => x.Seq).FirstAsync());
        Assert.Equal("enquiry.file_notes_removed", last.Action);
    }

    [Fact]
    public async Task Retention_ConstituentDataEnquiry_RemovedAtItsShorterPeriod_AnEnquiryWithoutItKept()
    {
        var constituent = await FinishedEnquiryAsync("Housing repair", "Mrs Ada Byron's damp.", constituent: true);
        var plain = await FinishedEnquiryAsync("Park opening hours", "Why do they change?");
        YearsPass(2);

        await ApplyAsync(new RetentionSettings { ClosedEnquiryYears = 6, ConstituentDataYears = 1, FileNoteYears = 6 });

        var redacted = await EnquiryAsync(constituent);
        Assert.Equal(Marker, redacted.Details);
        Assert.Equal(Marker, redacted.ConsentEvidence);
        Assert.True(redacted.HasConstituentData);
        var kept = await EnquiryAsync(plain);
        Assert.Equal("Why do they change?", kept.Details);
        Assert.Contains(kept.Activities, a => a.Body == "Phoned Mrs Byron at 14 Mill Lane.");
    }

    [Fact]
    public async Task Retention_SentMessagesPastTheirPeriod_BodiesEmptied_PasswordResetEmptiedOnceSent_OthersKept()
    {
        var now = f.Clock.GetUtcNow();
        OutboxMessage Message(string key, string template, OutboxStatus status, DateTimeOffset created, DateTimeOffset? sent) => new()
        {
            DedupKey = $"retention-test/{key}/{Guid.NewGuid()}",
            ToAddress = "member@west-oxfordshire.demo",
            ToName = "A member",
            TemplateKey = template,
            Subject = "About 14 Mill Lane",
            BodyText = "Mrs Byron's bin",
            BodyHtml = "<p>Mrs Byron's bin</p>",
            Status = status,
            CreatedAt = created,
            NextAttemptAt = created,
            SentAt = sent,
        };
        var old = Message("old", "enquiry-response", OutboxStatus.Sent, now.AddDays(-120), now.AddDays(-100));
        var recent = Message("recent", "enquiry-response", OutboxStatus.Sent, now.AddDays(-20), now.AddDays(-10));
        var pending = Message("pending", "enquiry-response", OutboxStatus.Pending, now.AddDays(-120), null);
        var reset = Message("reset", "password-reset", OutboxStatus.Sent, now.AddMinutes(-5), now.AddMinutes(-4));
        await f.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(old, recent, pending, reset);
            return await db.SaveChangesAsync();
        });

        var run = await ApplyAsync();

        Assert.True(run.Messages >= 2);
        var rows = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey.StartsWith("retention-test/")).ToDictionaryAsync(m => m.Id));
        foreach (var emptied in new[] { old, reset })
        {
            Assert.Equal((Marker, Marker, Marker), (rows[emptied.Id].Subject, rows[emptied.Id].BodyText, rows[emptied.Id].BodyHtml));
            Assert.NotNull(rows[emptied.Id].RedactedAt);
            // Who it went to, which message and when stay: the fact that it was sent.
            Assert.Equal((emptied.ToAddress, emptied.TemplateKey, emptied.Status), (rows[emptied.Id].ToAddress, rows[emptied.Id].TemplateKey, rows[emptied.Id].Status));
        }

        foreach (var keptMessage in new[] { recent, pending })
        {
            Assert.Equal("Mrs Byron's bin", rows[keptMessage.Id].BodyText);
            Assert.Null(rows[keptMessage.Id].RedactedAt);
        }

        var audited = await f.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "retention.messages_removed").OrderByDescending(e => e.At).FirstAsync());
        Assert.Contains(old.Id.ToString(), audited.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(recent.Id.ToString(), audited.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyRetentionCommand_RunsThePolicyAndSaysWhatItChanged()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "nolan.dll"), "apply-retention", $"--Nolan:Database:Provider={TestDatabase.Provider}",
            $"--Nolan:Database:ConnectionString={f.ConnectionString}", $"--Nolan:Audit:SealKey={NolanFactory.TestSealKey}", $"--Nolan:Audit:AnchorFile={f.AnchorFile}" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();

        Assert.True(p.ExitCode == 0, output + error);
        Assert.Contains("Retention policy applied: personal data removed from ", output, StringComparison.Ordinal);
        var verified = await f.WithDbAsync(db => AuditChain.VerifyAsync(db, f.AuditTrust));
        Assert.True(verified.Ok, string.Join("\n", verified.Problems));
    }

    [Fact]
    public void RetentionSettings_Defaults_AreTheDocumentedOnes_AndNonsenseIsRefused()
    {
        var d = new RetentionSettings();
        Assert.Equal((6, 2, 2, 90), (d.ClosedEnquiryYears, d.ConstituentDataYears, d.FileNoteYears, d.SentMessageDays));
        Assert.Null(d.Problem());
        Assert.NotNull(new RetentionSettings { ClosedEnquiryYears = 0 }.Problem());
        Assert.NotNull(new RetentionSettings { SentMessageDays = -1 }.Problem());
    }
}
