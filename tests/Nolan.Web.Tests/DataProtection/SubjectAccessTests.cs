using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.DataProtection;

/// <summary>
/// Subject access: the Monitoring Officer (or data protection officer) of a council downloads everything Nolan holds
/// about one person there, and nothing about anybody else; nobody else can; every export is audited.
/// </summary>
public sealed class SubjectAccessTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private const string Page = "/data-protection/subject-access";

    private async Task<(string Mine, string Theirs)> TwoMembersEnquiriesAsync()
    {
        var mine = "Potholes on Abbey Road " + Guid.NewGuid().ToString("N")[..6];
        var theirs = "Parking at the leisure centre " + Guid.NewGuid().ToString("N")[..6];
        await (await f.ApiClientAsync("member@south-oxfordshire.demo")).LogAsync(new { subject = mine, details = "Raised by Mrs Grace Hopper of 2 Abbey Road." });
        await (await f.ApiClientAsync("member2@south-oxfordshire.demo")).LogAsync(new { subject = theirs, details = "Raised by Mr Alan Turing." });
        return (mine, theirs);
    }

    private async Task<(HttpResponseMessage Response, Dictionary<string, string> Files)> ExportAsync(string email, string person, Guid? council = null)
    {
        var page = await f.SignInAsync(email);
        // South Oxfordshire's Monitoring Officer serves Vale of White Horse too (one shared staff): the form asks which council.
        var fields = new Dictionary<string, string>
        {
            ["Person"] = person,
            ["CouncilId"] = (council ?? await f.CouncilIdAsync("south-oxfordshire")).ToString(),
        };

        var response = await page.PostFormAsync(Page, fields);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response.Content.Headers.ContentType?.MediaType == "application/zip")
        {
            using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                files[entry.FullName] = await reader.ReadToEndAsync();
            }
        }

        return (response, files);
    }

    [Fact]
    public async Task SubjectAccessExport_Member_ZipHoldsTheirRecordsAndNothingAboutOthers()
    {
        var (mine, theirs) = await TwoMembersEnquiriesAsync();

        var (response, files) = await ExportAsync("mo@south-oxfordshire.demo", "member@south-oxfordshire.demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["audit-events.json", "enquiries.json", "entries-they-wrote.json", "index.html", "messages.json", "person.json", "request.json"],
            files.Keys.Order(StringComparer.Ordinal));
        var memberId = await f.MemberIdAsync("member@south-oxfordshire.demo");
        var otherId = await f.MemberIdAsync("member2@south-oxfordshire.demo");
        var memberName = await f.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Name).SingleAsync());
        var otherName = await f.WithDbAsync(db => db.Members.Where(m => m.Id == otherId).Select(m => m.Name).SingleAsync());
        Assert.Contains("member@south-oxfordshire.demo", files["person.json"], StringComparison.Ordinal);
        Assert.Contains(memberName, files["person.json"], StringComparison.Ordinal);
        Assert.Contains(mine, files["enquiries.json"], StringComparison.Ordinal);
        Assert.Contains("raised it", files["enquiries.json"], StringComparison.Ordinal);
        Assert.Contains(mine, files["index.html"], StringComparison.Ordinal);
        Assert.Contains("enquiry.logged", files["audit-events.json"], StringComparison.Ordinal);
        foreach (var (name, text) in files)
        {
            Assert.False(text.Contains(theirs, StringComparison.Ordinal), $"{name} holds another member's enquiry");
            Assert.False(text.Contains("member2@", StringComparison.Ordinal), $"{name} names another member's account");
            Assert.False(text.Contains(otherName, StringComparison.Ordinal), $"{name} names another member");
        }
    }

    [Fact]
    public async Task SubjectAccessExport_Constituent_FoundWhereEnquiriesNameThem_OnlyThoseEnquiries()
    {
        var (mine, theirs) = await TwoMembersEnquiriesAsync();

        var (response, files) = await ExportAsync("mo@south-oxfordshire.demo", "grace hopper");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(mine, files["enquiries.json"], StringComparison.Ordinal);
        Assert.Contains("named in it", files["enquiries.json"], StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, files["enquiries.json"], StringComparison.Ordinal);
        Assert.DoesNotContain("Turing", string.Concat(files.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectAccessExport_IsAudited_WhoAskedAboutWhomAndWhen()
    {
        await TwoMembersEnquiriesAsync();
        var council = await f.CouncilIdAsync("south-oxfordshire");
        var mo = await f.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Email == "mo@south-oxfordshire.demo"));

        var (response, _) = await ExportAsync("mo@south-oxfordshire.demo", "member@south-oxfordshire.demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await f.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(x => x.Action == "data_protection.subject_access_exported")
            .OrderByDescending(x => x.At).FirstAsync());
        Assert.Equal((mo.Id, mo.DisplayName, council), (e.ActorAccountId, e.ActorName, e.CouncilId));
        Assert.Contains("member@south-oxfordshire.demo", e.Data, StringComparison.Ordinal);
        Assert.Equal(Core.Audit.AuditLog.TruncateToMicroseconds(f.Clock.GetUtcNow()), e.At);
        Assert.Contains("sha256", e.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member@south-oxfordshire.demo")]
    [InlineData("officer@south-oxfordshire.demo")]
    [InlineData("hub@south-oxfordshire.demo")]
    [InlineData("ceo@south-oxfordshire.demo")]
    [InlineData("admin@nolan.demo")]
    public async Task SubjectAccessExport_WithoutTheMonitoringOfficerOrDpoRole_Forbidden_NothingAudited(string email)
    {
        var before = await f.WithDbAsync(db => db.AuditEvents.CountAsync(x => x.Action == "data_protection.subject_access_exported"));
        var page = await f.SignInAsync(email);

        var (get, _) = await page.GetAsync(Page);
        var post = await page.PostFormAsync(Page, new() { ["Person"] = "member@south-oxfordshire.demo", ["CouncilId"] = (await f.CouncilIdAsync("south-oxfordshire")).ToString() });

        foreach (var r in new[] { get, post })
        {
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)r.StatusCode}");
            Assert.NotEqual("application/zip", r.Content.Headers.ContentType?.MediaType);
            if (r.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/access-denied", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await f.WithDbAsync(db => db.AuditEvents.CountAsync(x => x.Action == "data_protection.subject_access_exported")));
    }

    [Fact]
    public async Task SubjectAccessExport_AnotherCouncilsMonitoringOfficer_CannotExportThisCouncil()
    {
        var (response, files) = await ExportAsync("mo@cambridge.demo", "member@south-oxfordshire.demo", await f.CouncilIdAsync("south-oxfordshire"));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        Assert.Empty(files);
    }

    [Fact]
    public async Task SubjectAccessExport_MonitoringOfficerOfOneCouncil_FindsNobodyFromAnother()
    {
        var (response, files) = await ExportAsync("mo@south-oxfordshire.demo", "member@cambridge.demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(files);
        var summary = (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("holds nothing", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter the person\u2019s email address or full name")]
    [InlineData("ab", "Enter at least 3 characters")]
    public async Task SubjectAccessExport_BadInput_GovukErrorSummaryAndTheFormAgain(string person, string message)
    {
        var (response, files) = await ExportAsync("mo@south-oxfordshire.demo", person);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(files);
        var doc = await PageClient.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Person", doc.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("input[name=Person].govuk-input--error"));
    }

    [Fact]
    public async Task SubjectAccessExport_DataProtectionOfficerRole_MayExport()
    {
        var council = await f.CouncilIdAsync("south-oxfordshire");
        var officer = await f.OfficerIdAsync("officer2@south-oxfordshire.demo");
        await f.WithDbAsync(async db =>
        {
            var appointment = await db.OfficerAppointments.Include(a => a.RoleRows).SingleAsync(a => a.CouncilId == council && a.OfficerId == officer);
            appointment.Roles |= OfficerRoles.DataProtectionOfficer;
            return await db.SaveChangesAsync();
        });

        var (response, files) = await ExportAsync("officer2@south-oxfordshire.demo", "member@south-oxfordshire.demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("member@south-oxfordshire.demo", files["person.json"], StringComparison.Ordinal);
    }
}
