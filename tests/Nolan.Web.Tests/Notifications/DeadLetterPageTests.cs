using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>The dead-letter page: system administrators only, metadata but no content, retry audited.</summary>
public sealed class DeadLetterPageTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private async Task<(Guid Id, string Subject)> DeadMessageAsync()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var e = await api.LogAsync(new { subject = "Secret casework detail", details = "d" });
        var reference = e.GetProperty("reference").GetString()!;
        return await f.WithDbAsync(async db =>
        {
            var m = await db.OutboxMessages.FirstAsync(x => x.Subject.Contains(reference));
            m.Status = OutboxStatus.Dead;
            m.Attempts = OutboxDelivery.MaxAttempts;
            m.LastError = "Connection refused";
            await db.SaveChangesAsync();
            return (m.Id, m.Subject);
        });
    }

    [Fact]
    public async Task SystemAdmin_SeesDeadLetterWithoutContent_AndRetriesIt()
    {
        var (id, subject) = await DeadMessageAsync();
        var admin = await f.SignInAsync("admin@nolan.demo");
        var (response, doc) = await admin.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = doc.QuerySelector("[data-testid=dead-letters]")!.TextContent;
        Assert.Contains("Connection refused", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret casework detail", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(subject, doc.Body.TextContent, StringComparison.Ordinal);

        var retry = await admin.PostFormAsync("/admin/outbox", new(), $"/admin/outbox?handler=retry&messageId={id}");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var status = await f.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
        Assert.Equal(OutboxStatus.Pending, status);
        Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "outbox.retried" && a.EntityId == id)));
    }

    [Theory]
    [InlineData("member@southend-on-sea.demo")]
    [InlineData("hub@southend-on-sea.demo")]
    [InlineData("mo@southend-on-sea.demo")]
    public async Task OtherRoles_Refused(string email)
    {
        var page = await f.SignInAsync(email);
        var (response, _) = await page.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
