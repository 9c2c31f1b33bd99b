using System.Net;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Security;

/// <summary>
/// Data-protection keys live in the database (Microsoft's EF Core key store), so a sign-in cookie issued by one web
/// node is accepted by another that shares the database and nothing else.
/// </summary>
public sealed class DataProtectionKeyTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    /// <summary>A cookie jar the test can hand from one node's client to another's.</summary>
    private sealed class Jar(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var c in set)
                {
                    cookies.SetCookies(request.RequestUri!, c);
                }
            }

            return response;
        }
    }

    [Fact]
    public async Task SignInCookie_FromOneNode_AcceptedByAnother_KeysInTheDatabase()
    {
        var cookies = new CookieContainer();
        var first = new PageClient(f.CreateDefaultClient(new Jar(cookies)));
        var signIn = await first.PostFormAsync("/sign-in", new() { ["Email"] = "member@cambridge.demo", ["Password"] = Core.Demo.DemoDirectory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(await f.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        // A second node: its own host and key ring, the same database.
        await using var other = f.WithWebHostBuilder(_ => { });
        using var second = other.CreateDefaultClient(new Jar(cookies));
        var page = await second.GetAsync(new Uri("/enquiries", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // Without the cookie the same node sends people to sign in.
        using var anonymous = other.CreateDefaultClient(new Jar(new CookieContainer()));
        var refused = await anonymous.GetAsync(new Uri("/enquiries", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }
}
