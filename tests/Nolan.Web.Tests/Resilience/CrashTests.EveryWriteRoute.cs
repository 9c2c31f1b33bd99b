using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Resilience;

/// <summary>
/// The crash test over every write route: while each write route of the OpenAPI document (and the token and
/// notification-settings pages) is being used by the roles that use it, the server is killed with SIGKILL; after a
/// restart every write that was acknowledged is read back through the API, keyed writes replay their first answer, and
/// <c>verify-audit</c> passes. A write route added to the API without a part in this load fails the test.
/// </summary>
public sealed partial class CrashTests
{
    private static readonly HtmlParser Html = new();

    /// <summary>
    /// One acknowledged write and how to find it again: the GET that shows it, as its sender sees it, and a check on that
    /// GET's body that returns what is missing (null when it is there).
    /// </summary>
    private sealed record Ack(string Route, HttpClient Client, string ReadBack, Func<string, string?> Check, Replay? Replay = null);

    /// <summary>A keyed write, to send again after the restart: it must replay its first answer.</summary>
    private sealed record Replay(HttpMethod Method, string Url, string Body, string Key, HttpStatusCode Status);

    /// <summary>A write that was refused or whose answer never came: the chain it belongs to starts again.</summary>
    private sealed class Aborted : Exception;

    /// <summary>The load: who sends what, what was acknowledged and what was refused that should not have been.</summary>
    private sealed class Load
    {
        public ConcurrentBag<Ack> Acks { get; } = [];

        public ConcurrentQueue<string> Refused { get; } = [];

        /// <summary>Writes whose answer never came (in flight at the kill, or timed out): their outcome is unknown.</summary>
        public ConcurrentQueue<string> Unanswered { get; } = [];

        public CancellationTokenSource Stop { get; } = new();

        /// <summary>
        /// Sends one write (with an <c>Idempotency-Key</c> half the time). A 2xx is recorded with what shows it; a
        /// refusal is recorded as unexpected (the chains only ask what their roles may do); a lost answer is neither.
        /// </summary>
        public async Task<JsonElement> WriteAsync(string route, HttpClient client, HttpMethod method, string url, object? body,
            Func<JsonElement, (string ReadBack, Func<string, string?> Check)> shows)
        {
            var json = body is null ? null : JsonSerializer.Serialize(body);
            var key = Random.Shared.Next(2) == 0 ? "crash-" + Guid.NewGuid().ToString("N") : null;
            HttpResponseMessage response;
            string text;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                if (key is not null)
                {
                    request.Headers.Add("Idempotency-Key", key);
                }

                response = await client.SendAsync(request);
                text = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Unanswered.Enqueue(route);
                throw new Aborted(); // Never acknowledged: the server died under it.
            }

            if (!response.IsSuccessStatusCode)
            {
                if (!Stop.IsCancellationRequested)
                {
                    Refused.Enqueue($"{route} {url}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }

                throw new Aborted();
            }

            var answer = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            var (readBack, check) = shows(answer);
            Acks.Add(new Ack(route, client, readBack, check,
                key is null ? null : new Replay(method, url, json ?? "", key, response.StatusCode)));
            return answer;
        }

        /// <summary>Runs a chain of writes over and over until the kill.</summary>
        public Task RunAsync(Func<int, Task> chain) => Task.Run(async () =>
        {
            for (var i = 0; !Stop.IsCancellationRequested; i++)
            {
                try
                {
                    await chain(i);
                }
                catch (Exception e) when (e is Aborted or HttpRequestException or TaskCanceledException or IOException or JsonException
                    or InvalidOperationException or KeyNotFoundException)
                {
                    // A refused or lost write ends this round of the chain; refusals are reported at the end.
                    if (!Stop.IsCancellationRequested)
                    {
                        await Task.Delay(20);
                    }
                }
            }
        });
    }

