using System.Globalization;
using Nolan.Core.Calendar;

namespace Nolan.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2026-06-01", 5, "2026-06-08")] // Monday to Monday.
    [InlineData("2026-06-06", 5, "2026-06-15")] // Saturday receipt: day 0 is Monday 8 June.
    [InlineData("2026-06-07", 5, "2026-06-15")] // Sunday receipt likewise.
    [InlineData("2026-06-05", 1, "2026-06-08")] // Friday to Monday.
    [InlineData("2026-06-01", 10, "2026-06-15")]
    [InlineData("2026-12-23", 5, "2027-01-04")] // 25 Dec, substitute 28 Dec and 1 Jan are holidays.
    [InlineData("2026-12-23", 10, "2027-01-11")]
    [InlineData("2027-12-23", 5, "2028-01-04")] // Christmas on Saturday: 27, 28 Dec and 3 Jan 2028 are substitutes.
    [InlineData("2027-12-23", 10, "2028-01-11")]
    [InlineData("2020-12-24", 1, "2020-12-29")] // Across Boxing Day's substitute Monday 28 Dec 2020.
    [InlineData("2022-12-23", 1, "2022-12-28")] // Across Boxing Day and Christmas's substitute Tuesday.
    [InlineData("2026-04-02", 5, "2026-04-13")] // Maundy Thursday, across Good Friday and Easter Monday.
    [InlineData("2026-04-02", 10, "2026-04-20")]
    [InlineData("2026-04-03", 5, "2026-04-14")] // Good Friday receipt: day 0 is Tuesday 7 April.
    [InlineData("2026-05-22", 5, "2026-06-01")] // Across the spring bank holiday.
    [InlineData("2022-06-01", 5, "2022-06-10")] // Across the Platinum Jubilee Thursday and Friday.
    public void AddWorkingDays_DefaultCalendar_ReturnsExpectedDueDate(string received, int workingDays, string expected)
    {
        // Arrange
        var calendar = WorkingDayCalendar.Default;

        // Act
        var due = calendar.AddWorkingDays(Date(received), workingDays);

        // Assert
        Assert.Equal(Date(expected), due);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-01")] // A working day is its own day 0.
    [InlineData("2026-06-06", "2026-06-08")] // Saturday normalises to Monday.
    [InlineData("2026-12-25", "2026-12-29")] // Christmas normalises past the substitute Monday.
    public void AddWorkingDays_ZeroDays_ReturnsNormalisedReceipt(string received, string expected)
    {
        // Act
        var due = WorkingDayCalendar.Default.AddWorkingDays(Date(received), 0);

        // Assert
        Assert.Equal(Date(expected), due);
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_ThrowsArgumentOutOfRangeException()
    {
        // Act
        var exception = Record.Exception(() => WorkingDayCalendar.Default.AddWorkingDays(new DateOnly(2026, 6, 1), -1));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(exception);
    }

    [Fact]
    public void AddWorkingDays_CouncilClosedBetweenChristmasAndNewYear_SkipsClosureDays()
    {
        // Arrange
        var calendar = new WorkingDayCalendar(closureDays: [new(2026, 12, 29), new(2026, 12, 30), new(2026, 12, 31)]);

        // Act
        var due = calendar.AddWorkingDays(new DateOnly(2026, 12, 23), 5);

        // Assert — 24 Dec (1), then 4, 5, 6 and 7 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 7), due);
    }

    [Fact]
    public void AddWorkingDays_ReceivedOnClosureDay_StartsFromNextWorkingDay()
    {
        // Arrange
        var calendar = new WorkingDayCalendar(closureDays: [new(2026, 12, 29), new(2026, 12, 30), new(2026, 12, 31)]);

        // Act
        var due = calendar.AddWorkingDays(new DateOnly(2026, 12, 30), 5);

        // Assert — day 0 is Monday 4 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 11), due);
    }

    [Fact]
    public void AddWorkingDays_ExtraAnnouncedHoliday_SkipsIt()
    {
        // Arrange
        var calendar = new WorkingDayCalendar(extraHolidays: [new DateOnly(2026, 6, 8)]);

        // Act
        var due = calendar.AddWorkingDays(new DateOnly(2026, 6, 1), 5);

        // Assert
        Assert.Equal(new DateOnly(2026, 6, 9), due);
    }

    [Fact]
    public void AddWorkingDays_ClosuresAndExtraHolidaysTogether_SkipsBoth()
    {
        // Arrange
        var calendar = new WorkingDayCalendar(
            closureDays: [new DateOnly(2026, 6, 2)],
            extraHolidays: [new DateOnly(2026, 6, 3)]);

        // Act
        var due = calendar.AddWorkingDays(new DateOnly(2026, 6, 1), 5);

        // Assert — 4, 5, 8, 9 and 10 June.
        Assert.Equal(new DateOnly(2026, 6, 10), due);
    }

    [Fact]
    public void IsWorkingDay_ClosureDayOnOtherCalendar_DoesNotLeakIntoDefault()
    {
        // Arrange
        _ = new WorkingDayCalendar(closureDays: [new DateOnly(2026, 12, 29)]);

        // Act
        var result = WorkingDayCalendar.Default.IsWorkingDay(new DateOnly(2026, 12, 29));

        // Assert
        Assert.True(result);
    }

    [Fact]
    public void Constructor_SourceCollectionChangedLater_CalendarUnaffected()
    {
        // Arrange
        var closures = new List<DateOnly> { new(2026, 6, 2) };
        var calendar = new WorkingDayCalendar(closures);

        // Act
        closures.Add(new DateOnly(2026, 6, 3));

        // Assert
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 6, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 6, 3)));
    }

    [Theory]
    [InlineData("2026-06-01", true)] // Monday.
    [InlineData("2026-06-06", false)] // Saturday.
    [InlineData("2026-06-07", false)] // Sunday.
    [InlineData("2026-05-25", false)] // Spring bank holiday.
    [InlineData("2026-12-28", false)] // Boxing Day substitute.
    [InlineData("2026-12-24", true)] // Christmas Eve is not a holiday.
    [InlineData("2022-09-19", false)] // State funeral.
    public void IsWorkingDay_Date_ReportsWhetherItIsOne(string date, bool expected)
    {
        // Act
        var result = WorkingDayCalendar.Default.IsWorkingDay(Date(date));

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-01")]
    [InlineData("2026-06-06", "2026-06-08")]
    [InlineData("2026-12-25", "2026-12-29")]
    [InlineData("2027-12-24", "2027-12-24")]
    [InlineData("2027-12-25", "2027-12-29")]
    [InlineData("2027-12-31", "2027-12-31")]
    [InlineData("2028-01-01", "2028-01-04")]
    public void NextWorkingDayOnOrAfter_Date_ReturnsFirstWorkingDay(string date, string expected)
    {
        // Act
        var result = WorkingDayCalendar.Default.NextWorkingDayOnOrAfter(Date(date));

        // Assert
        Assert.Equal(Date(expected), result);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-08", 5)]
    [InlineData("2026-06-06", "2026-06-08", 1)] // From a Saturday: only Monday counts.
    [InlineData("2026-06-01", "2026-06-01", 0)]
    [InlineData("2026-06-08", "2026-06-01", 0)] // Backwards range.
    [InlineData("2026-12-23", "2027-01-04", 5)]
    [InlineData("2026-04-02", "2026-04-13", 5)]
    [InlineData("2026-01-01", "2026-12-31", 253)] // 260 weekdays after 1 January, less the 7 other holidays.
    public void WorkingDaysAfter_Range_CountsWorkingDaysInHalfOpenInterval(string from, string to, int expected)
    {
        // Act
        var count = WorkingDayCalendar.Default.WorkingDaysAfter(Date(from), Date(to));

        // Assert
        Assert.Equal(expected, count);
    }

    [Fact]
    public void WorkingDaysAfter_WithClosures_ExcludesThem()
    {
        // Arrange
        var calendar = new WorkingDayCalendar(closureDays: [new(2026, 12, 29), new(2026, 12, 30), new(2026, 12, 31)]);

        // Act
        var count = calendar.WorkingDaysAfter(new DateOnly(2026, 12, 23), new DateOnly(2027, 1, 7));

        // Assert
        Assert.Equal(5, count);
    }

    [Fact]
    public void AddWorkingDays_RandomReceipts_DueDateIsWorkingDayAndCountsBack()
    {
        // Arrange
        var random = new Random(20260601);
        var calendars = new[]
        {
            WorkingDayCalendar.Default,
            new WorkingDayCalendar(
                closureDays: Enumerable.Range(1980, 121).SelectMany(y => new[] { new DateOnly(y, 12, 29), new DateOnly(y, 12, 30), new DateOnly(y, 12, 31) }),
                extraHolidays: Enumerable.Range(0, 200).Select(_ => RandomDate(random))),
        };
        var cases = Enumerable.Range(0, 3000).Select(i => (Calendar: calendars[i % 2], Received: RandomDate(random), Days: random.Next(0, 31))).ToArray();

        foreach (var (calendar, received, days) in cases)
        {
            // Act
            var due = calendar.AddWorkingDays(received, days);
            var start = calendar.NextWorkingDayOnOrAfter(received);

            // Assert
            Assert.True(calendar.IsWorkingDay(due), $"{received:yyyy-MM-dd} + {days} gave non-working {due:yyyy-MM-dd}");
            Assert.True(due >= received, $"{received:yyyy-MM-dd} + {days} went backwards");
            Assert.Equal(days, calendar.WorkingDaysAfter(start, due));
            Assert.True(calendar.AddWorkingDays(received, days + 1) > due, $"{received:yyyy-MM-dd}: {days + 1} days not after {days}");
            Assert.Equal(due, calendar.AddWorkingDays(start, days));
        }
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_RandomDates_IsFirstWorkingDay()
    {
        // Arrange
        var random = new Random(1871);
        var calendar = WorkingDayCalendar.Default;

        for (var i = 0; i < 2000; i++)
        {
            var date = RandomDate(random);

            // Act
            var next = calendar.NextWorkingDayOnOrAfter(date);

            // Assert
            Assert.True(calendar.IsWorkingDay(next));
            Assert.Equal(0, calendar.WorkingDaysAfter(date, next.AddDays(-1)));
            Assert.True(next.DayNumber - date.DayNumber < 7, $"{date:yyyy-MM-dd} took a week or more to reach a working day");
        }
    }

    private static DateOnly RandomDate(Random random) =>
        DateOnly.FromDayNumber(random.Next(new DateOnly(1980, 1, 1).DayNumber, new DateOnly(2100, 12, 1).DayNumber));

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
