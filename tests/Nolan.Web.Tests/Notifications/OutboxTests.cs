using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>Messages are queued with the change that causes them and delivered over real SMTP to a real server.</summary>
public sealed class OutboxTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private async Task<DeliveryRound> DeliverAsync()
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
    }

    private async Task<(string Id, string Reference, int Version)> AssignedWestOxonAsync()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Bins left open", details = "Foxes are getting in.", serviceId = service });
        return (e.GetProperty("id").GetString()!, e.GetProperty("reference").GetString()!, e.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task LoggedEnquiry_MemberAcknowledgedAndManagerToldByEmail()
    {
        var (id, reference, _) = await AssignedWestOxonAsync();
        await DeliverAsync();

        var messages = await SmtpSink.MessagesAsync(reference, atLeast: 2);

        var memberEmail = await f.WithDbAsync(db => db.Members.Where(m => m.Id == db.Enquiries.Single(e => e.Id == Guid.Parse(id)).MemberId).Select(m => m.Email).SingleAsync());
        var ack = Assert.Single(messages, m => m.To.Mailboxes.Any(x => x.Address == memberEmail));
        Assert.Equal($"We have your enquiry {reference}: Bins left open", ack.Subject);
        Assert.Contains($"https://nolan.test/enquiries/{id}", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://nolan.test/enquiries/{id}\"", ack.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("members.enquiries@council.test", ack.From.Mailboxes.Single().Address);
        var managerEmail = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == db.Enquiries.Single(e => e.Id == Guid.Parse(id)).AssignedOfficerId).Select(o => o.Email).SingleAsync());
        var toManager = Assert.Single(messages, m => m.To.Mailboxes.Any(x => x.Address == managerEmail));
        Assert.StartsWith($"Enquiry {reference} is with you", toManager.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_MemberGetsTheAnswerByEmailAndInApp()
    {
        var (id, reference, version) = await AssignedWestOxonAsync();
        var manager = await f.ApiClientAsync("manager@west-oxfordshire.demo");
        var response = await manager.PostJsonAsync($"/api/v1/enquiries/{id}/responses", new { version, body = "Lids will be replaced on Tuesday <b>for free</b>." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliverAsync();

        var reply = (await SmtpSink.MessagesAsync($"Reply to your enquiry {reference}")).Single();
        Assert.Contains("Lids will be replaced on Tuesday <b>for free</b>.", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;for free&lt;/b&gt;", reply.HtmlBody, StringComparison.Ordinal);
        var inApp = await f.WithDbAsync(db => db.InAppNotifications.Where(n => n.Title.Contains(reference)).Select(n => n.Title).ToListAsync());
        Assert.Contains(inApp, t => t.StartsWith("Reply to your enquiry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusedChange_QueuesNothing()
    {
        var before = await f.WithDbAsync(db => db.OutboxMessages.CountAsync());
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var response = await member.PostJsonAsync("/api/v1/enquiries", new { subject = "", details = "d" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await f.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task SentPasswordResetEmail_DoesNotKeepItsLinkInTheOutbox()
    {
        // The defect this prevents: the outbox kept every sent message's body, so a reset email's single-use link sat in
        // the database (and its backups) after it was delivered, usable by anyone who read it within the hour.
        const string email = "member2@cambridge.demo";
        using var page = f.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await page.PostFormAsync("/forgot-password", new() { ["Email"] = email })).StatusCode);
        var (_, reference, _) = await AssignedWestOxonAsync();
        var queued = await f.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.TemplateKey == PasswordResetRequested.Key && m.ToAddress == email));
        Assert.Contains("/reset-password?token=", queued.BodyText, StringComparison.Ordinal);

        await DeliverAsync();

        // Delivered with its link; afterwards Nolan keeps that it was sent, to whom, when and its subject, not the link.
        var link = System.Text.RegularExpressions.Regex.Match(queued.BodyText, @"/reset-password\?token=[0-9a-f]+").Value;
        Assert.Single(await SmtpSink.MessagesAsync(link));
        var sent = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(queued.Subject, sent.Subject);
        Assert.Equal(email, sent.ToAddress);
        Assert.Equal(OutboxMessage.RedactedBody, sent.BodyText);
        Assert.DoesNotContain("token=", sent.BodyHtml, StringComparison.Ordinal);
        // Other messages keep their bodies (the dead-letter page and resends need them).
        var ack = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Subject.Contains(reference)));
        Assert.Contains(reference, ack.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetEmailSentBeforeTheUpgrade_DoesNotKeepItsLink_AfterTheStartUpSweep()
    {
        // The same defect for messages delivered before delivery dropped secrets: the start-up sweep clears them.
        var id = Guid.NewGuid();
        await f.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = id,
                DedupKey = $"password-reset/{id}",
                ToAddress = "someone@council.test",
                ToName = "Someone",
                TemplateKey = PasswordResetRequested.Key,
                Subject = "Set a new password",
                BodyText = "https://nolan.test/reset-password?token=abc",
                BodyHtml = "<a href=\"https://nolan.test/reset-password?token=abc\">Set a new password</a>",
                Status = OutboxStatus.Sent,
                CreatedAt = f.Clock.GetUtcNow(),
                NextAttemptAt = f.Clock.GetUtcNow(),
                SentAt = f.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        Assert.True(await f.WithDbAsync(db => OutboxDelivery.RedactDeliveredSecretsAsync(db)) >= 1);

        var swept = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxMessage.RedactedBody, swept.BodyText);
        Assert.DoesNotContain("token=", swept.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(0, await f.WithDbAsync(db => OutboxDelivery.RedactDeliveredSecretsAsync(db)));
    }

    [Fact]
    public async Task SentMessage_IsNotSentAgain_AndCarriesStableMessageId()
    {
        var (_, reference, _) = await AssignedWestOxonAsync();
        await DeliverAsync();
        await DeliverAsync();
        var messages = await SmtpSink.MessagesAsync(reference, atLeast: 2);
        await Task.Delay(500);
        messages = await SmtpSink.MessagesAsync(reference, atLeast: 2);
        Assert.Equal(2, messages.Count);
        Assert.Equal(2, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task TwoNodesDeliveringAtOnce_EachMessageSentOnce()
    {
        var references = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            references.Add((await AssignedWestOxonAsync()).Reference);
        }

        await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        foreach (var reference in references)
        {
            var messages = await SmtpSink.MessagesAsync(reference, atLeast: 2);
            await Task.Delay(100);
            Assert.Equal(2, (await SmtpSink.MessagesAsync(reference, atLeast: 2)).Count);
        }
    }

    [Fact]
    public async Task UnreachableServer_RetriedWithBackOff_ThenDeadLettered()
    {
        var (_, reference, _) = await AssignedWestOxonAsync();
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        var unreachable = new SmtpSenderFactory(new SmtpSettings { Host = "127.0.0.1", Port = 9, Security = "None", TimeoutSeconds = 5 });
        var delivery = new OutboxDelivery(db, unreachable, f.Clock);
        var start = f.Clock.GetUtcNow();

        var first = await delivery.DeliverDueAsync();
        Assert.True(first.Retried >= 2);
        var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Subject.Contains(reference));
        Assert.Equal(1, message.Attempts);
        Assert.Equal(start + OutboxDelivery.BackOff(1), message.NextAttemptAt, TimeSpan.FromMilliseconds(1));
        Assert.NotNull(message.LastError);

        for (var i = 1; i < OutboxDelivery.MaxAttempts; i++)
        {
            f.Clock.Advance(OutboxDelivery.BackOff(i));
            await delivery.DeliverDueAsync();
        }

        message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Subject.Contains(reference));
        Assert.Equal(OutboxStatus.Dead, message.Status);

        using var retryScope = f.Services.CreateScope();
        var admin = new Core.Access.Actor { AccountId = Guid.Empty, Name = "test admin", IsSystemAdmin = true };
        Assert.True(await retryScope.ServiceProvider.GetRequiredService<OutboxDelivery>()
            .RetryAsync(message.Id, admin, retryScope.ServiceProvider.GetRequiredService<Core.Audit.AuditLog>()));
        var round = await DeliverAsync();
        var after = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        Assert.True(after.Status == OutboxStatus.Sent, $"{after.Status} {after.LastError} {round}");
        Assert.NotEmpty(await SmtpSink.MessagesAsync(reference));
    }
}