    /// <summary>Shows an enquiry action: the enquiry has the activity, the marker, and at least the version the answer gave.</summary>
    private static Func<JsonElement, (string, Func<string, string?>)> Enquiry(string kind, string? marker = null) => answer =>
    {
        var id = answer.GetProperty("id").GetString()!;
        var version = answer.GetProperty("version").GetInt32();
        return ($"/api/v1/enquiries/{id}", text =>
        {
            var e = JsonDocument.Parse(text).RootElement;
            if (!e.TryGetProperty("version", out var v))
            {
                return $"enquiry {id} is gone: {text[..Math.Min(200, text.Length)]}";
            }

            if (v.GetInt32() < version)
            {
                return $"enquiry {id} is at version {v.GetInt32()}, was acknowledged at {version}";
            }

            if (!e.GetProperty("activities").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == kind))
            {
                return $"enquiry {id} has no {kind} activity";
            }

            return marker is not null && !text.Contains(marker, StringComparison.Ordinal) ? $"enquiry {id} does not show '{marker}'" : null;
        }
        );
    };

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    private static string M(string what) => $"{what}-{Guid.NewGuid():N}";

    [Fact]
    public async Task KillUnderLoadOnEveryWriteRoute_EveryAcknowledgedWriteSurvives_AndEveryChainVerifies()
    {
        var started = DateTime.UtcNow;
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var server = Start("--demo", "--urls", url);
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        await WaitHealthyAsync(probe, server);

        // Every write route the API publishes: the load must use each one.
        var doc = JsonDocument.Parse(await probe.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var published = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(op => op.Name is "post" or "put" or "patch" or "delete")
                .Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(published.Count >= 15, "The OpenAPI document lists too few write routes to be the real one: " + string.Join(", ", published));

        // Tokens are made as people make them, on the tokens page after signing in: those are writes too, and every
        // read after the restart goes through them.
        var clients = new List<HttpClient>();
        async Task<HttpClient> ApiAsync(string email)
        {
            using var page = await SignInAsync(url, email);
            var (_, secret) = await CreateTokenOnPageAsync(page, "crash " + email);
            var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(15) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            clients.Add(client);
            return client;
        }

        static async Task<JsonElement> GetJsonAsync(HttpClient c, string path) =>
            JsonDocument.Parse(await c.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement.Clone();

        var memberWo = await ApiAsync("member@west-oxfordshire.demo");
        var managerWo = await ApiAsync("manager@west-oxfordshire.demo");
        var officer2Wo = await ApiAsync("officer2@west-oxfordshire.demo");
        var hubSo = await ApiAsync("hub@south-oxfordshire.demo");
        var officerSo = await ApiAsync("officer@south-oxfordshire.demo");
        var memberSo = await ApiAsync("member@south-oxfordshire.demo");
        var moSo = await ApiAsync("mo@south-oxfordshire.demo");
        var hubCam = await ApiAsync("hub@cambridge.demo");
        var memberD2 = await ApiAsync("member@district-002.demo");
        var hubD2 = await ApiAsync("hub@district-002.demo");
        var officerD2 = await ApiAsync("officer@district-002.demo");
        var managerD2 = await ApiAsync("manager@district-002.demo");
        var memberSos = await ApiAsync("member@southend-on-sea.demo");
        var pages = await SignInAsync(url, "member2@southend-on-sea.demo");

        var woSeat = (await GetJsonAsync(memberWo, "/api/v1/me")).GetProperty("members")[0];
        var woCouncil = woSeat.GetProperty("councilId").GetString()!;
        var waste = (await GetJsonAsync(memberWo, $"/api/v1/councils/{woCouncil}/services")).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Waste and recycling").GetProperty("id").GetString()!;
        var woOther = (await GetJsonAsync(memberWo, $"/api/v1/councils/{woCouncil}/members")).EnumerateArray()
            .Select(m => m.GetProperty("id").GetString()!).First(m => m != woSeat.GetProperty("memberId").GetString());
        var managerWoOfficer = (await GetJsonAsync(managerWo, "/api/v1/me")).GetProperty("officerId").GetString()!;
        var memberSoId = (await GetJsonAsync(memberSo, "/api/v1/me")).GetProperty("members")[0].GetProperty("memberId").GetString()!;
        var officerSoId = (await GetJsonAsync(officerSo, "/api/v1/me")).GetProperty("officerId").GetString()!;
        var camCouncil = (await GetJsonAsync(hubCam, "/api/v1/me")).GetProperty("officerCouncils")[0].GetProperty("councilId").GetString()!;
        var camMember = (await GetJsonAsync(hubCam, $"/api/v1/councils/{camCouncil}/members"))[0].GetProperty("id").GetString()!;
        var memberD2Id = (await GetJsonAsync(memberD2, "/api/v1/me")).GetProperty("members")[0].GetProperty("memberId").GetString()!;
        var officerD2Id = (await GetJsonAsync(officerD2, "/api/v1/me")).GetProperty("officerId").GetString()!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var setUp = DateTime.UtcNow - started;

        var load = new Load();
        var post = HttpMethod.Post;
        const string Actions = "POST /api/v1/enquiries/{id}/";
        const string LogRoute = "POST /api/v1/enquiries";

        // West Oxfordshire: the member logs about a service, its manager works it to the end (or to complaints).
        Task WestOxfordshire() => load.RunAsync(async i =>
        {
            var subject = M("wo");
            var e = await load.WriteAsync(LogRoute, memberWo, post, "/api/v1/enquiries",
                new { subject, details = "Written during a crash test.", serviceId = waste }, Enquiry("Logged", subject));
            var at = $"/api/v1/enquiries/{Id(e)}";
            e = await load.WriteAsync(Actions + "accept", managerWo, post, at + "/accept", new { version = Version(e) }, Enquiry("Accepted"));
            var m = M("fn");
            e = await load.WriteAsync(Actions + "file-notes", managerWo, post, at + "/file-notes", new { text = m }, Enquiry("FileNote", m));
            if (i % 3 == 2)
            {
                m = M("cp");
                await load.WriteAsync(Actions + "complaint", managerWo, post, at + "/complaint", new { version = Version(e), reason = m },
                    Enquiry("MovedToComplaints", m));
                return;
            }

            m = M("hr");
            e = await load.WriteAsync(Actions + "holding-replies", managerWo, post, at + "/holding-replies", new { version = Version(e), reason = m },
                Enquiry("HoldingReply", m));
            m = M("bu");
            e = await load.WriteAsync(Actions + "burden", managerWo, post, at + "/burden", new { text = m }, Enquiry("BurdenRaised", m));
            m = M("ba");
            e = await load.WriteAsync(Actions + "burden-agreement", managerWo, post, at + "/burden-agreement", new { version = Version(e), approach = m },
                Enquiry("BurdenAgreed", m));
            m = M("mt");
            var start = new DateTimeOffset(today.AddDays(3 + (i % 20)), new TimeOnly(10, 0), TimeSpan.Zero);
            e = await load.WriteAsync(Actions + "meetings", managerWo, post, at + "/meetings",
                new { start = start.ToString("O"), end = start.AddHours(1).ToString("O"), location = m }, Enquiry("MeetingArranged", m));
            e = await load.WriteAsync(Actions + "copies", memberWo, post, at + "/copies", new { memberId = woOther }, Enquiry("Copied", woOther));
            m = M("rs");
            e = await load.WriteAsync(Actions + "responses", managerWo, post, at + "/responses", new { version = Version(e), body = m },
                Enquiry("Response", m));
            await load.WriteAsync(Actions + "close", managerWo, post, at + "/close", new { version = Version(e) }, Enquiry("Closed"));
        });

        // South Oxfordshire: the Hub logs for a member and assigns; the officer decides urgency and the member disputes it,
        // or the officer refers a burden and the Monitoring Officer decides it.
        Task SouthOxfordshire() => load.RunAsync(async i =>
        {
            var subject = M("so");
            var e = await load.WriteAsync(LogRoute, hubSo, post, "/api/v1/enquiries",
                new { memberId = memberSoId, channel = "email", subject, details = "d", urgentBecause = "It floods tonight." }, Enquiry("Logged", subject));
            var at = $"/api/v1/enquiries/{Id(e)}";
            var m = M("as");
            e = await load.WriteAsync(Actions + "assignment", hubSo, post, at + "/assignment", new { version = Version(e), officerId = officerSoId, note = m },
                Enquiry("Assigned"));
            if (i % 2 == 0)
            {
                m = M("ug");
                e = await load.WriteAsync(Actions + "urgency", officerSo, post, at + "/urgency", new { version = Version(e), urgent = false, reason = m },
                    Enquiry("UrgencyDecided", m));
                m = M("ud");
                await load.WriteAsync(Actions + "urgency-dispute", memberSo, post, at + "/urgency-dispute", new { reason = m }, Enquiry("UrgencyDisputed"));
                return;
            }

            m = M("bu");
            await load.WriteAsync(Actions + "burden", officerSo, post, at + "/burden", new { text = m, referForDecision = true }, Enquiry("BurdenRaised", m));
            var seen = await GetJsonAsync(moSo, at);
            m = M("bd");
            await load.WriteAsync(Actions + "burden-decision", moSo, post, at + "/burden-decision", new { version = Version(seen), provide = true, reason = m },
                Enquiry("BurdenDecided", m));
        });

        // Cambridge: the Hub logs, moves it to complaints and records the complaint's outcome.
        Task Cambridge() => load.RunAsync(async _ =>
        {
            var subject = M("cam");
            var e = await load.WriteAsync(LogRoute, hubCam, post, "/api/v1/enquiries",
                new { memberId = camMember, channel = "email", subject, details = "d" }, Enquiry("Logged", subject));
            var at = $"/api/v1/enquiries/{Id(e)}";
            var m = M("cp");
            e = await load.WriteAsync(Actions + "complaint", hubCam, post, at + "/complaint", new { version = Version(e), reason = m }, Enquiry("MovedToComplaints", m));
            m = M("co");
            await load.WriteAsync(Actions + "complaint-outcome", hubCam, post, at + "/complaint-outcome", new { version = Version(e), text = m },
                Enquiry("ComplaintAnswered", m));
        });

        // District 002: a member's enquiry with a constituent's data and its consent evidence; the line manager's check
        // before commercially sensitive information is released.
        Task District002() => load.RunAsync(async i =>
        {
            var subject = M("d2");
            if (i % 2 == 0)
            {
                var c = await load.WriteAsync(LogRoute, memberD2, post, "/api/v1/enquiries",
                    new { subject, details = "d", hasConstituentData = true }, Enquiry("Logged", subject));
                var m = M("ce");
                await load.WriteAsync(Actions + "consent-evidence", memberD2, post, $"/api/v1/enquiries/{Id(c)}/consent-evidence", new { text = m },
                    Enquiry("ConsentEvidenceRecorded"));
                return;
            }

            var e = await load.WriteAsync(LogRoute, hubD2, post, "/api/v1/enquiries",
                new { memberId = memberD2Id, channel = "email", subject, details = "d" }, Enquiry("Logged", subject));
            var at = $"/api/v1/enquiries/{Id(e)}";
            e = await load.WriteAsync(Actions + "assignment", hubD2, post, at + "/assignment", new { version = Version(e), officerId = officerD2Id },
                Enquiry("Assigned"));
            var rc = M("rc");
            await load.WriteAsync(Actions + "release-check", managerD2, post, at + "/release-check", new { version = Version(e), text = rc },
                Enquiry("ReleaseChecked", rc));
        });

        // Southend-on-Sea: a member logging as fast as the server answers (the volume under everything else).
        Task Burst() => load.RunAsync(async _ =>
        {
            var subject = M("sos");
            await load.WriteAsync(LogRoute, memberSos, post, "/api/v1/enquiries", new { subject, details = "Written during a crash test." },
                Enquiry("Logged", subject));
        });

        // An officer's absence, set and cleared in turn: after the restart it is what the last acknowledged write left,
        // or what a later write whose answer was lost did.
        var absenceTries = new ConcurrentQueue<(int Index, string State, bool Acked)>();
        Task Absence() => load.RunAsync(async i =>
        {
            var clear = i % 3 == 2;
            var state = clear ? "none" : $"{Day(10 + (i % 30))}..{Day(12 + (i % 30))}";
            var acked = false;
            try
            {
                await load.WriteAsync(clear ? "DELETE /api/v1/me/absence" : "PUT /api/v1/me/absence", officer2Wo,
                    clear ? HttpMethod.Delete : HttpMethod.Put, "/api/v1/me/absence",
                    clear ? null : new { awayFrom = Day(10 + (i % 30)), awayUntil = Day(12 + (i % 30)), coverOfficerId = managerWoOfficer },
                    _ => ("/api/v1/me/absence", _ => null)); // Checked below, against the whole sequence.
                acked = true;
            }
            finally
            {
                absenceTries.Enqueue((i, state, acked));
            }
        });

        // The manager marks notifications read as they arrive: every one seen unread before an acknowledged mark is read.
        Task Notifications() => load.RunAsync(async _ =>
        {
            var unread = (await GetJsonAsync(managerWo, "/api/v1/notifications")).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("readAt").ValueKind == JsonValueKind.Null).Select(n => n.GetProperty("id").GetString()!).ToList();
            await load.WriteAsync("POST /api/v1/notifications/read", managerWo, post, "/api/v1/notifications/read", new { }, _ => ("/api/v1/notifications", text =>
            {
                var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
                var stillUnread = items.Where(n => unread.Contains(n.GetProperty("id").GetString()!) && n.GetProperty("readAt").ValueKind == JsonValueKind.Null).ToList();
                return stillUnread.Count == 0 ? null : $"{stillUnread.Count} notifications marked read are unread again";
            }
            ));
            await Task.Delay(100);
        });

        // Pages: tokens created and revoked, notification settings changed.
        var tokens = new ConcurrentQueue<(string Secret, bool Revoked)>();
        var settingsTries = new ConcurrentQueue<(string State, bool Acked)>();
        var pageAcks = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Task Pages() => load.RunAsync(async i =>
        {
            if (i % 3 == 2)
            {
                var state = new[] { "EmailAndInApp", "Email", "InApp" }[i / 3 % 3];
                var acked = false;
                try
                {
                    var saved = await PostPageAsync(pages, "/account/notifications", new() { ["NotifyBy"] = state, ["DailyDigest"] = (i % 2 == 0).ToString() });
                    acked = saved == HttpStatusCode.Redirect;
                    if (acked)
                    {
                        pageAcks.AddOrUpdate("POST /account/notifications", 1, (_, n) => n + 1);
                    }
                    else if (!load.Stop.IsCancellationRequested)
                    {
                        load.Refused.Enqueue($"POST /account/notifications: {(int)saved}");
                    }
                }
                finally
                {
                    settingsTries.Enqueue((state, acked));
                }

                return;
            }

            var (tokenId, secret) = await CreateTokenOnPageAsync(pages, M("page-token"));
            pageAcks.AddOrUpdate("POST /account/tokens?handler=create", 1, (_, n) => n + 1);
            if (i % 2 == 1)
            {
                tokens.Enqueue((secret, false));
                return;
            }

            // From here on the token may or may not be revoked: only an acknowledged revoke is checked.
            var revoked = await PostPageAsync(pages, "/account/tokens", [], $"/account/tokens?handler=revoke&tokenId={tokenId}");
            if (revoked == HttpStatusCode.Redirect)
            {
                tokens.Enqueue((secret, true));
                pageAcks.AddOrUpdate("POST /account/tokens?handler=revoke", 1, (_, n) => n + 1);
            }
        });

        var workers = new[]
        {
            WestOxfordshire(), WestOxfordshire(), SouthOxfordshire(), SouthOxfordshire(), Cambridge(), District002(), Burst(), Absence(),
            Notifications(), Pages(),
        };

        // A second node seals the audit trail while the writes go on (the server's own sealer runs once a minute).
        var sealing = Task.Run(async () =>
        {
            await Task.Delay(1000);
            return await RunCliAsync("seal-audit");
        });

        // Until every route has been acknowledged a few times (and the load has been going a while): then, mid-load, kill.
        var loadStarted = DateTime.UtcNow;
        var until = loadStarted.AddSeconds(60);
        bool Covered() => published.All(r => load.Acks.Count(a => a.Route == r) >= 3);
        while (DateTime.UtcNow < until
            && !(Covered() && load.Acks.Count >= 250 && DateTime.UtcNow - loadStarted > TimeSpan.FromSeconds(8)
                && (sealing.IsCompleted || DateTime.UtcNow - loadStarted > TimeSpan.FromSeconds(20))))
        {
            await Task.Delay(50);
        }

        await Task.Delay(Random.Shared.Next(0, 300));
        server.Kill(entireProcessTree: true); // SIGKILL, mid-load.
        await server.WaitForExitAsync();
        await load.Stop.CancelAsync();
        await Task.WhenAll(workers);
        var loadTime = DateTime.UtcNow - loadStarted;
        var sealedUnderLoad = (await sealing).Trim().Split('\n')[^1].Trim();

        var acks = load.Acks.ToList();
        var exercised = acks.Select(a => a.Route).ToHashSet(StringComparer.Ordinal);
        var notCovered = published.Where(r => !exercised.Contains(r)).Order(StringComparer.Ordinal).ToList();
        var unknown = exercised.Where(r => !published.Contains(r)).ToList();
        var counts = string.Join(", ", acks.GroupBy(a => a.Route).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))
            + "; pages: " + string.Join(", ", pageAcks.Select(p => $"{p.Key} {p.Value}"));
        Assert.True(load.Refused.IsEmpty, $"Writes the load expected to succeed were refused: {string.Join("\n", load.Refused.Take(10))}");
        Assert.True(notCovered.Count == 0, $"Write routes in the OpenAPI document that the crash load never had acknowledged: {string.Join(", ", notCovered)} (acknowledged: {counts})");
        Assert.True(unknown.Count == 0, $"The load names routes the OpenAPI document does not list: {string.Join(", ", unknown)}");
        Assert.True(pageAcks.Count == 3, $"The page writes were not all acknowledged: {counts}");

        var restarted = Start("--urls", url);
        var missing = new List<string>();
        int replayed = 0, readBack;
        try
        {
            await WaitHealthyAsync(probe, restarted);
            var bodies = new Dictionary<(HttpClient, string), string>();
            foreach (var group in acks.GroupBy(a => (a.Client, a.ReadBack)))
            {
                var response = await group.Key.Client.GetAsync(new Uri(group.Key.ReadBack, UriKind.Relative));
                bodies[group.Key] = await response.Content.ReadAsStringAsync();
            }

            foreach (var a in acks)
            {
                if (a.Check(bodies[(a.Client, a.ReadBack)]) is { } problem)
                {
                    missing.Add($"{a.Route}: {problem}");
                }
            }

            readBack = bodies.Count;

            // The absence is what the last acknowledged write left, or what a later one (answer lost) did.
            var tries = absenceTries.OrderBy(t => t.Index).ToList();
            var lastAcked = tries.FindLastIndex(t => t.Acked);
            Assert.True(lastAcked >= 0, "No absence write was acknowledged");
            var absence = await officer2Wo.GetAsync(new Uri("/api/v1/me/absence", UriKind.Relative));
            var now = absence.StatusCode == HttpStatusCode.NotFound ? "none" : await AbsenceStateAsync(absence);
            var allowed = tries.Skip(lastAcked).Select(t => t.State).ToList();
            if (!allowed.Contains(now))
            {
                missing.Add($"absence: {now}, but the last acknowledged write left {tries[lastAcked].State}");
            }

            // Likewise the notification settings, on their page.
            var settings = settingsTries.ToList();
            var lastSettings = settings.FindLastIndex(t => t.Acked);
            var (_, form) = await GetPageAsync(pages, "/account/notifications");
            var chosen = form.QuerySelector("input[name=NotifyBy][checked]")?.GetAttribute("value") ?? "(none)";
            if (lastSettings >= 0 && !settings.Skip(lastSettings).Select(t => t.State).Contains(chosen))
            {
                missing.Add($"notification settings: {chosen}, but the last acknowledged save chose {settings[lastSettings].State}");
            }

            // Tokens made on the page work (every client above is one); those revoked there stay revoked.
            foreach (var (secret, revoked) in tokens)
            {
                using var c = new HttpClient { BaseAddress = new Uri(url) };
                c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                var status = (await c.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode;
                if (status != (revoked ? HttpStatusCode.Unauthorized : HttpStatusCode.OK))
                {
                    missing.Add($"token {secret[..10]}: {(int)status} though it was {(revoked ? "revoked" : "created")}");
                }
            }

            // A keyed write sent again replays its first answer: its record committed with it.
            foreach (var a in acks.Where(a => a.Replay is not null).OrderBy(_ => Random.Shared.Next()).Take(40))
            {
                var r = a.Replay!;
                using var request = new HttpRequestMessage(r.Method, r.Url);
                if (r.Body.Length > 0)
                {
                    request.Content = new StringContent(r.Body, Encoding.UTF8, "application/json");
                }

                request.Headers.Add("Idempotency-Key", r.Key);
                var again = await a.Client.SendAsync(request);
                if (again.StatusCode != r.Status || !again.Headers.TryGetValues("Idempotent-Replayed", out var flag) || flag.Single() != "true")
                {
                    missing.Add($"{a.Route}: the keyed write {r.Key} did not replay ({(int)again.StatusCode})");
                }

                replayed++;
            }
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
            foreach (var c in clients)
            {
                c.Dispose();
            }

            pages.Dispose();
        }

        Assert.True(missing.Count == 0, $"{missing.Count} of {acks.Count} acknowledged writes are missing after the crash: {string.Join("\n", missing.Take(20))}");
        // The account whose tokens were made on the page is disabled: its session and live tokens end, on their chains,
        // which the verification then checks with every other.
        var disabled = await RunCliAsync("disable-account", "--email", "member2@southend-on-sea.demo", "--reason", "crash test");
        Assert.Matches(@"1 session\(s\) ended, [1-9][0-9]* API token\(s\) revoked", disabled);
        var verify = await RunCliAsync("verify-audit");
        Assert.Contains("The audit trail verifies.", verify, StringComparison.Ordinal);
        output.WriteLine($"Crash over every write route ({TestDatabase.Provider}): set-up {setUp.TotalSeconds:F0} s, load {loadTime.TotalSeconds:F0} s, "
            + $"{acks.Count} acknowledged ({counts}); {readBack} reads back, {replayed} keyed replays; second node: {sealedUnderLoad}; in flight at the kill (answer lost): {string.Join(", ", load.Unanswered.Distinct())}; total {(DateTime.UtcNow - started).TotalSeconds:F0} s");
    }

    private static async Task<string> AbsenceStateAsync(HttpResponseMessage response)
    {
        var a = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return $"{a.GetProperty("from").GetString()}..{a.GetProperty("until").GetString()}";
    }

    /// <summary>A browser without JavaScript: cookies kept, redirects not followed.</summary>
    private static async Task<HttpClient> SignInAsync(string url, string email)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(15),
        };
        var status = await PostPageAsync(browser, "/sign-in", new() { ["Email"] = email, ["Password"] = Core.Demo.DemoDirectory.Password });
        Assert.True(status == HttpStatusCode.Redirect, $"Could not sign in as {email}: {(int)status}");
        return browser;
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Document)> GetPageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await Html.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>GETs the page for its antiforgery token and POSTs the form, as a browser does; returns the status.</summary>
    private static async Task<HttpStatusCode> PostPageAsync(HttpClient browser, string path, Dictionary<string, string> fields, string? postTo = null)
    {
        var (response, _) = await PostPageForAsync(browser, path, fields, postTo);
        return response.StatusCode;
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Document)> PostPageForAsync(HttpClient browser, string path,
        Dictionary<string, string> fields, string? postTo = null)
    {
        var (_, page) = await GetPageAsync(browser, path);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "",
        };
        using var content = new FormUrlEncodedContent(form);
        var response = await browser.PostAsync(new Uri(postTo ?? path, UriKind.Relative), content);
        return (response, await Html.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Creates a token on <c>/account/tokens</c>: its id (from its revoke link) and the secret shown once.</summary>
    private static async Task<(string Id, string Secret)> CreateTokenOnPageAsync(HttpClient browser, string name)
    {
        var (response, page) = await PostPageForAsync(browser, "/account/tokens", new() { ["Name"] = name }, "/account/tokens?handler=create");
        var secret = page.QuerySelector("[data-testid=new-token]")?.TextContent.Trim();
        if (response.StatusCode != HttpStatusCode.OK || secret is null)
        {
            throw new InvalidOperationException($"No token was created: {(int)response.StatusCode}");
        }

        var row = page.QuerySelectorAll("tr").First(r => r.QuerySelector("td")?.TextContent.Trim() == name);
        var revoke = row.QuerySelector("a[href*='tokenId=']")!.GetAttribute("href")!;
        return (revoke.Split("tokenId=")[1].Split('&')[0], secret);
    }
}
