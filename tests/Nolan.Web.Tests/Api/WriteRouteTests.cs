using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Api;

/// <summary>
/// What the API says happened, happened: every write route in the OpenAPI document is sent, with and without an
/// <c>Idempotency-Key</c>, and the result is read back. A keyed retry replays the first answer and changes nothing.
/// A write route added without a case here fails <see cref="OpenApi_EveryWriteRoute_HasACase"/>.
/// </summary>
public sealed class WriteRouteTests(NolanFactory factory) : IClassFixture<NolanFactory>
{
    private readonly NolanFactory f = factory;

    /// <summary>One write: who sends what, and the GET that shows its result as the sender now sees it.</summary>
    private sealed record Write(HttpClient Client, HttpMethod Method, string Url, object? Body, string ReadBack,
        Func<JsonElement, JsonElement, Task>? Check = null);

    private static readonly Dictionary<string, Func<WriteRouteTests, Task<Write>>> Cases = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/enquiries"] = async t =>
        {
            var member = await t.f.ApiClientAsync("member@west-oxfordshire.demo");
            return new Write(member, HttpMethod.Post, "/api/v1/enquiries",
                new { subject = "Street light out " + Guid.NewGuid(), details = "Outside number 4." }, "{location}");
        },
        ["POST /api/v1/enquiries/{id}/accept"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "accept", new { version = Version(e) });
        },
        ["POST /api/v1/enquiries/{id}/assignment"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            var officerId = await t.f.OfficerIdAsync("officer@west-oxfordshire.demo");
            return Action(manager, e, "assignment", new { version = Version(e), officerId, note = "Please answer" });
        },
        ["POST /api/v1/enquiries/{id}/file-notes"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "file-notes", new { text = "Phoned the member." });
        },
        ["POST /api/v1/enquiries/{id}/responses"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "responses", new { version = Version(e), body = "The light will be fixed on Friday." });
        },
        ["POST /api/v1/enquiries/{id}/holding-replies"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "holding-replies", new { version = Version(e), reason = "Waiting for the contractor" });
        },
        ["POST /api/v1/enquiries/{id}/burden"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "burden", new { text = "It asks for ten years of records." });
        },
        ["POST /api/v1/enquiries/{id}/burden-decision"] = async t =>
        {
            // South Oxfordshire para 83 allows refusal and names nobody to decide: the Monitoring Officer decides.
            var (officer, e) = await t.UrgentAssignedAsync();
            var raised = await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/burden", new { text = "Ten years of records.", referForDecision = true });
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
            var mo = await t.f.ApiClientAsync("mo@south-oxfordshire.demo");
            var seen = await ReadAsync(mo, $"/api/v1/enquiries/{Id(e)}");
            return Action(mo, seen, "burden-decision", new { version = Version(seen), provide = false, reason = "Marginal benefit for weeks of work." });
        },
        ["POST /api/v1/enquiries/{id}/burden-agreement"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "burden-agreement", new { version = Version(e), approach = "A summary of the last two years" });
        },
        ["POST /api/v1/enquiries/{id}/complaint"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "complaint", new { version = Version(e), reason = "It is a complaint about the crew" });
        },
        ["POST /api/v1/enquiries/{id}/complaint-outcome"] = async t =>
        {
            // Cambridge 7.4 gives complaints a 10-working-day deadline: the Hub records the outcome.
            var hub = await t.f.ApiClientAsync("hub@cambridge.demo");
            var member = await t.f.MemberIdAsync("member@cambridge.demo");
            var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Complaint " + Guid.NewGuid(), details = "d" });
            var moved = await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/complaint", new { version = Version(e), reason = "A complaint about a repair" });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            var m = await moved.JsonAsync();
            return Action(hub, m, "complaint-outcome", new { version = Version(m), text = "Upheld: the repair is booked." });
        },
        ["POST /api/v1/enquiries/{id}/consent-evidence"] = async t =>
        {
            var member = await t.f.ApiClientAsync("member@district-002.demo");
            var e = await member.LogAsync(new { subject = "Consent " + Guid.NewGuid(), details = "d", hasConstituentData = true });
            return new Write(member, HttpMethod.Post, $"/api/v1/enquiries/{Id(e)}/consent-evidence", new { text = "Email from the resident" }, $"/api/v1/enquiries/{Id(e)}");
        },
        ["POST /api/v1/enquiries/{id}/release-check"] = async t =>
        {
            // 002 16.8: the officer's line manager records the check.
            var hub = await t.f.ApiClientAsync("hub@district-002.demo");
            var member = await t.f.MemberIdAsync("member@district-002.demo");
            var e = await hub.LogAsync(new { memberId = member, channel = "email", subject = "Contract " + Guid.NewGuid(), details = "d" });
            var officerId = await t.f.OfficerIdAsync("officer@district-002.demo");
            var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
            var manager = await t.f.ApiClientAsync("manager@district-002.demo");
            return Action(manager, assigned, "release-check", new { version = Version(assigned), text = "Terms may be released." });
        },
        ["POST /api/v1/enquiries/{id}/urgency"] = async t =>
        {
            var (officer, e) = await t.UrgentAssignedAsync();
            return Action(officer, e, "urgency", new { version = Version(e), urgent = true, reason = "It is." });
        },
        ["POST /api/v1/enquiries/{id}/urgency-dispute"] = async t =>
        {
            var (officer, e) = await t.UrgentAssignedAsync();
            var decided = await (await officer.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/urgency", new { version = Version(e), urgent = false, reason = "Not today." })).JsonAsync();
            var member = await t.f.ApiClientAsync("member@south-oxfordshire.demo");
            return Action(member, decided, "urgency-dispute", new { reason = "It floods." });
        },
        ["POST /api/v1/enquiries/{id}/close"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            var answered = await manager.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/responses", new { version = Version(e), body = "Done." });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var a = await answered.JsonAsync();
            return Action(manager, a, "close", new { version = Version(a) });
        },
        ["POST /api/v1/enquiries/{id}/meetings"] = async t =>
        {
            var (manager, e) = await t.WestOxfordshireAssignedAsync();
            return Action(manager, e, "meetings", new
            {
                start = "2026-11-10T10:00:00+00:00",
                end = "2026-11-10T11:00:00+00:00",
                location = "The alley behind the High Street",
            });
        },
        ["POST /api/v1/enquiries/{id}/copies"] = async t =>
        {
            var member = await t.f.ApiClientAsync("member@west-oxfordshire.demo");
            var e = await member.LogAsync(new { subject = "Copy me", details = "d" });
            var other = await t.f.MemberIdAsync("member2@west-oxfordshire.demo");
            return Action(member, e, "copies", new { memberId = other });
        },
        ["PUT /api/v1/me/absence"] = async t =>
        {
            var officer = await t.NewOfficerClientAsync();
            var cover = await t.f.OfficerIdAsync("manager@west-oxfordshire.demo");
            return new Write(officer, HttpMethod.Put, "/api/v1/me/absence",
                new { awayFrom = "2026-11-09", awayUntil = "2026-11-13", coverOfficerId = cover }, "/api/v1/me/absence");
        },
        ["DELETE /api/v1/me/absence"] = async t =>
        {
            var officer = await t.NewOfficerClientAsync();
            var cover = await t.f.OfficerIdAsync("manager@west-oxfordshire.demo");
            var set = await SendAsync(officer, HttpMethod.Put, "/api/v1/me/absence",
                new { awayFrom = "2026-11-09", awayUntil = "2026-11-13", coverOfficerId = cover }, null);
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            return new Write(officer, HttpMethod.Delete, "/api/v1/me/absence", null, "/api/v1/me/absence", (_, readBack) =>
            {
                Assert.Equal(404, readBack.GetProperty("status").GetInt32());
                return Task.CompletedTask;
            });
        },
        ["POST /api/v1/notifications/read"] = async t =>
        {
            // Logging an enquiry routed to the manager gives the manager an unread notification.
            var (manager, _) = await t.WestOxfordshireAssignedAsync();
            return new Write(manager, HttpMethod.Post, "/api/v1/notifications/read", new { }, "/api/v1/notifications", (response, readBack) =>
            {
                Assert.True(response.GetProperty("marked").GetInt32() >= 1);
                Assert.Equal(0, readBack.GetProperty("unread").GetInt32());
                return Task.CompletedTask;
            });
        },
    };

    public static TheoryData<string, bool> Routes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var route in Cases.Keys)
        {
            data.Add(route, false);
            data.Add(route, true);
        }

        return data;
    }

    [Fact]
    public async Task OpenApi_EveryWriteRoute_HasACase()
    {
        var doc = await (await f.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        var writes = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "post" or "put" or "patch" or "delete")
                {
                    writes.Add($"{op.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(writes.Count >= 15, "The OpenAPI document lists too few write routes to be the real one: " + string.Join(", ", writes));
        var missing = writes.Where(w => !Cases.ContainsKey(w)).ToList();
        Assert.True(missing.Count == 0, "Write routes with no read-back test: " + string.Join(", ", missing));
        var stale = Cases.Keys.Where(k => !writes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Cases for routes the OpenAPI document no longer lists: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WriteRoute_ReadBack_ShowsExactlyWhatTheResponseSaid(string route, bool withKey)
    {
        var w = await Cases[route](this);
        var key = withKey ? "test-" + Guid.NewGuid() : null;

        var first = await SendAsync(w.Client, w.Method, w.Url, w.Body, key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.True(first.IsSuccessStatusCode, $"{route}: {(int)first.StatusCode} {firstText}");
        var readBackUrl = w.ReadBack == "{location}" ? first.Headers.Location!.ToString() : w.ReadBack;
        var afterFirst = await ReadAsync(w.Client, readBackUrl);
        await AssertDescribesAsync(route, w, firstText, afterFirst);

        if (!withKey)
        {
            return;
        }

        // The retry of a lost response: the same answer, marked as a replay, and nothing done twice.
        var second = await SendAsync(w.Client, w.Method, w.Url, w.Body, key);
        var secondText = await second.Content.ReadAsStringAsync();
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        if (firstText.Length > 0)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(firstText), JsonNode.Parse(secondText)), $"{route}: replay differs\n{firstText}\n{secondText}");
        }

        var afterSecond = await ReadAsync(w.Client, readBackUrl);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(afterFirst.GetRawText()), JsonNode.Parse(afterSecond.GetRawText())),
            $"{route}: the replay changed something\n{afterFirst}\n{afterSecond}");
    }

    [Fact]
    public async Task IdempotencyKey_OnAnAction_Committed_NotRolledBack()
    {
        // The defect this prevents: an action sent with a key answered 200 with the change, and rolled it back.
        var (manager, e) = await WestOxfordshireAssignedAsync();
        var response = await SendAsync(manager, HttpMethod.Post, $"/api/v1/enquiries/{Id(e)}/accept", new { version = Version(e) }, "accept-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = await f.WithDbAsync(db => db.Enquiries.Where(x => x.Id == Guid.Parse(Id(e))).Select(x => x.AcceptedAt).SingleAsync());
        Assert.NotNull(accepted);
    }

    [Fact]
    public async Task IdempotencyKey_ReusedAfterItExpired_IsANewRequest()
    {
        var (manager, e) = await WestOxfordshireAssignedAsync();
        var key = "note-" + Guid.NewGuid();
        var url = $"/api/v1/enquiries/{Id(e)}/file-notes";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(manager, HttpMethod.Post, url, new { text = "First call" }, key)).StatusCode);
        await AgeRecordAsync(key, TimeSpan.FromHours(25));

        var again = await SendAsync(manager, HttpMethod.Post, url, new { text = "First call" }, key);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        var notes = await f.WithDbAsync(db => db.EnquiryActivities.CountAsync(a => a.EnquiryId == Guid.Parse(Id(e)) && a.Kind == Core.Enquiries.ActivityKind.FileNote));
        Assert.Equal(2, notes);
    }

    [Fact]
    public async Task IdempotencyRecords_OlderThanTheirLifetime_ArePurged()
    {
        var (manager, e) = await WestOxfordshireAssignedAsync();
        var key = "purge-" + Guid.NewGuid();
        await SendAsync(manager, HttpMethod.Post, $"/api/v1/enquiries/{Id(e)}/file-notes", new { text = "A note" }, key);
        var fresh = "fresh-" + Guid.NewGuid();
        await SendAsync(manager, HttpMethod.Post, $"/api/v1/enquiries/{Id(e)}/file-notes", new { text = "Another note" }, fresh);
        await AgeRecordAsync(key, TimeSpan.FromHours(25));

        var purged = await f.WithDbAsync(db => Nolan.Web.Api.IdempotencyPurge.PurgeAsync(db, f.Clock.GetUtcNow().AddHours(-24), default));
        Assert.True(purged >= 1);
        Assert.False(await f.WithDbAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == key)));
        Assert.True(await f.WithDbAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == fresh)));
    }

    /// <summary>Makes a recorded key look <paramref name="age"/> old, as if the request had been sent then.</summary>
    private Task<int> AgeRecordAsync(string key, TimeSpan age) =>
        f.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, f.Clock.GetUtcNow() - age)));

    [Fact]
    public async Task Southend_EnquiryNamingAService_RoutedToHub_NoAssigneeInResponseOrStoreAndManagerNotTold()
    {
        // Southend routes everything to the Members Support Hub first (9.1.2), even when the member names a service.
        var member = await f.ApiClientAsync("member@southend-on-sea.demo");
        var service = await f.ServiceIdAsync("southend-on-sea", "Waste and recycling");
        var managerAccount = await f.WithDbAsync(db => db.Officers.Where(o => o.Id == db.Services.Single(s => s.Id == service).ManagerId)
            .Select(o => o.AccountId).SingleAsync());
        var e = await member.LogAsync(new { subject = "Bins " + Guid.NewGuid(), details = "Missed again.", serviceId = service });

        Assert.Equal("open", e.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("assignedOfficer").ValueKind);
        var stored = await f.WithDbAsync(db => db.Enquiries.Where(x => x.Id == Guid.Parse(Id(e))).Select(x => x.AssignedOfficerId).SingleAsync());
        Assert.Null(stored);
        var told = await f.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"enquiry/{Id(e)}/") && m.RecipientAccountId == managerAccount));
        Assert.Equal(0, told);
    }

    private static Write Action(HttpClient client, JsonElement e, string action, object body) =>
        new(client, HttpMethod.Post, $"/api/v1/enquiries/{Id(e)}/{action}", body, $"/api/v1/enquiries/{Id(e)}");

    private static async Task AssertDescribesAsync(string route, Write w, string responseText, JsonElement readBack)
    {
        if (w.Check is not null)
        {
            var response = responseText.Length == 0 ? default : JsonDocument.Parse(responseText).RootElement;
            await w.Check(response, readBack);
            return;
        }

        // The response is the item exactly as a read straight after shows it.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(responseText), JsonNode.Parse(readBack.GetRawText())),
            $"{route}: the response does not describe what was committed\nresponse: {responseText}\nread back: {readBack}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string? key)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The read-back body; a problem's <c>traceId</c>, which differs on every request, is left out.</summary>
    private static async Task<JsonElement> ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (node is JsonObject o)
        {
            o.Remove("traceId");
        }

        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    /// <summary>A new enquiry about Waste and recycling in West Oxfordshire: assigned to the service manager (29).</summary>
    private async Task<(HttpClient Manager, JsonElement Enquiry)> WestOxfordshireAssignedAsync()
    {
        var member = await f.ApiClientAsync("member@west-oxfordshire.demo");
        var service = await f.ServiceIdAsync("west-oxfordshire", "Waste and recycling");
        var e = await member.LogAsync(new { subject = "Bins " + Guid.NewGuid(), details = "Whole street missed.", serviceId = service });
        return (await f.ApiClientAsync("manager@west-oxfordshire.demo"), e);
    }

    /// <summary>A South Oxfordshire enquiry asked for as urgent, assigned to officer@ (who decides, para 30).</summary>
    private async Task<(HttpClient Officer, JsonElement Enquiry)> UrgentAssignedAsync()
    {
        var hub = await f.ApiClientAsync("hub@south-oxfordshire.demo");
        var memberId = await f.MemberIdAsync("member@south-oxfordshire.demo");
        var e = await hub.LogAsync(new { memberId, channel = "email", subject = "Urgent " + Guid.NewGuid(), details = "d", urgentBecause = "Tonight." });
        var officerId = await f.OfficerIdAsync("officer@south-oxfordshire.demo");
        var assigned = await (await hub.PostJsonAsync($"/api/v1/enquiries/{Id(e)}/assignment", new { version = Version(e), officerId })).JsonAsync();
        return (await f.ApiClientAsync("officer@south-oxfordshire.demo"), assigned);
    }

    /// <summary>An officer whose absence only these cases change (they run one after another).</summary>
    private Task<HttpClient> NewOfficerClientAsync() => f.ApiClientAsync("officer2@west-oxfordshire.demo");

    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;
}
