using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Security;

/// <summary>
/// Nolan with the council's OpenID Connect provider: a real provider (the certified <c>oidc-provider</c> package, started
/// by ./test.sh), registered with a client for this test host, signed in to through its own login form.
/// </summary>
public class OpenIdConnectFactory : NolanFactory
{
    private static readonly HttpClient Provider = new();

    public OpenIdConnectFactory()
    {
        // The provider's tokens and the handler's cookies are timed by the real clock.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
        (ClientId, ClientSecret) = RegisterAsync().GetAwaiter().GetResult();
    }

    public static string Issuer => Environment.GetEnvironmentVariable("NOLAN_TEST_OIDC_ISSUER")
        ?? throw new InvalidOperationException("NOLAN_TEST_OIDC_ISSUER is not set: run the tests with ./test.sh, which starts an OpenID Connect provider.");

    public string ClientId { get; }

    public string ClientSecret { get; }

    protected virtual bool LocalPasswords => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Nolan:OpenIdConnect:Authority", Issuer);
        builder.UseSetting("Nolan:OpenIdConnect:ClientId", ClientId);
        builder.UseSetting("Nolan:OpenIdConnect:ClientSecret", ClientSecret);
        builder.UseSetting("Nolan:OpenIdConnect:RequireHttpsMetadata", "false");
        builder.UseSetting("Nolan:LocalPasswords", LocalPasswords ? "true" : "false");
    }

    /// <summary>Dynamic client registration (RFC 7591) at the provider, with this host's callback address.</summary>
    private static async Task<(string, string)> RegisterAsync()
    {
        var response = await Provider.PostAsJsonAsync(new Uri(Issuer + "/reg"), new
        {
            redirect_uris = new[] { "http://localhost/signin-oidc" },
            response_types = new[] { "code" },
            grant_types = new[] { "authorization_code" },
            token_endpoint_auth_method = "client_secret_basic",
        });
        response.EnsureSuccessStatusCode();
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (client.GetProperty("client_id").GetString()!, client.GetProperty("client_secret").GetString()!);
    }
}

/// <summary>
/// The same, set up as for a council's own Microsoft Entra ID tenant: local passwords off, and the tenant's addresses
/// taken as verified (Entra ID sends no <c>email_verified</c> claim).
/// </summary>
public sealed class ProviderOnlyFactory : OpenIdConnectFactory
{
    protected override bool LocalPasswords => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Nolan:OpenIdConnect:EmailsAreVerified", "true");
    }
}

