using Microsoft.EntityFrameworkCore;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Security;

/// <summary>Deny by default: every endpoint names a policy or is deliberately anonymous, and anonymous callers are refused.</summary>
public sealed class EndpointAuthorizationTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    /// <summary>The only routes anybody may reach without signing in.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "/sign-in", "/error", "/openapi/{documentName}.json", "/health", "/forgot-password", "/reset-password",
        // The council's footer pages and colour: the same for everyone, no casework.
        "/help/{slug}", "/council-style/{slug}.css",
    };

    private List<RouteEndpoint> Endpoints() =>
        f.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    [Fact]
    public void EveryEndpoint_HasAnAuthorizationPolicyOrIsListedAnonymous()
    {
        var unprotected = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? !Anonymous.Contains(Route(e))
                : !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(Route).Distinct().ToList();
        Assert.True(unprotected.Count == 0, "Endpoints without a named policy: " + string.Join(", ", unprotected));
        Assert.True(Endpoints().Count > 15, "The endpoint list looks too short to be the real one");
    }

    public static TheoryData<string, string> ProtectedRoutes()
    {
        var data = new TheoryData<string, string>();
        var id = Guid.NewGuid();
        foreach (var (method, url) in new[]
        {
            ("GET", "/"), ("GET", "/enquiries"), ("GET", "/enquiries/new"), ("POST", "/enquiries/new"), ($"GET", $"/enquiries/{id}"),
            ("GET", $"/enquiries/{id}/respond"), ("POST", $"/enquiries/{id}/respond"), ("GET", "/protocol"), ("GET", "/account/tokens"),
            ("GET", "/api/v1/me"), ("GET", "/api/v1/enquiries"), ("POST", "/api/v1/enquiries"), ("GET", $"/api/v1/enquiries/{id}"),
            ("POST", $"/api/v1/enquiries/{id}/accept"), ("POST", $"/api/v1/enquiries/{id}/assignment"), ("POST", $"/api/v1/enquiries/{id}/file-notes"),
            ("POST", $"/api/v1/enquiries/{id}/responses"), ("POST", $"/api/v1/enquiries/{id}/holding-replies"), ("POST", $"/api/v1/enquiries/{id}/burden"),
            ("POST", $"/api/v1/enquiries/{id}/burden-agreement"), ("POST", $"/api/v1/enquiries/{id}/complaint"), ("POST", $"/api/v1/enquiries/{id}/close"),
            ("POST", $"/api/v1/enquiries/{id}/copies"), ("POST", $"/api/v1/enquiries/{id}/meetings"), ("GET", $"/api/v1/councils/{id}/wards"), ("GET", $"/api/v1/councils/{id}/services"),
            ("GET", $"/api/v1/councils/{id}/members"), ("GET", $"/api/v1/councils/{id}/officers"),
            ("GET", "/notifications"), ("POST", "/notifications"), ("GET", "/account/notifications"), ("POST", "/account/notifications"),
            ("GET", "/api/v1/notifications"), ("POST", "/api/v1/notifications/read"), ("GET", "/admin/outbox"), ("POST", "/admin/outbox"),
            ("GET", "/admin/templates"), ("GET", "/admin/templates/enquiry-logged"), ("GET", "/account/out-of-office"), ("POST", "/account/out-of-office"),
            ("GET", "/api/v1/me/absence"), ("PUT", "/api/v1/me/absence"), ("DELETE", "/api/v1/me/absence"),
            ("POST", $"/api/v1/enquiries/{id}/complaint-outcome"), ("POST", $"/api/v1/enquiries/{id}/consent-evidence"),
            ("POST", $"/api/v1/enquiries/{id}/release-check"), ("POST", $"/api/v1/enquiries/{id}/urgency"),
            ("POST", $"/api/v1/enquiries/{id}/urgency-dispute"), ("GET", $"/enquiries/{id}/urgency"), ("POST", $"/enquiries/{id}/urgency-dispute"),
            ("GET", $"/enquiries/{id}/release-check"), ("GET", $"/enquiries/{id}/consent-evidence"), ("GET", $"/enquiries/{id}/complaint-outcome"),
            ("POST", $"/api/v1/enquiries/{id}/burden-decision"), ("GET", $"/enquiries/{id}/burden-decision"), ("POST", $"/enquiries/{id}/burden-decision"),
            ("GET", $"/enquiries/{id}/holding-reply"), ("GET", $"/enquiries/{id}/assign"), ("GET", $"/enquiries/{id}/copy"), ("GET", $"/enquiries/{id}/burden"),
            ("GET", $"/enquiries/{id}/agree-burden"), ("GET", $"/enquiries/{id}/complaint"), ("GET", $"/enquiries/{id}/meeting"), ("GET", $"/enquiries/{id}/file-note"),
            ("GET", $"/enquiries/{id}/close"), ("POST", $"/enquiries/{id}/close"), ("GET", $"/account/tokens/revoke?tokenId={id}"),
            ("GET", "/enquiries/export"), ("GET", "/api/v1/enquiries/export.csv"), ("GET", "/monitoring"), ("GET", "/monitoring/report"),
            ("GET", "/monitoring/report.csv"), ("GET", "/admin/council"), ("POST", "/admin/council"),
            ("GET", "/admin/council/page/contact"), ("POST", "/admin/council/page/contact"),
            ("GET", "/data-protection/subject-access"), ("POST", "/data-protection/subject-access"),
        })
        {
            data.Add(method, url);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task ProtectedRoute_Anonymous_RefusedWithoutData(string method, string url)
    {
        var client = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        if (url.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            // Pages send people to sign in; a POST without a session is refused outright by antiforgery or auth.
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized,
                $"{method} {url} gave {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
    }

    public static TheoryData<string, string> RoleRefusals() => new()
    {
        // Only members and the Hub log enquiries.
        { "officer@southend-on-sea.demo", "POST /api/v1/enquiries" },
        { "mo@southend-on-sea.demo", "POST /api/v1/enquiries" },
        { "admin@nolan.demo", "POST /api/v1/enquiries" },
    };

    [Theory]
    [MemberData(nameof(RoleRefusals))]
    public async Task RoleLackingPolicy_Refused403(string email, string route)
    {
        var api = await f.ApiClientAsync(email);
        var parts = route.Split(' ');
        var response = await api.PostJsonAsync(parts[1], new { subject = "s", details = "d" });
        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("officer@southend-on-sea.demo", "/enquiries/new")]
    [InlineData("admin@nolan.demo", "/enquiries?scope=mine")]
    [InlineData("member@southend-on-sea.demo", "/enquiries?scope=triage")]
    [InlineData("member@southend-on-sea.demo", "/enquiries?scope=assigned-to-me")]
    [InlineData("member@southend-on-sea.demo", "/account/out-of-office")]
    [InlineData("officer@southend-on-sea.demo", "/admin/templates")]
    [InlineData("member@southend-on-sea.demo", "/admin/council")]
    [InlineData("officer@southend-on-sea.demo", "/admin/council")]
    [InlineData("mo@southend-on-sea.demo", "/admin/council/page/contact")]
    [InlineData("member@southend-on-sea.demo", "/data-protection/subject-access")]
    [InlineData("officer@southend-on-sea.demo", "/data-protection/subject-access")]
    [InlineData("hub@southend-on-sea.demo", "/data-protection/subject-access")]
    [InlineData("ceo@southend-on-sea.demo", "/data-protection/subject-access")]
    [InlineData("admin@nolan.demo", "/data-protection/subject-access")]
    public async Task Page_RoleLacking_Forbidden(string email, string url)
    {
        var page = await f.SignInAsync(email);
        var (response, _) = await page.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Directory_CouncilYouDoNotActIn_404()
    {
        var api = await f.ApiClientAsync("member@southend-on-sea.demo");
        var cambridge = await f.CouncilIdAsync("cambridge");
        var response = await api.GetAsync(new Uri($"/api/v1/councils/{cambridge}/members", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.NotFound);
        var officers = await api.GetAsync(new Uri($"/api/v1/councils/{await f.CouncilIdAsync("southend-on-sea")}/officers", UriKind.Relative));
        await officers.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SecurityHeaders_OnEveryPage()
    {
        var response = await f.CreateClient().GetAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    public static TheoryData<string, string, string> NewActionRefusals() => new()
    {
        // Seen, but not theirs to do: 403.
        { "member@south-oxfordshire.demo", "urgency", "{\"version\":2,\"urgent\":true,\"reason\":\"r\"}" },
        { "member@south-oxfordshire.demo", "release-check", "{\"version\":2,\"text\":\"t\"}" },
        { "member@south-oxfordshire.demo", "complaint-outcome", "{\"version\":2,\"text\":\"t\"}" },
        { "hub@south-oxfordshire.demo", "urgency-dispute", "{\"reason\":\"r\"}" },
        // Not seen at all: 404, as if it did not exist.
        { "officer2@south-oxfordshire.demo", "urgency", "{\"version\":2,\"urgent\":true,\"reason\":\"r\"}" },
        { "member2@south-oxfordshire.demo", "urgency-dispute", "{\"reason\":\"r\"}" },
        { "mo@south-oxfordshire.demo", "consent-evidence", "{\"text\":\"t\"}" },
        // The Monitoring Officer decides a burden only once it is referred to them; until then they do not see it.
        { "member@south-oxfordshire.demo", "burden-decision", "{\"version\":2,\"provide\":false,\"reason\":\"r\"}" },
        { "hub@south-oxfordshire.demo", "burden-decision", "{\"version\":2,\"provide\":false,\"reason\":\"r\"}" },
        { "mo@south-oxfordshire.demo", "burden-decision", "{\"version\":2,\"provide\":false,\"reason\":\"r\"}" },
    };

    [Theory]
    [MemberData(nameof(NewActionRefusals))]
    public async Task NewEnquiryActions_RoleLacking_403_Unrelated_404_NothingWritten(string email, string action, string body)
    {
        var hub = await f.ApiClientAsync("hub@south-oxfordshire.demo");
        var memberId = await f.MemberIdAsync("member@south-oxfordshire.demo");
        var e = await hub.LogAsync(new { memberId, channel = "email", subject = "Refusals " + Guid.NewGuid(), details = "d", urgentBecause = "Tonight." });
        var officerId = await f.OfficerIdAsync("officer@south-oxfordshire.demo");
        var id = e.GetProperty("id").GetString();
        await hub.PostJsonAsync($"/api/v1/enquiries/{id}/assignment", new { version = 1, officerId });
        var before = await f.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityId == Guid.Parse(id!)));

        var api = await f.ApiClientAsync(email);
        var response = await api.PostRawAsync($"/api/v1/enquiries/{id}/{action}", body);

        var sees = email.StartsWith("member@", StringComparison.Ordinal) || email.StartsWith("hub@", StringComparison.Ordinal);
        await response.ProblemAsync(sees ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
        Assert.Equal(before, await f.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityId == Guid.Parse(id!))));
    }
}
