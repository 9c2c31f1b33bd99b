using MimeKit;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>The real SMTP server test.sh starts (tests/smtp-sink.py): every message it accepted, as parsed MIME.</summary>
public static class SmtpSink
{
    public static string Host => Environment.GetEnvironmentVariable("NOLAN_TEST_SMTP_HOST") ?? "127.0.0.1";

    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("NOLAN_TEST_SMTP_PORT"), out var p)
        ? p
        : throw new InvalidOperationException("NOLAN_TEST_SMTP_PORT is not set: run the tests with ./test.sh, which starts the SMTP sink");

    public static string Directory => Environment.GetEnvironmentVariable("NOLAN_TEST_SMTP_DIR")
        ?? throw new InvalidOperationException("NOLAN_TEST_SMTP_DIR is not set: run the tests with ./test.sh");

    /// <summary>Messages received whose subject or body contains <paramref name="marker"/> (e.g. an enquiry reference).</summary>
    public static async Task<List<MimeMessage>> MessagesAsync(string marker, int atLeast = 1, int waitSeconds = 10)
    {
        var found = new List<MimeMessage>();
        for (var i = 0; i < waitSeconds * 10; i++)
        {
            found.Clear();
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal))
            {
                var message = await MimeMessage.LoadAsync(file);
                if ((message.Subject ?? "").Contains(marker, StringComparison.Ordinal) || (message.TextBody ?? "").Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(message);
                }
            }

            if (found.Count >= atLeast)
            {
                break;
            }

            await Task.Delay(100);
        }

        return found;
    }
}
