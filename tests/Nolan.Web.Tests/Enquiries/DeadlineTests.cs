using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Enquiries;

/// <summary>Due dates through HTTP, by each council's preset: working days, bank holidays, substitute and closure days.</summary>
public sealed class DeadlineTests(NolanFactory f) : IClassFixture<NolanFactory>
{
    private static readonly DateTimeOffset Late2027 = new(2027, 1, 29, 10, 0, 0, TimeSpan.Zero);

    private async Task<string?> DueOnAsync(string council, DateTimeOffset receivedAt)
    {
        f.Clock.AdjustTime(receivedAt > NolanFactory.DefaultNow ? Late2027 : NolanFactory.DefaultNow);
        var hub = await f.ApiClientAsync($"hub@{(council == "vale-of-white-horse" ? "south-oxfordshire" : council)}.demo");
        var member = await f.MemberIdAsync($"member@{council}.demo");
        var e = await hub.LogAsync(new { memberId = member, channel = "phone", subject = "Deadline check", details = "When is this due?", receivedAt });
        return e.GetProperty("dueOn").ValueKind == System.Text.Json.JsonValueKind.Null ? null : e.GetProperty("dueOn").GetString();
    }

    [Theory]
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    [InlineData("west-oxfordshire", "2026-04-02T11:00:00+01:00", "2026-04-13")]
    [InlineData("southend-on-sea", "2026-04-02T11:00:00+01:00", "2026-04-20")]
    // Christmas 2025: 25, 26 Dec and 1 Jan bank holidays. No council has published closure days, so 29-31 Dec count.
    [InlineData("west-oxfordshire", "2025-12-23T09:00:00Z", "2026-01-02")]
    [InlineData("southend-on-sea", "2025-12-23T09:00:00Z", "2026-01-09")]
    // Christmas 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute day.
    [InlineData("west-oxfordshire", "2026-12-23T09:00:00Z", "2027-01-04")]
    [InlineData("southend-on-sea", "2026-12-23T09:00:00Z", "2027-01-11")]
    // Received on a Saturday: counts from Monday.
    [InlineData("west-oxfordshire", "2026-10-31T12:00:00Z", "2026-11-09")]
    [InlineData("southend-on-sea", "2026-10-31T12:00:00Z", "2026-11-16")]
    // An ordinary week.
    [InlineData("west-oxfordshire", "2026-10-20T15:00:00+01:00", "2026-10-27")]
    public async Task LoggedEnquiry_ReceivedOnDate_DueByPresetWorkingDays(string council, string receivedAt, string expectedDue)
    {
        var due = await DueOnAsync(council, DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedDue, due);
    }

    [Theory]
    [InlineData("south-oxfordshire")]
    [InlineData("vale-of-white-horse")]
    [InlineData("district-002")]
    public async Task LoggedEnquiry_ProtocolSetsNoDeadline_HasNoDueDate(string council)
    {
        var due = await DueOnAsync(council, new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero));
        Assert.Null(due);
    }

    [Fact]
    public async Task Cambridge_ReceivedBeforeUpdatedProtocol_JudgedByExistingWithNoDeadline()
    {
        var due = await DueOnAsync("cambridge", new DateTimeOffset(2025, 11, 28, 10, 0, 0, TimeSpan.Zero));
        Assert.Null(due);
    }

    [Fact]
    public async Task Cambridge_ReceivedAfterUpdatedProtocol_FiveWorkingDaysUnder76()
    {
        f.Clock.AdjustTime(NolanFactory.DefaultNow);
        var hub = await f.ApiClientAsync("hub@cambridge.demo");
        var member = await f.MemberIdAsync("member@cambridge.demo");
        var e = await hub.LogAsync(new
        {
            memberId = member,
            channel = "email",
            subject = "After adoption",
            details = "Updated protocol applies",
            receivedAt = new DateTimeOffset(2025, 12, 2, 10, 0, 0, TimeSpan.Zero),
        });
        Assert.Equal("2025-12-09", e.GetProperty("dueOn").GetString());
        Assert.Equal("cambridge/2025-updated", e.GetProperty("protocolVersion").GetString());
        Assert.Equal("7.6", e.GetProperty("deadlineCitation").GetProperty("paragraph").GetString());
    }

    [Fact]
    public async Task Cambridge_ReceivedDayBeforeAdoption_RecordsExistingVersion()
    {
        f.Clock.AdjustTime(NolanFactory.DefaultNow);
        var hub = await f.ApiClientAsync("hub@cambridge.demo");
        var member = await f.MemberIdAsync("member@cambridge.demo");
        var e = await hub.LogAsync(new
        {
            memberId = member,
            channel = "email",
            subject = "Before adoption",
            details = "Existing protocol applies",
            receivedAt = new DateTimeOffset(2025, 11, 30, 23, 30, 0, TimeSpan.Zero),
        });
        Assert.Equal("cambridge/existing", e.GetProperty("protocolVersion").GetString());
        Assert.Equal("no_deadline", e.GetProperty("timeliness").GetString());
    }
}
