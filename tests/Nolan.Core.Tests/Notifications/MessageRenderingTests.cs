using Nolan.Core.Notifications;

namespace Nolan.Core.Tests.Notifications;

/// <summary>What people type is shown as they typed it: never read as a placeholder, a token or markup.</summary>
public sealed class MessageRenderingTests
{
    private static readonly MessageTemplates Templates = new(Path.Combine(RepoPaths.Root, "templates"));

    private static RenderedMessage Render(string response) =>
        Templates.Render("default", "enquiry-response", new Dictionary<string, string>
        {
            ["name"] = "Councillor Real Name",
            ["reference"] = "SOS-1",
            ["subject"] = "Bins",
            ["officer"] = "Jo Officer",
            ["response"] = response,
            ["link"] = "https://nolan.test/enquiries/1",
            ["settings"] = "https://nolan.test/account/notifications",
        });

    [Theory]
    [InlineData("Dear {{name}}, see {{link}}")]
    [InlineData("NOLANVALUE0X and NOLANVALUE5X")]
    public void UserText_LookingLikeAPlaceholderOrAnInternalToken_KeptAsTyped(string typed)
    {
        var m = Render(typed);

        Assert.Contains(typed, m.Text, StringComparison.Ordinal);
        Assert.Contains(typed, m.Html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(m.Html, "Councillor Real Name"));
    }

    [Fact]
    public void UserText_WithMarkup_Encoded()
    {
        var m = Render("<script>alert(1)</script> *bold*");

        Assert.Contains("&lt;script&gt;", m.Html, StringComparison.Ordinal);
        Assert.Contains("*bold*", m.Html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
