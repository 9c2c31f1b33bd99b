using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.Access;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>Daily digests of held messages and members' weekly digest of open enquiries, with a fake clock.</summary>
public sealed class DigestTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static DateTimeOffset London(int y, int m, int d, int hour, int minute = 0) => new(y, m, d, hour, minute, 0, TimeSpan.Zero); // GMT in November

    private async Task<T> WithDigestsAsync<T>(Func<Digests, Task<T>> work)
    {
        using var scope = f.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<Digests>());
    }

    private async Task DeliverAsync()
    {
        using var scope = f.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(200);
    }

    private Task<int> SetAccountAsync(string email, Action<Account> change) => f.WithDbAsync(async db =>
    {
        change(await db.Accounts.SingleAsync(a => a.Email == email));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task DailyDigest_HeldMessagesGoOutOnceAt7_AsOneEmail()
    {
        await SetAccountAsync("member2@west-oxfordshire.demo", a =>
        {
            a.DailyDigest = true;
            a.NotifyBy = DeliveryPreference.Email;
        });
        f.Clock.AdjustTime(NolanFactory.DefaultNow);
        try
        {
            var member = await f.ApiClientAsync("member2@west-oxfordshire.demo");
            var first = (await member.LogAsync(new { subject = "Digest one: hedge", details = "Overgrown." })).GetProperty("reference").GetString()!;
            var second = (await member.LogAsync(new { subject = "Digest two: drain", details = "Blocked." })).GetProperty("reference").GetString()!;
            var account = await f.WithDbAsync(db => db.Accounts.Where(a => a.Email == "member2@west-oxfordshire.demo").Select(a => a.Id).SingleAsync());
            var held = await f.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientAccountId == account && m.Status == OutboxStatus.HeldForDigest));
            Assert.Equal(2, held);

            // Same day, and the next morning before 7: nothing yet (held after Monday's 7 o'clock digest).
            Assert.Equal(0, await WithDigestsAsync(d => d.DailyAsync()));
            f.Clock.AdjustTime(London(2026, 11, 3, 6, 59));
            Assert.Equal(0, await WithDigestsAsync(d => d.DailyAsync()));

            // After 7 on Tuesday, two nodes at once: one digest.
            f.Clock.AdjustTime(London(2026, 11, 3, 7, 5));
            var runs = await Task.WhenAll(WithDigestsAsync(d => d.DailyAsync()), WithDigestsAsync(d => d.DailyAsync()));
            Assert.Equal(1, runs.Sum());
            Assert.Equal(0, await WithDigestsAsync(d => d.DailyAsync()));

            var rows = await f.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientAccountId == account).ToListAsync());
            Assert.Equal(2, rows.Count(m => m.Status == OutboxStatus.Digested));
            var digest = Assert.Single(rows, m => m.TemplateKey == "daily-digest");
            Assert.Equal(OutboxStatus.Pending, digest.Status);

            await DeliverAsync();
            var mail = Assert.Single(await SmtpSink.MessagesAsync(first));
            Assert.Equal("Your Nolan digest: 2 messages", mail.Subject);
            Assert.Contains(second, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("https://nolan.test/account/notifications", mail.HtmlBody, StringComparison.Ordinal);
            var memberEmail = await f.WithDbAsync(db => db.Members.Where(m => m.AccountId == account).Select(m => m.Email).SingleAsync());
            Assert.Equal(memberEmail, mail.To.Mailboxes.Single().Address);
        }
        finally
        {
            f.Clock.AdjustTime(NolanFactory.DefaultNow);
            await SetAccountAsync("member2@west-oxfordshire.demo", a =>
            {
                a.DailyDigest = false;
                a.NotifyBy = DeliveryPreference.EmailAndInApp;
            });
        }
    }

    [Fact]
    public async Task WeeklyDigest_MondayMorning_ListsOpenEnquiries_OncePerWeek_UnlessTurnedOff()
    {
        f.Clock.AdjustTime(NolanFactory.DefaultNow); // Monday 2 November 2026, 10:00
        try
        {
            var member = await f.ApiClientAsync("member@cambridge.demo");
            var reference = (await member.LogAsync(new { subject = "Weekly: bus stop sign", details = "Missing." })).GetProperty("reference").GetString()!;
            var optedOut = await f.ApiClientAsync("member2@cambridge.demo");
            await optedOut.LogAsync(new { subject = "Weekly: opted out", details = "d" });
            await SetAccountAsync("member2@cambridge.demo", a => a.WeeklyDigest = false);

            Assert.True(await WithDigestsAsync(d => d.WeeklyAsync()) >= 1);
            Assert.Equal(0, await WithDigestsAsync(d => d.WeeklyAsync()));

            var memberId = await f.MemberIdAsync("member@cambridge.demo");
            var optedOutId = await f.MemberIdAsync("member2@cambridge.demo");
            var weekly = await f.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.DedupKey == $"weekly/2026-11-02/{memberId}"));
            Assert.Contains(reference, weekly.BodyText, StringComparison.Ordinal);
            Assert.Contains("Weekly: bus stop sign", weekly.BodyText, StringComparison.Ordinal);
            Assert.Contains("https://nolan.test/enquiries?scope=mine", weekly.BodyText, StringComparison.Ordinal);
            Assert.False(await f.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.DedupKey == $"weekly/2026-11-02/{optedOutId}")));
            Assert.True(await f.WithDbAsync(db => db.InAppNotifications.AnyAsync(n => n.DedupKey == $"weekly/2026-11-02/{memberId}")));

            // Not on other days of the week, nor before the hour on Monday.
            f.Clock.AdjustTime(London(2026, 11, 3, 10));
            Assert.Equal(0, await WithDigestsAsync(d => d.WeeklyAsync()));
            f.Clock.AdjustTime(London(2026, 11, 9, 6));
            Assert.Equal(0, await WithDigestsAsync(d => d.WeeklyAsync()));
            f.Clock.AdjustTime(London(2026, 11, 9, 7, 30));
            Assert.True(await WithDigestsAsync(d => d.WeeklyAsync()) >= 1);
            Assert.True(await f.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.DedupKey == $"weekly/2026-11-09/{memberId}")));
        }
        finally
        {
            f.Clock.AdjustTime(NolanFactory.DefaultNow);
            await SetAccountAsync("member2@cambridge.demo", a => a.WeeklyDigest = true);
        }
    }
}
