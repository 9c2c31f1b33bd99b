using System.Net;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Notifications;

/// <summary>Message previews: Democratic Services and system administrators; sample values only.</summary>
public sealed class TemplatePreviewTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    [Fact]
    public async Task Hub_SeesEveryMessage_AndAPreviewInHtmlAndPlainText()
    {
        var hub = await f.SignInAsync("hub@southend-on-sea.demo");
        var (response, doc) = await hub.GetAsync("/admin/templates");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = doc.QuerySelectorAll("table a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("enquiry-logged", links);
        Assert.Contains("daily-digest", links);
        Assert.Contains("member-weekly-digest", links);
        Assert.DoesNotContain(doc.QuerySelectorAll("table td"), td => td.TextContent.Contains("needs a value", StringComparison.Ordinal));

        var (preview, page) = await hub.GetAsync("/admin/templates/enquiry-holding-reply?council=southend-on-sea");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Overflowing bins on Church Road", page.QuerySelector("[data-testid=preview-html]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=preview-html] a[href]"));
        Assert.Contains("Reason: a contractor", page.QuerySelector("[data-testid=preview-text]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTemplate_OrACouncilNotYours_NotFound()
    {
        var hub = await f.SignInAsync("hub@southend-on-sea.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await hub.GetAsync("/admin/templates/no-such-message")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.GetAsync("/admin/templates?council=cambridge")).Response.StatusCode);

        var admin = await f.SignInAsync("admin@nolan.demo");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/templates?council=cambridge")).Response.StatusCode);
    }

    [Theory]
    [InlineData("member@southend-on-sea.demo")]
    [InlineData("officer@southend-on-sea.demo")]
    [InlineData("mo@southend-on-sea.demo")]
    public async Task OtherRoles_Refused(string email)
    {
        var page = await f.SignInAsync(email);
        var (response, _) = await page.GetAsync("/admin/templates");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
