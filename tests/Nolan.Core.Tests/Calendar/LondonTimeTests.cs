using System.Globalization;
using Nolan.Core.Calendar;

namespace Nolan.Core.Tests.Calendar;

public class LondonTimeTests
{
    [Fact]
    public void Zone_Always_IsLondonWithGmtBaseOffset()
    {
        // Act
        var zone = LondonTime.Zone;

        // Assert
        Assert.Equal(TimeSpan.Zero, zone.BaseUtcOffset);
        Assert.True(zone.SupportsDaylightSavingTime);
        Assert.Same(zone, LondonTime.Zone);
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29T00:59:00")] // Last minute of GMT.
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T02:00:00")] // Clocks go forward.
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29T02:30:00")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T01:30:00")] // First 01:30, still BST.
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25T01:30:00")] // Second 01:30, back to GMT.
    [InlineData("2026-05-31T23:30:00Z", "2026-06-01T00:30:00")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31T23:30:00")]
    [InlineData("2026-06-01T09:00:00+05:30", "2026-06-01T04:30:00")] // Offsets other than UTC are honoured.
    public void ToLocal_Instant_ReturnsLondonWallClock(string instant, string expected)
    {
        // Act
        var local = LondonTime.ToLocal(Instant(instant));

        // Assert
        Assert.Equal(DateTime.ParseExact(expected, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Theory]
    [InlineData("2026-05-31T22:59:59Z", "2026-05-31")]
    [InlineData("2026-05-31T23:30:00Z", "2026-06-01")] // BST: 00:30 on 1 June locally.
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")] // GMT: still 31 December.
    [InlineData("2027-01-01T00:00:00Z", "2027-01-01")]
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")]
    [InlineData("2026-10-24T23:00:00Z", "2026-10-25")] // Midnight BST on the night the clocks go back.
    [InlineData("2026-10-24T22:59:59Z", "2026-10-24")]
    public void ToLocalDate_Instant_ReturnsLondonDate(string instant, string expected)
    {
        // Act
        var date = LondonTime.ToLocalDate(Instant(instant));

        // Assert
        Assert.Equal(Date(expected), date);
    }

    [Theory]
    [InlineData("2026-01-04", "2026-01-04T00:00:00Z", 0)]
    [InlineData("2026-06-01", "2026-05-31T23:00:00Z", 1)]
    [InlineData("2026-03-29", "2026-03-29T00:00:00Z", 0)] // Clocks go forward at 01:00 GMT, after midnight.
    [InlineData("2026-03-30", "2026-03-29T23:00:00Z", 1)]
    [InlineData("2026-10-25", "2026-10-24T23:00:00Z", 1)] // Clocks go back at 02:00 BST, after midnight.
    [InlineData("2026-10-26", "2026-10-26T00:00:00Z", 0)]
    public void StartOfDay_Date_ReturnsInstantOfLocalMidnight(string date, string expectedInstant, int expectedOffsetHours)
    {
        // Act
        var start = LondonTime.StartOfDay(Date(date));

        // Assert
        Assert.Equal(Instant(expectedInstant), start);
        Assert.Equal(TimeSpan.FromHours(expectedOffsetHours), start.Offset);
        Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(start.DateTime));
    }

    [Fact]
    public void StartOfDay_EveryDayFor2026To2028_RoundTripsThroughToLocalDate()
    {
        for (var date = new DateOnly(2026, 1, 1); date <= new DateOnly(2028, 12, 31); date = date.AddDays(1))
        {
            // Act
            var start = LondonTime.StartOfDay(date);

            // Assert
            Assert.Equal(date, LondonTime.ToLocalDate(start));
            Assert.Equal(date.AddDays(-1), LondonTime.ToLocalDate(start.AddTicks(-1)));
        }
    }

    [Theory]
    [InlineData("2027-01-04", "4 January 2027")]
    [InlineData("2026-12-25", "25 December 2026")]
    [InlineData("2026-06-01", "1 June 2026")]
    public void FormatDate_Date_UsesGovUkStyle(string date, string expected)
    {
        // Act
        var text = LondonTime.FormatDate(Date(date));

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("2027-01-04T14:05:00Z", "4 January 2027 at 2:05pm")]
    [InlineData("2027-01-04T14:05:59Z", "4 January 2027 at 2:05pm")] // Seconds are dropped, not rounded.
    [InlineData("2026-06-01T13:05:00Z", "1 June 2026 at 2:05pm")] // BST.
    [InlineData("2027-01-04T09:00:00Z", "4 January 2027 at 9am")]
    [InlineData("2027-01-04T12:00:00Z", "4 January 2027 at midday")]
    [InlineData("2026-06-01T11:00:00Z", "1 June 2026 at midday")] // Midday BST.
    [InlineData("2027-01-04T00:00:00Z", "4 January 2027 at midnight")]
    [InlineData("2026-05-31T23:00:00Z", "1 June 2026 at midnight")] // Midnight BST.
    [InlineData("2027-01-04T00:05:00Z", "4 January 2027 at 12:05am")]
    [InlineData("2027-01-04T12:30:00Z", "4 January 2027 at 12:30pm")]
    [InlineData("2027-01-04T23:59:00Z", "4 January 2027 at 11:59pm")]
    [InlineData("2027-01-04T10:09:00Z", "4 January 2027 at 10:09am")]
    [InlineData("2026-05-31T23:30:00Z", "1 June 2026 at 12:30am")]
    public void FormatDateTime_Instant_UsesGovUkStyleInLondonTime(string instant, string expected)
    {
        // Act
        var text = LondonTime.FormatDateTime(Instant(instant));

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void FormatDateTime_NonEnglishCurrentCulture_StillEnglish()
    {
        // Arrange
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            // Act
            var text = LondonTime.FormatDateTime(Instant("2027-01-04T14:05:00Z"));

            // Assert
            Assert.Equal("4 January 2027 at 2:05pm", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("14.30", 14, 30)]
    [InlineData("2:30pm", 14, 30)]
    [InlineData("2.30 PM", 14, 30)]
    [InlineData("2pm", 14, 0)]
    [InlineData("9am", 9, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("midday", 12, 0)]
    [InlineData("00:05", 0, 5)]
    public void TryParseTimeOfDay_WaysPeopleWriteTimes_Read(string text, int hour, int minute)
    {
        Assert.True(LondonTime.TryParseTimeOfDay(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("14")]
    [InlineData("25:00")]
    [InlineData("13pm")]
    [InlineData("2:3pm")]
    [InlineData("2:30:00")]
    [InlineData("half past two")]
    [InlineData("-1:00")]
    public void TryParseTimeOfDay_NotATime_False(string? text) => Assert.False(LondonTime.TryParseTimeOfDay(text, out _));

    [Fact]
    public void At_SummerAndWinter_CarryTheOffsetInForce()
    {
        Assert.Equal(Instant("2027-06-01T13:00:00Z"), LondonTime.At(Date("2027-06-01"), new TimeOnly(14, 0)));
        Assert.Equal(Instant("2026-12-01T14:00:00Z"), LondonTime.At(Date("2026-12-01"), new TimeOnly(14, 0)));
        // 01:30 on the last Sunday of March 2027 does not exist in London: read as 02:30 BST, which is 01:30 UTC.
        Assert.Equal(Instant("2027-03-28T01:30:00Z"), LondonTime.At(Date("2027-03-28"), new TimeOnly(1, 30)));
    }

    private static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
