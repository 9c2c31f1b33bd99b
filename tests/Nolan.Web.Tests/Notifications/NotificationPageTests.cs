using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>In-app notifications with an unread count, and each person's choice of channel and digest.</summary>
public sealed class NotificationPageTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    [Fact]
    public async Task MemberLogsEnquiry_UnreadCountInNavigation_MarkReadClearsIt()
    {
        var api = await f.ApiClientAsync("member@cambridge.demo");
        var e = await api.LogAsync(new { subject = "Tree roots lifting the pavement", details = "Outside the library." });
        var reference = e.GetProperty("reference").GetString()!;
        var page = await f.SignInAsync("member@cambridge.demo");

        var (_, list) = await page.GetAsync("/notifications");
        Assert.Contains(reference, list.QuerySelector("[data-testid=notifications]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll(".govuk-service-navigation__item, .govuk-service-navigation a"), n => n.TextContent.Contains("Notifications (", StringComparison.Ordinal));

        var read = await page.PostFormAsync("/notifications", new(), "/notifications?handler=read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var unread = await (await api.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).JsonAsync();
        Assert.Equal(0, unread.GetProperty("unread").GetInt32());
        Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "notifications.marked_read")));
    }

    [Fact]
    public async Task InAppOnlyPreference_NoEmailQueued()
    {
        var page = await f.SignInAsync("member2@cambridge.demo");
        var saved = await page.PostFormAsync("/account/notifications", new() { ["NotifyBy"] = "InApp", ["DailyDigest"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var api = await f.ApiClientAsync("member2@cambridge.demo");
        var e = await api.LogAsync(new { subject = "Bus shelter glass smashed", details = "On Mill Road." });
        var reference = e.GetProperty("reference").GetString()!;
        Assert.False(await f.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject.Contains(reference))));
        Assert.True(await f.WithDbAsync(db => db.InAppNotifications.AnyAsync(n => n.Title.Contains(reference))));
    }

    [Fact]
    public async Task DailyDigestPreference_EmailHeldForDigest()
    {
        var page = await f.SignInAsync("member@district-002.demo");
        await page.PostFormAsync("/account/notifications", new() { ["NotifyBy"] = "EmailAndInApp", ["DailyDigest"] = "true" });
        var api = await f.ApiClientAsync("member@district-002.demo");
        var e = await api.LogAsync(new { subject = "Allotment waiting list", details = "How long is it?" });
        var reference = e.GetProperty("reference").GetString()!;
        var status = await f.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(reference)).Select(m => m.Status).SingleAsync());
        Assert.Equal(Core.Notifications.OutboxStatus.HeldForDigest, status);
    }

    [Fact]
    public async Task Preferences_BadValue_ErrorSummary()
    {
        var page = await f.SignInAsync("member@district-002.demo");
        var response = await page.PostFormAsync("/account/notifications", new() { ["NotifyBy"] = "Carrier pigeon" });
        var doc = await PageClient.ParseAsync(response);
        Assert.NotNull(doc.QuerySelector(".govuk-error-summary a[href='#NotifyBy']"));
    }

    [Fact]
    public async Task Notifications_OnlyYourOwn()
    {
        var api = await f.ApiClientAsync("member@cambridge.demo");
        await api.LogAsync(new { subject = "Private matter for member one", details = "d" });
        var other = await f.ApiClientAsync("member2@cambridge.demo");
        var theirs = await (await other.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Private matter for member one", theirs, StringComparison.Ordinal);
    }
}
