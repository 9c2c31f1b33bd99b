using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Nolan.Core.Notifications;

/// <summary>SMTP settings: server, TLS, authentication, and the sender, with a sender per council.</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> (upgrade on port 587), <c>SslOnConnect</c> (port 465), or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "nolan@localhost";
    public string FromName { get; set; } = "Nolan";

    /// <summary>Per-council sender, by council id, e.g. Democratic Services' own address.</summary>
    public Dictionary<string, string> CouncilFromAddress { get; set; } = [];
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Sends email with MailKit over one connection for a batch.</summary>
public sealed class SmtpSenderFactory(SmtpSettings settings) : IMessageSenderFactory
{
    public async Task<IMessageSender> OpenAsync(MessageChannel channel, CancellationToken ct)
    {
        if (channel != MessageChannel.Email)
        {
            throw new NotSupportedException($"No sender for {channel}.");
        }

        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }

        return new SmtpSender(client, settings);
    }

    private sealed class SmtpSender(SmtpClient client, SmtpSettings settings) : IMessageSender
    {
        public MessageChannel Channel => MessageChannel.Email;

        public async Task SendAsync(OutboxMessage m, CancellationToken ct)
        {
            var from = m.CouncilId is { } c && settings.CouncilFromAddress.TryGetValue(c.ToString(), out var addr) ? addr : settings.FromAddress;
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(settings.FromName, from));
            message.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
            message.Subject = m.Subject;
            message.MessageId = OutboxDelivery.MessageId(m, MailboxAddress.Parse(from).Domain);
            message.Date = m.CreatedAt;
            var body = new BodyBuilder { TextBody = m.BodyText, HtmlBody = m.BodyHtml };
            if (m.Calendar is not null)
            {
                body.Attachments.Add("invite.ics", System.Text.Encoding.UTF8.GetBytes(m.Calendar), new ContentType("text", "calendar") { Parameters = { { "method", "REQUEST" } } });
            }

            message.Body = body.ToMessageBody();
            await client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(true);
                }
                catch (Exception e) when (e is IOException or SmtpProtocolException)
                {
                    // The messages were sent; a failed QUIT changes nothing.
                }
            }

            client.Dispose();
        }
    }
}
