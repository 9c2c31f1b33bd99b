using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>Councils set to use GOV.UK Notify send their email through Notify's API (a strict local stand-in).</summary>
public sealed class GovukNotifyTests(NotifyFactory f) : IClassFixture<NotifyFactory>
{
    private async Task<DeliveryRound> DeliverAsync()
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
    }

    private async Task<(Guid Id, string Reference)> LogWestOxonEnquiryAsync()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync(NotifyFactory.NotifyCouncil, "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Bins left open", details = "Foxes are getting in.", serviceId = service });
        return (Guid.Parse(e.GetProperty("id").GetString()!), e.GetProperty("reference").GetString()!);
    }

    private Task<List<OutboxMessage>> OutboxForAsync(string reference) =>
        f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(reference)).ToListAsync());

    [Fact]
    public async Task LoggedEnquiry_NotifyCouncil_OnePostPerRecipientWithGenericTemplateAndReference()
    {
        var (id, reference) = await LogWestOxonEnquiryAsync();

        var round = await DeliverAsync();

        var queued = await OutboxForAsync(reference);
        Assert.Equal(2, queued.Count);
        Assert.All(queued, m => Assert.Equal(MessageChannel.GovukNotify, m.Channel));
        Assert.All(queued, m => Assert.True(m.Status == OutboxStatus.Sent, $"{m.Status} {m.LastError} {round}"));
        var memberEmail = await f.WithDbAsync(db => db.Members.Where(m => m.Id == db.Enquiries.Single(e => e.Id == id).MemberId).Select(m => m.Email).SingleAsync());
        var ack = queued.Single(m => m.ToAddress == memberEmail);
        var posted = Assert.Single(f.Notify.Accepted, n => n.Reference == ack.DedupKey);
        Assert.Equal(memberEmail, posted.EmailAddress);
        Assert.Equal(f.Notify.TemplateId, posted.TemplateId);
        Assert.Equal(["body", "subject"], posted.Personalisation.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"We have your enquiry {reference}: Bins left open", posted.Personalisation["subject"]);
        Assert.Contains($"https://nolan.test/enquiries/{id}", posted.Personalisation["body"], StringComparison.Ordinal);
        Assert.Single(f.Notify.Accepted, n => n.Reference == queued.Single(m => m != ack).DedupKey);
        Assert.Equal("iat,iss", f.Notify.LastClaimNames);
        Assert.Empty(await SmtpSink.MessagesAsync(reference, waitSeconds: 1));
    }

    [Fact]
    public async Task BadApiKey_RetriedWithBackOffAndErrorRecorded_ThenDeadLettered_KeyNeverStored()
    {
        var (_, reference) = await LogWestOxonEnquiryAsync();
        var badKey = $"nolan_test-{f.Notify.ServiceId}-{Guid.NewGuid()}";
        var settings = new NotifySettings { ApiKey = badKey, TemplateId = f.Notify.TemplateId, BaseUrl = f.Notify.BaseUrl };
        using var http = new HttpClient();
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        var delivery = new OutboxDelivery(db, new GovukNotifySenderFactory(() => new GovukNotifyClient(http, settings, f.Clock)), f.Clock);
        var start = f.Clock.GetUtcNow();

        var first = await delivery.DeliverDueAsync();

        Assert.True(first.Retried >= 2, first.ToString());
        var messages = await OutboxForAsync(reference);
        Assert.All(messages, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Equal(start + OutboxDelivery.BackOff(1), m.NextAttemptAt, TimeSpan.FromMilliseconds(1));
            Assert.Equal("GOV.UK Notify answered 403: AuthError: Invalid token: signature, api token not found", m.LastError);
        });

        for (var i = 1; i < OutboxDelivery.MaxAttempts; i++)
        {
            f.Clock.Advance(OutboxDelivery.BackOff(i));
            await delivery.DeliverDueAsync();
        }

        messages = await OutboxForAsync(reference);
        Assert.All(messages, m =>
        {
            Assert.Equal(OutboxStatus.Dead, m.Status);
            Assert.Equal(OutboxDelivery.MaxAttempts, m.Attempts);
            Assert.Contains("Invalid token", m.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain(badKey[^36..], m.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(f.Notify.SecretKey, m.LastError, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(f.Notify.Accepted, n => messages.Any(m => m.DedupKey == n.Reference));
    }

    [Fact]
    public async Task ConcurrentDeliveryRounds_EachMessagePostedOnce()
    {
        var references = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            references.Add((await LogWestOxonEnquiryAsync()).Reference);
        }

        await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        foreach (var reference in references)
        {
            var messages = await OutboxForAsync(reference);
            Assert.Equal(2, messages.Count);
            Assert.All(messages, m => Assert.Equal(OutboxStatus.Sent, m.Status));
            Assert.All(messages, m => Assert.Single(f.Notify.Accepted, n => n.Reference == m.DedupKey));
        }
    }

    [Fact]
    public async Task InvalidAddress_NotifysValidationMessageRecorded()
    {
        var dedupKey = $"test/{Guid.NewGuid()}";
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
            var council = await db.Councils.SingleAsync(c => c.Slug == NotifyFactory.NotifyCouncil);
            await scope.ServiceProvider.GetRequiredService<Notifier>().QueueAsync(council.Id, council.Slug,
                new Recipient(null, "Nobody", "not-an-address"), new EnquiryCopied { Member = "Cllr Test", Reference = "TEST0001", Subject = "A test" }, dedupKey, "/");
            await db.SaveChangesAsync();
        }

        await DeliverAsync();

        var message = await f.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupKey == dedupKey));
        Assert.Equal(MessageChannel.GovukNotify, message.Channel);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal("GOV.UK Notify answered 400: ValidationError: email_address Not a valid email address", message.LastError);
    }

    [Theory]
    [InlineData(NotifyFactory.NotifyCouncil, null, MessageChannel.GovukNotify)]
    [InlineData(NotifyFactory.NotifyCouncil, "BEGIN:VCALENDAR", MessageChannel.Email)]
    [InlineData("southend-on-sea", null, MessageChannel.Email)]
    public async Task Queue_ChannelByCouncilAndAttachment(string councilSlug, string? calendar, MessageChannel expected)
    {
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        var council = await db.Councils.SingleAsync(c => c.Slug == councilSlug);

        await scope.ServiceProvider.GetRequiredService<Notifier>().QueueAsync(council.Id, council.Slug,
            new Recipient(null, "Someone", "someone@council.test"), new EnquiryCopied { Member = "Cllr Test", Reference = "TEST0001", Subject = "A test" },
            $"test/{Guid.NewGuid()}", "/", calendar);

        var queued = Assert.Single(db.ChangeTracker.Entries<OutboxMessage>()).Entity;
        Assert.Equal(expected, queued.Channel);
    }

    [Fact]
    public async Task NotifyCouncilWithoutKey_HostRefusesSettings()
    {
        await using var app = Hosting.NolanHost.Build(["--Nolan:Notify:Councils:0=west-oxfordshire", $"--Nolan:Notify:TemplateId={Guid.NewGuid()}"]);

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<Hosting.NolanOptions>>().Value);

        Assert.Contains("Nolan:Notify:ApiKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKey_ServiceIdAndSecretAreTheLastTwoUuids()
    {
        var service = Guid.NewGuid().ToString();
        var secret = Guid.NewGuid().ToString();

        Assert.Null(NotifyApiKey.TryParse($"my-key-name-{service}-{secret}", out var key));

        Assert.Equal(new NotifyApiKey(service, secret), key);
        Assert.NotNull(NotifyApiKey.TryParse($"{service}{secret}", out _));
        Assert.NotNull(NotifyApiKey.TryParse("", out _));
    }
}
