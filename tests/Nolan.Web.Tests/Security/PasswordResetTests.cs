using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Security;

/// <summary>
/// Forgotten password: a link by email, single use, expiring in an hour; the same answer for an address with no
/// account; a new password ends every session of the account.
/// </summary>
public sealed partial class PasswordResetTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private const string Email = "officer2@southend-on-sea.demo";

    private async Task<string> RequestLinkAsync(string email)
    {
        using var page = f.Anonymous();
        var response = await page.PostFormAsync("/forgot-password", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your email", (await PageClient.ParseAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var body = await f.WithDbAsync(db => db.OutboxMessages.Where(m => m.TemplateKey == "password-reset" && m.ToAddress == email)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.BodyText).FirstOrDefaultAsync());
        return body is null ? "" : Link().Match(body).Groups[1].Value;
    }

    /// <summary>Posts a new password for the token (the antiforgery token from a page that always has a form).</summary>
    private async Task<HttpResponseMessage> ResetAsync(string token, string password, string? confirm = null)
    {
        using var page = f.Anonymous();
        return await page.PostFormAsync("/forgot-password", new() { ["Token"] = token, ["Password"] = password, ["Confirm"] = confirm ?? password },
            $"/reset-password?token={token}");
    }

    [Fact]
    public async Task ForgottenPassword_LinkByEmail_NewPasswordWorks_OldDoesNot_LinkWorksOnce_OtherSessionsEnd()
    {
        var email = await f.WithDbAsync(db => db.Accounts.Where(a => a.Email == Email).Select(a => a.Email).SingleAsync());
        using var elsewhere = await f.SignInAsync(Email);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/enquiries")).Response.StatusCode);

        var token = await RequestLinkAsync(email);
        Assert.Matches("^[0-9a-f]{64}$", token);
        var message = await f.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.TemplateKey == "password-reset" && m.ToAddress == email));
        Assert.Equal(Core.Notifications.OutboxStatus.Pending, message.Status);
        Assert.False(await f.WithDbAsync(db => db.InAppNotifications.AnyAsync(n => n.Link!.Contains("reset-password"))));

        var tooShort = await ResetAsync(token, "short");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("at least 10 characters", (await PageClient.ParseAsync(tooShort)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var mismatch = await ResetAsync(token, "correct horse battery", "correct horse battery staple");
        Assert.Contains("same password twice", (await PageClient.ParseAsync(mismatch)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var done = await ResetAsync(token, "correct horse battery staple");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        using var page = f.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync("/sign-in", new() { ["Email"] = Email, ["Password"] = "correct horse battery staple" })).StatusCode);
        using var old = f.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await old.PostFormAsync("/sign-in", new() { ["Email"] = Email, ["Password"] = Core.Demo.DemoDirectory.Password })).StatusCode);
        // The session signed in before the reset is over.
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/enquiries")).Response.StatusCode);

        var again = await ResetAsync(token, "another long password");
        Assert.Contains("This link cannot be used", (await PageClient.ParseAsync(again)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var visitor = f.Anonymous();
        Assert.Contains("This link cannot be used", (await visitor.GetAsync($"/reset-password?token={token}")).Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "account.password_reset")));
    }

    [Fact]
    public async Task PasswordReset_DoesNotLeaveTheAccountsApiTokensWorking()
    {
        // The defect this prevents: a new password ended the account's sessions but its API tokens went on working, so
        // whoever had taken one kept the account's access through the reset meant to lock them out.
        const string email = "manager@cambridge.demo";
        var api = await f.ApiClientAsync(email);
        var other = await f.ApiClientAsync("officer@cambridge.demo");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var accountId = await f.WithDbAsync(db => db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync());

        var token = await RequestLinkAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await ResetAsync(token, "a new and longer password")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.False(await f.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.AccountId == accountId && t.RevokedAt == null)));
        // Another account's token is untouched.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var tokenIds = await f.WithDbAsync(db => db.ApiTokens.Where(t => t.AccountId == accountId).Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(tokenIds);
        foreach (var id in tokenIds)
        {
            Assert.True(await f.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Stream == $"api_token/{id}" && e.Action == "api_token.revoked" && e.Data.Contains("password reset"))));
        }

        var reset = await f.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Stream == $"account/{accountId}" && e.Action == "account.password_reset"));
        Assert.Contains($"\"tokensRevoked\":{tokenIds.Count}", reset.Data.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AskingAgain_WithinFiveMinutes_NoSecondEmail()
    {
        await RequestLinkAsync("hub@southend-on-sea.demo");
        await RequestLinkAsync("hub@southend-on-sea.demo");

        Assert.Equal(1, await f.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.TemplateKey == "password-reset" && m.ToAddress == "hub@southend-on-sea.demo")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    public async Task ForgotPassword_NoAddress_ErrorSummaryLinksToTheField_NothingSent(string typed)
    {
        using var page = f.Anonymous();
        var before = await f.WithDbAsync(db => db.PasswordResets.CountAsync());

        var response = await page.PostFormAsync("/forgot-password", new() { ["Email"] = typed });

        var doc = await PageClient.ParseAsync(response);
        Assert.Equal("#Email", doc.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(before, await f.WithDbAsync(db => db.PasswordResets.CountAsync()));
    }

    [Fact]
    public async Task UnknownAddress_SameAnswer_NoEmail()
    {
        var token = await RequestLinkAsync("nobody-here@southend-on-sea.demo");
        Assert.Equal("", token);
    }

    [Fact]
    public async Task Link_AfterAnHour_Refused()
    {
        var token = await RequestLinkAsync("member2@southend-on-sea.demo");
        f.Clock.Advance(TimeSpan.FromMinutes(61));
        try
        {
            using var page = f.Anonymous();
            var (_, form) = await page.GetAsync($"/reset-password?token={token}");
            Assert.Contains("This link cannot be used", form.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            var late = await ResetAsync(token, "a perfectly good password");
            Assert.Contains("This link cannot be used", (await PageClient.ParseAsync(late)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            f.Clock.AdjustTime(NolanFactory.DefaultNow);
        }
    }

    [GeneratedRegex(@"/reset-password\?token=([0-9a-f]+)")]
    private static partial Regex Link();
}
