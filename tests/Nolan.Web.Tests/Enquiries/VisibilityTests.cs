using System.Net;
using System.Text.Json;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>
/// An enquiry is visible to the raising member, the assigned officer and their line manager, the council's Hub,
/// and members it was explicitly copied to; to everybody else it does not exist (404, not 403).
/// </summary>
public sealed class VisibilityTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private async Task<string> AssignedSouthendEnquiryAsync()
    {
        var member = await f.ApiClientAsync("member@southend-on-sea.demo");
        var e = await member.LogAsync(new { subject = "Confidential: neighbour dispute", details = "Private details." });
        var hub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var officerId = await f.OfficerIdAsync("officer@southend-on-sea.demo");
        var response = await hub.PostJsonAsync($"/api/v1/enquiries/{e.GetProperty("id").GetString()}/assignment",
            new { version = e.GetProperty("version").GetInt32(), officerId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return e.GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData("member@southend-on-sea.demo", HttpStatusCode.OK)]
    [InlineData("officer@southend-on-sea.demo", HttpStatusCode.OK)]
    [InlineData("manager@southend-on-sea.demo", HttpStatusCode.OK)]
    [InlineData("hub@southend-on-sea.demo", HttpStatusCode.OK)]
    [InlineData("member2@southend-on-sea.demo", HttpStatusCode.NotFound)]
    [InlineData("officer2@southend-on-sea.demo", HttpStatusCode.NotFound)]
    [InlineData("mo@southend-on-sea.demo", HttpStatusCode.NotFound)]
    [InlineData("ceo@southend-on-sea.demo", HttpStatusCode.NotFound)]
    [InlineData("admin@nolan.demo", HttpStatusCode.NotFound)]
    [InlineData("member@cambridge.demo", HttpStatusCode.NotFound)]
    [InlineData("hub@cambridge.demo", HttpStatusCode.NotFound)]
    public async Task ReadEnquiry_ByRole_OnlyThoseEntitledSeeIt(string email, HttpStatusCode expected)
    {
        var id = await AssignedSouthendEnquiryAsync();
        var api = await f.ApiClientAsync(email);

        var response = await api.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Private details", body, StringComparison.Ordinal);
            Assert.DoesNotContain("neighbour", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("member2@southend-on-sea.demo")]
    [InlineData("officer2@southend-on-sea.demo")]
    [InlineData("mo@southend-on-sea.demo")]
    [InlineData("admin@nolan.demo")]
    public async Task ActOnEnquiry_NotEntitled_404(string email)
    {
        var id = await AssignedSouthendEnquiryAsync();
        var api = await f.ApiClientAsync(email);
        var response = await api.PostJsonAsync($"/api/v1/enquiries/{id}/file-notes", new { text = "sneaky" });
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReadEnquiry_Anonymous_401()
    {
        var id = await AssignedSouthendEnquiryAsync();
        var response = await f.CreateClient().GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative));
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadEnquiry_RevokedOrBogusToken_401()
    {
        var client = f.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "nolan_not-a-real-token");
        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MemberAction_OfficerOnlyStep_403()
    {
        var id = await AssignedSouthendEnquiryAsync();
        var member = await f.ApiClientAsync("member@southend-on-sea.demo");
        var response = await member.PostJsonAsync($"/api/v1/enquiries/{id}/file-notes", new { text = "I am the member" });
        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CopiedEnquiry_CopiedMemberSeesIt_AndOriginalMemberSeesTheCopy()
    {
        var id = await AssignedSouthendEnquiryAsync();
        var owner = await f.ApiClientAsync("member@southend-on-sea.demo");
        var other = await f.ApiClientAsync("member2@southend-on-sea.demo");
        var otherId = await f.MemberIdAsync("member2@southend-on-sea.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).StatusCode);

        var copy = await owner.PostJsonAsync($"/api/v1/enquiries/{id}/copies", new { memberId = otherId });
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).StatusCode);
        var ownerView = await (await owner.GetAsync(new Uri($"/api/v1/enquiries/{id}", UriKind.Relative))).JsonAsync();
        Assert.Contains(otherId.ToString(), ownerView.GetProperty("copiedTo").EnumerateArray().Select(c => c.GetProperty("memberId").GetString()));
        var list = await (await other.GetAsync(new Uri("/api/v1/enquiries?scope=mine", UriKind.Relative))).JsonAsync();
        Assert.Contains(id, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task MyEnquiriesList_OtherMember_DoesNotIncludeIt()
    {
        var id = await AssignedSouthendEnquiryAsync();
        var other = await f.ApiClientAsync("member2@southend-on-sea.demo");
        var list = await (await other.GetAsync(new Uri("/api/v1/enquiries?scope=mine&stage=all", UriKind.Relative))).JsonAsync();
        Assert.DoesNotContain(id, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TriageList_OtherCouncilsHub_DoesNotIncludeIt()
    {
        var member = await f.ApiClientAsync("member@southend-on-sea.demo");
        var e = await member.LogAsync(new { subject = "Open in Southend", details = "d" });
        var cambridgeHub = await f.ApiClientAsync("hub@cambridge.demo");
        var southendHub = await f.ApiClientAsync("hub@southend-on-sea.demo");
        var theirs = await (await cambridgeHub.GetAsync(new Uri("/api/v1/enquiries?scope=triage", UriKind.Relative))).JsonAsync();
        var ours = await (await southendHub.GetAsync(new Uri("/api/v1/enquiries?scope=triage", UriKind.Relative))).JsonAsync();
        var id = e.GetProperty("id").GetString();
        Assert.DoesNotContain(id, theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Contains(id, ours.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task EnquiryPage_OtherMember_404()
    {
        var id = await AssignedSouthendEnquiryAsync();
        var page = await f.SignInAsync("member2@southend-on-sea.demo");
        var (response, _) = await page.GetAsync($"/enquiries/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var own = await f.SignInAsync("member@southend-on-sea.demo");
        var (ok, doc) = await own.GetAsync($"/enquiries/{id}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("neighbour dispute", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