public sealed class OpenIdConnectTests(OpenIdConnectFactory f) : IClassFixture<OpenIdConnectFactory>
{
    /// <summary>
    /// Presses the provider's button on the sign-in page, signs in at the provider as <paramref name="login"/> (see
    /// tests/oidc-provider/server.mjs), and follows the redirects back to Nolan. Returns the signed-in client and the
    /// address Nolan sent the browser to at the end.
    /// </summary>
    internal static async Task<(PageClient App, string LandedOn)> SignInWithProviderAsync(NolanFactory factory, string login, string returnUrl = "/")
    {
        var app = factory.Anonymous();
        using var providerHandler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var provider = new HttpClient(providerHandler);
        var response = await app.PostFormAsync($"/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new() { ["ReturnUrl"] = returnUrl },
            $"/sign-in?handler=Provider&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var issuer = new Uri(OpenIdConnectFactory.Issuer);
        var at = new Uri("http://localhost/sign-in");
        for (var hop = 0; hop < 20; hop++)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
            {
                var location = response.Headers.Location!;
                var next = location.IsAbsoluteUri ? location : new Uri(at, location);
                if (next.Authority == issuer.Authority)
                {
                    at = next;
                    response = await provider.GetAsync(next);
                }
                else if (next.Host == "localhost" && next.AbsolutePath == "/signin-oidc")
                {
                    at = next;
                    response = await app.Http.GetAsync(new Uri(next.PathAndQuery, UriKind.Relative));
                }
                else
                {
                    // Back in Nolan: where the browser is sent after sign-in (or after a refusal).
                    return (app, next.PathAndQuery);
                }
            }
            else if (response.StatusCode == HttpStatusCode.OK && at.Authority == issuer.Authority)
            {
                // The provider's login form.
                var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                var form = html.QuerySelector("form") ?? throw new InvalidOperationException("The provider showed no form: " + html.Body?.TextContent);
                var action = new Uri(at, form.GetAttribute("action")!);
                using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" });
                at = action;
                response = await provider.PostAsync(action, body);
            }
            else
            {
                throw new InvalidOperationException($"Sign-in stopped at {at} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        throw new InvalidOperationException("Sign-in went round in circles.");
    }

    [Fact]
    public async Task FirstSignInThroughTheProvider_MatchesTheVerifiedEmail_LinksTheSubject_AndStartsAServerSession()
    {
        var (app, landed) = await SignInWithProviderAsync(f, "member@southend-on-sea.demo", "/enquiries");
        using var _ = app;

        Assert.Equal("/enquiries", landed);
        var page = await app.GetAsync("/enquiries");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var account = await f.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Email == "member@southend-on-sea.demo"));
        Assert.Equal("sub-member@southend-on-sea.demo", account.ExternalSubject);
        var actions = await f.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == account.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("account.linked_to_provider", actions);
        Assert.Contains("account.signed_in", actions);
        Assert.True(await f.WithDbAsync(db => db.Sessions.AnyAsync(s => s.AccountId == account.Id && s.EndedAt == null)));

        // The session is Nolan's own: signing out ends it on the server, as for a password sign-in.
        var signedOut = await app.PostFormAsync("/enquiries", [], "/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }

    [Fact]
    public async Task ALinkedPerson_IsFoundByTheProvidersSubject_WhenTheirEmailHasChanged()
    {
        var (first, _) = await SignInWithProviderAsync(f, "officer@southend-on-sea.demo");
        first.Dispose();

        // The council renames the mailbox at the provider; Nolan still knows the person by the subject.
        var (app, landed) = await SignInWithProviderAsync(f, "renamed.officer@southend-on-sea.demo;sub=sub-officer@southend-on-sea.demo");
        using var _ = app;

        Assert.Equal("/", landed);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }

    [Fact]
    public async Task AnUnverifiedEmail_IsRefused_WithAMessage_AndLinksNothing()
    {
        var (app, landed) = await SignInWithProviderAsync(f, "hub@southend-on-sea.demo;unverified");
        using var _ = app;

        Assert.Equal("/sign-in?failed=email-not-verified", landed);
        var (_, page) = await app.GetAsync(landed);
        Assert.Contains("email address is not verified", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await f.WithDbAsync(db => db.Accounts.Where(a => a.Email == "hub@southend-on-sea.demo").Select(a => a.ExternalSubject).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }

    [Fact]
    public async Task SomeoneWithNoAccount_IsRefused_AndNoAccountIsCreated()
    {
        var before = await f.WithDbAsync(db => db.Accounts.CountAsync());

        var (app, landed) = await SignInWithProviderAsync(f, "stranger@council.test");
        using var _ = app;

        Assert.Equal("/sign-in?failed=no-account", landed);
        Assert.Equal(before, await f.WithDbAsync(db => db.Accounts.CountAsync()));
        var (_, page) = await app.GetAsync(landed);
        Assert.Contains("Ask Democratic Services to add you", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressLinkedToAnotherSubject_IsRefused_SoAReissuedAddressCannotOpenTheOldCasework()
    {
        var (first, _) = await SignInWithProviderAsync(f, "member@west-oxfordshire.demo");
        first.Dispose();

        var (app, landed) = await SignInWithProviderAsync(f, "member@west-oxfordshire.demo;sub=a-new-person");
        using var _ = app;

        Assert.Equal("/sign-in?failed=linked-to-another", landed);
        Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }

    [Fact]
    public async Task ADisabledAccount_IsRefused_ThoughTheProviderSignedThemIn()
    {
        await f.WithDbAsync(db => db.Accounts.Where(a => a.Email == "member2@southend-on-sea.demo").ExecuteUpdateAsync(u => u.SetProperty(a => a.Disabled, true)));
        try
        {
            var (app, landed) = await SignInWithProviderAsync(f, "member2@southend-on-sea.demo");
            using var _ = app;

            Assert.Equal("/sign-in?failed=no-account", landed);
            Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync("/enquiries")).Response.StatusCode);
        }
        finally
        {
            await f.WithDbAsync(db => db.Accounts.Where(a => a.Email == "member2@southend-on-sea.demo").ExecuteUpdateAsync(u => u.SetProperty(a => a.Disabled, false)));
        }
    }

    [Fact]
    public async Task AForgedCallback_GoesBackToTheSignInPage_NotToAnErrorPage()
    {
        using var app = f.Anonymous();

        var response = await app.Http.GetAsync(new Uri("/signin-oidc?code=forged&state=forged", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?failed=provider", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }

    [Fact]
    public async Task TheSignInPage_OffersBoth_WhenLocalPasswordsAreOn()
    {
        using var app = f.Anonymous();

        var (_, page) = await app.GetAsync("/sign-in");

        Assert.Contains("Sign in with your council account", page.QuerySelector("#sign-in-with-provider")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name=Password]"));
        // The button's post is redirected to the provider: browsers check that redirect against the CSP's form-action.
        var csp = (await app.Http.GetAsync(new Uri("/sign-in", UriKind.Relative))).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' " + new Uri(OpenIdConnectFactory.Issuer).GetLeftPart(UriPartial.Authority), csp, StringComparison.Ordinal);
    }
}

public sealed class ProviderOnlyTests(ProviderOnlyFactory f) : IClassFixture<ProviderOnlyFactory>
{
    [Fact]
    public async Task WithLocalPasswordsOff_NoPasswordIsAccepted_AndTheForgottenPasswordPagesAreGone()
    {
        using var app = f.Anonymous();

        var (_, page) = await app.GetAsync("/sign-in");
        Assert.NotNull(page.QuerySelector("#sign-in-with-provider"));
        Assert.Null(page.QuerySelector("input[name=Password]"));
        Assert.Null(page.QuerySelector("a[href='/forgot-password']"));

        // A password posted anyway (a saved form, a script) is not checked at all.
        var posted = await app.PostFormAsync("/sign-in", new() { ["Email"] = "member@southend-on-sea.demo", ["Password"] = Core.Demo.DemoDirectory.Password });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/forgot-password")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/reset-password?token=x")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }

    [Fact]
    public async Task WithLocalPasswordsOff_TheProviderStillSignsPeopleIn_AndATenantsAddressesCountAsVerified()
    {
        var (app, landed) = await OpenIdConnectTests.SignInWithProviderAsync(f, "member@cambridge.demo;unverified");
        using var _ = app;

        Assert.Equal("/", landed);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/enquiries")).Response.StatusCode);
    }
}
