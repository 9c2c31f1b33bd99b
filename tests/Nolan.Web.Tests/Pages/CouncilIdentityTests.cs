using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Pages;

/// <summary>
/// The council's own service: its name, the service's name and its colour on every page, its own footer pages, and none
/// of GOV.UK's identity (crown, gov.uk link, crown copyright, Open Government Licence), which a council may not use.
/// </summary>
public sealed class CouncilIdentityTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static void AssertNoGovUkIdentity(string html)
    {
        Assert.DoesNotContain("https://www.gov.uk", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Crown copyright", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Open Government Licence", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-header__logotype", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-footer__crown", html, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-icon", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_NoCrownNoCrownCopyright_AndTheServicesName()
    {
        using var anonymous = f.Anonymous();

        var (response, page) = await anonymous.GetAsync("/sign-in");

        AssertNoGovUkIdentity(page.DocumentElement.OuterHtml);
        Assert.Equal("Sign in — Members' enquiries", page.Title);
        Assert.Equal("Sign in to Members' enquiries", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A link from a council's email can name the council: the page is then in its name and colour.
        var (_, named) = await anonymous.GetAsync("/sign-in?council=southend-on-sea");
        Assert.Equal("Southend-on-Sea City Council", named.QuerySelector(".nolan-header__council")!.TextContent.Trim());
        Assert.Equal("Sign in — Members' enquiries — Southend-on-Sea City Council", named.Title);
        Assert.NotNull(named.QuerySelector("link[href^='/council-style/southend-on-sea.css']"));
    }

    [Fact]
    public async Task EverySignedInPage_CarriesTheCouncilsName_AndItsFooterPages()
    {
        using var member = await f.SignInAsync("member@southend-on-sea.demo");

        foreach (var url in new[] { "/enquiries", "/enquiries/new", "/notifications", "/protocol", "/help/accessibility" })
        {
            var (response, page) = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = page.DocumentElement.OuterHtml;
            AssertNoGovUkIdentity(html);
            Assert.Equal("Southend-on-Sea City Council", page.QuerySelector(".nolan-header__council")!.TextContent.Trim());
            Assert.EndsWith(" — Members' enquiries — Southend-on-Sea City Council", page.Title, StringComparison.Ordinal);
            var footer = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("/help/accessibility", footer);
            Assert.Contains("/help/privacy", footer);
            Assert.Contains("/help/cookies", footer);
            Assert.Contains("/help/contact", footer);
        }
    }

    [Fact]
    public async Task FooterPages_AnyoneMayRead_AndTheDefaultsSayWhatTheServiceKnows()
    {
        using var anonymous = f.Anonymous();

        var (response, cookies) = await anonymous.GetAsync("/help/cookies?council=cambridge");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cookies", cookies.QuerySelector("h1")!.TextContent.Trim());
        // The list of cookies is the service's own: the sign-in cookie is named.
        Assert.Contains("nolan", cookies.QuerySelector(".nolan-prose")!.TextContent, StringComparison.Ordinal);
        var (_, privacy) = await anonymous.GetAsync("/help/privacy?council=cambridge");
        Assert.Contains("Cambridge City Council is the data controller", privacy.QuerySelector(".nolan-prose")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/help/terms")).Response.StatusCode);
    }

    [Fact]
    public async Task DemocraticServices_ChangeTheServicesNameAndColour_ShownEverywhere_AndAudited()
    {
        using var hub = await f.SignInAsync("hub@district-002.demo");
        try
        {
            var saved = await hub.PostFormAsync("/admin/council", new() { ["ServiceName"] = "Councillor casework", ["BrandColour"] = "#0B0C0C" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            using var member = await f.SignInAsync("member@district-002.demo");
            var (_, page) = await member.GetAsync("/enquiries");
            Assert.EndsWith(" — Councillor casework — " + page.QuerySelector(".nolan-header__council")!.TextContent.Trim(), page.Title, StringComparison.Ordinal);
            Assert.Equal("Councillor casework", page.QuerySelector(".govuk-service-navigation__service-name a")!.TextContent.Trim());
            var sheet = page.QuerySelector("link[href^='/council-style/district-002.css']")!.GetAttribute("href")!;
            var css = await (await member.Http.GetAsync(new Uri(sheet, UriKind.Relative))).Content.ReadAsStringAsync();
            Assert.Contains("background-color: #0b0c0c", css, StringComparison.Ordinal);
            Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "council.identity_changed" && e.Data.Contains("Councillor casework"))));
        }
        finally
        {
            await hub.PostFormAsync("/admin/council", new() { ["ServiceName"] = "Members' enquiries", ["BrandColour"] = "" });
        }
    }

    [Theory]
    [InlineData("#ffdd00", "Choose a darker colour: white text on #ffdd00 has a contrast of 1.3:1")]
    [InlineData("red", "Enter the colour as # and six hexadecimal digits")]
    [InlineData("#1d70b8;}body{display:none", "Enter the colour as # and six hexadecimal digits")]
    public async Task AColourWhiteTextCannotBeReadOn_OrNotAColour_IsRefusedWithAnErrorSummary(string colour, string message)
    {
        using var hub = await f.SignInAsync("hub@cambridge.demo");

        var response = await hub.PostFormAsync("/admin/council", new() { ["ServiceName"] = "Members' enquiries", ["BrandColour"] = colour });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(colour, await f.WithDbAsync(db => db.Councils.Where(c => c.Slug == "cambridge").Select(c => c.BrandColour).SingleAsync()));
    }

    [Fact]
    public async Task AnotherCouncilsHub_CannotChangeThisCouncil()
    {
        using var hub = await f.SignInAsync("hub@cambridge.demo");

        var (response, _) = await hub.GetAsync("/admin/council?council=southend-on-sea");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AFooterPageInTheCouncilsWords_RenderedWithoutScriptsOrScriptLinks_AndBackToTheDefaultWhenEmptied()
    {
        using var hub = await f.SignInAsync("hub@west-oxfordshire.demo");
        const string text = "## Democratic Services\n\nCall [01993 861000](tel:01993861000) or <script>alert(1)</script> write to us.\n\n- [Our website](https://www.westoxon.gov.uk)\n- [Trick](javascript:alert(1))";

        var saved = await hub.PostFormAsync("/admin/council/page/contact", new() { ["Body"] = text });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var member = await f.SignInAsync("member@west-oxfordshire.demo");
        var (_, page) = await member.GetAsync("/help/contact");
        var prose = page.QuerySelector(".nolan-prose")!;
        Assert.Equal("Democratic Services", prose.QuerySelector("h2")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".nolan-prose script"));
        Assert.Contains("<script>", prose.TextContent, StringComparison.Ordinal); // shown as text, not run
        Assert.Equal("tel:01993861000", prose.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(prose.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "council.page_changed")));

        await hub.PostFormAsync("/admin/council/page/contact", new() { ["Body"] = "" });
        var (_, reset) = await member.GetAsync("/help/contact");
        Assert.Contains("has not yet added its contact details", reset.QuerySelector(".nolan-prose")!.TextContent, StringComparison.Ordinal);
    }
}
