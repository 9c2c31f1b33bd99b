using System.Globalization;
using Nolan.Core.Calendar;

namespace Nolan.Core.Tests.Calendar;

public class EnglandAndWalesBankHolidaysTests
{
    private const string SubstituteDay = "Substitute day";

    // The lists GOV.UK published for England and Wales, every date in each year.
    [Theory]
    [InlineData(2019, new[] { "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26" })]
    [InlineData(2020, new[] { "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28" })]
    [InlineData(2021, new[] { "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28" })]
    [InlineData(2022, new[] { "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27" })]
    [InlineData(2023, new[] { "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26" })]
    [InlineData(2024, new[] { "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26" })]
    [InlineData(2025, new[] { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26" })]
    [InlineData(2026, new[] { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28" })]
    [InlineData(2027, new[] { "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28" })]
    public void For_PublishedYears_MatchesGovUkListExactly(int year, string[] expected)
    {
        // Arrange
        var expectedDates = expected.Select(Date).ToArray();

        // Act
        var actual = EnglandAndWalesBankHolidays.For(year).Select(h => h.Date).ToArray();

        // Assert
        Assert.Equal(expectedDates, actual);
    }

    [Theory]
    [InlineData(1995, new[] { "1995-01-02", "1995-04-14", "1995-04-17", "1995-05-08", "1995-05-29", "1995-08-28", "1995-12-25", "1995-12-26" })]
    [InlineData(1999, new[] { "1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03", "1999-05-31", "1999-08-30", "1999-12-27", "1999-12-28", "1999-12-31" })]
    [InlineData(2002, new[] { "2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03", "2002-06-04", "2002-08-26", "2002-12-25", "2002-12-26" })]
    [InlineData(2011, new[] { "2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27" })]
    [InlineData(2012, new[] { "2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26" })]
    [InlineData(1977, new[] { "1977-01-03", "1977-04-08", "1977-04-11", "1977-06-06", "1977-06-07", "1977-08-29", "1977-12-26", "1977-12-27" })]
    [InlineData(1981, new[] { "1981-01-01", "1981-04-17", "1981-04-20", "1981-05-04", "1981-05-25", "1981-07-29", "1981-08-31", "1981-12-25", "1981-12-28" })]
    public void For_YearWithProclaimedChanges_AppliesThem(int year, string[] expected)
    {
        // Arrange
        var expectedDates = expected.Select(Date).ToArray();

        // Act
        var actual = EnglandAndWalesBankHolidays.For(year).Select(h => h.Date).ToArray();

        // Assert
        Assert.Equal(expectedDates, actual);
    }

    [Theory]
    [InlineData("1995-05-08", "Early May bank holiday (VE day)")]
    [InlineData("1999-12-31", "Millennium celebrations")]
    [InlineData("2002-06-03", "Golden Jubilee of Queen Elizabeth II")]
    [InlineData("2002-06-04", "Spring bank holiday")]
    [InlineData("2011-04-29", "Royal wedding")]
    [InlineData("2012-06-04", "Spring bank holiday")]
    [InlineData("2012-06-05", "Queen\u2019s Diamond Jubilee")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void For_ProclaimedDay_HasItsTitle(string date, string title)
    {
        // Arrange
        var day = Date(date);

        // Act
        var holiday = Assert.Single(EnglandAndWalesBankHolidays.For(day.Year), h => h.Date == day);

        // Assert
        Assert.Equal(title, holiday.Title);
    }

    [Theory]
    [InlineData("1995-05-01")]
    [InlineData("2002-05-27")]
    [InlineData("2012-05-28")]
    [InlineData("2020-05-04")]
    [InlineData("2022-05-30")]
    public void IsBankHoliday_RuleDateMovedByProclamation_ReturnsFalse(string date)
    {
        // Arrange
        var day = Date(date);

        // Act
        var result = EnglandAndWalesBankHolidays.IsBankHoliday(day);

        // Assert
        Assert.False(result);
    }

    [Fact]
    public void For_MovedHoliday_NotesSayWhereItMovedFrom()
    {
        // Arrange
        var day = new DateOnly(2022, 6, 2);

        // Act
        var holiday = Assert.Single(EnglandAndWalesBankHolidays.For(2022), h => h.Date == day);

        // Assert
        Assert.Equal("Moved from Monday 30 May for the Platinum Jubilee", holiday.Notes);
    }

    [Fact]
    public void For_ChristmasOnSaturday2021_GivesSubstituteMondayAndTuesday()
    {
        // Act
        var december = EnglandAndWalesBankHolidays.For(2021).Where(h => h.Date.Month == 12).ToArray();

        // Assert
        Assert.Equal(
            [
                new BankHoliday(new DateOnly(2021, 12, 27), "Christmas Day", SubstituteDay),
                new BankHoliday(new DateOnly(2021, 12, 28), "Boxing Day", SubstituteDay),
            ],
            december);
    }

    [Fact]
    public void For_ChristmasOnSunday2022_GivesBoxingDayThenSubstituteChristmas()
    {
        // Act
        var december = EnglandAndWalesBankHolidays.For(2022).Where(h => h.Date.Month == 12).ToArray();

        // Assert
        Assert.Equal(
            [
                new BankHoliday(new DateOnly(2022, 12, 26), "Boxing Day"),
                new BankHoliday(new DateOnly(2022, 12, 27), "Christmas Day", SubstituteDay),
            ],
            december);
    }

    [Fact]
    public void For_ChristmasOnSaturday2027_GivesSubstituteMondayAndTuesday()
    {
        // Act
        var december = EnglandAndWalesBankHolidays.For(2027).Where(h => h.Date.Month == 12).ToArray();

        // Assert
        Assert.Equal(
            [
                new BankHoliday(new DateOnly(2027, 12, 27), "Christmas Day", SubstituteDay),
                new BankHoliday(new DateOnly(2027, 12, 28), "Boxing Day", SubstituteDay),
            ],
            december);
    }

    [Fact]
    public void For_BoxingDayOnSaturday2026_GivesSubstituteMonday()
    {
        // Act
        var december = EnglandAndWalesBankHolidays.For(2026).Where(h => h.Date.Month == 12).ToArray();

        // Assert
        Assert.Equal(
            [
                new BankHoliday(new DateOnly(2026, 12, 25), "Christmas Day"),
                new BankHoliday(new DateOnly(2026, 12, 28), "Boxing Day", SubstituteDay),
            ],
            december);
    }

    [Theory]
    [InlineData(2022, "2022-01-03")] // Saturday
    [InlineData(2028, "2028-01-03")] // Saturday
    [InlineData(2023, "2023-01-02")] // Sunday
    [InlineData(2017, "2017-01-02")] // Sunday
    public void For_NewYearsDayAtWeekend_GivesSubstituteMonday(int year, string expected)
    {
        // Act
        var newYear = EnglandAndWalesBankHolidays.For(year)[0];

        // Assert
        Assert.Equal(new BankHoliday(Date(expected), "New Year\u2019s Day", SubstituteDay), newYear);
        Assert.False(EnglandAndWalesBankHolidays.IsBankHoliday(new DateOnly(year, 1, 1)));
    }

    [Fact]
    public void For_2023_HasGovUkTitlesInOrder()
    {
        // Act
        var titles = EnglandAndWalesBankHolidays.For(2023).Select(h => h.Title).ToArray();

        // Assert
        Assert.Equal(
            [
                "New Year\u2019s Day",
                "Good Friday",
                "Easter Monday",
                "Early May bank holiday",
                "Bank holiday for the coronation of King Charles III",
                "Spring bank holiday",
                "Summer bank holiday",
                "Christmas Day",
                "Boxing Day",
            ],
            titles);
    }

    [Theory]
    [InlineData("2008-03-23")]
    [InlineData("2011-04-24")]
    [InlineData("2024-03-31")]
    [InlineData("2025-04-20")]
    [InlineData("2026-04-05")]
    [InlineData("2027-03-28")]
    [InlineData("2038-04-25")] // The latest date Easter can fall.
    [InlineData("2285-03-22")] // The earliest date Easter can fall.
    public void For_Year_PutsGoodFridayAndEasterMondayAroundEaster(string easterSunday)
    {
        // Arrange
        var easter = Date(easterSunday);

        // Act
        var holidays = EnglandAndWalesBankHolidays.For(easter.Year);

        // Assert
        Assert.Contains(new BankHoliday(easter.AddDays(-2), "Good Friday"), holidays);
        Assert.Contains(new BankHoliday(easter.AddDays(1), "Easter Monday"), holidays);
    }

    [Fact]
    public void For_1971_HasNeitherNewYearsDayNorEarlyMay()
    {
        // Act
        var dates = EnglandAndWalesBankHolidays.For(1971).Select(h => h.Date).ToArray();

        // Assert
        Assert.Equal(
            new[] { "1971-04-09", "1971-04-12", "1971-05-31", "1971-08-30", "1971-12-27", "1971-12-28" }.Select(Date),
            dates);
    }

    [Fact]
    public void For_1974_IsTheFirstYearWithNewYearsDay()
    {
        // Act
        var first1973 = EnglandAndWalesBankHolidays.For(1973)[0];
        var first1974 = EnglandAndWalesBankHolidays.For(1974)[0];

        // Assert
        Assert.Equal("Good Friday", first1973.Title);
        Assert.Equal(new BankHoliday(new DateOnly(1974, 1, 1), "New Year\u2019s Day"), first1974);
    }

    [Fact]
    public void For_1978_IsTheFirstYearWithEarlyMay()
    {
        // Act
        var has1977 = EnglandAndWalesBankHolidays.For(1977).Any(h => h.Title == "Early May bank holiday");
        var in1978 = Assert.Single(EnglandAndWalesBankHolidays.For(1978), h => h.Title == "Early May bank holiday");

        // Assert
        Assert.False(has1977);
        Assert.Equal(new DateOnly(1978, 5, 1), in1978.Date);
    }

    [Theory]
    [InlineData(1970)]
    [InlineData(1)]
    [InlineData(10000)]
    public void For_YearOutsideSupportedRange_Throws(int year)
    {
        // Act
        var exception = Record.Exception(() => EnglandAndWalesBankHolidays.For(year));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(exception);
    }

    [Fact]
    public void For_EveryYear1971To2200_IsSortedDistinctWeekdaysWithinTheYear()
    {
        for (var year = 1971; year <= 2200; year++)
        {
            // Act
            var holidays = EnglandAndWalesBankHolidays.For(year);

            // Assert
            var dates = holidays.Select(h => h.Date).ToArray();
            Assert.Equal(dates.Order(), dates);
            Assert.Equal(dates.Length, dates.Distinct().Count());
            Assert.All(dates, d => Assert.Equal(year, d.Year));
            Assert.All(dates, d => Assert.InRange((int)d.DayOfWeek, (int)DayOfWeek.Monday, (int)DayOfWeek.Friday));
            Assert.All(dates, d => Assert.True(EnglandAndWalesBankHolidays.IsBankHoliday(d)));
            if (year >= 2024)
            {
                Assert.Equal(8, dates.Length);
            }
        }
    }

    [Fact]
    public void For_FarFutureYear_FollowsTheRules()
    {
        // Act — 2200: 1 Jan is a Wednesday, Easter is 6 April and Christmas is a Thursday.
        var dates = EnglandAndWalesBankHolidays.For(2200).Select(h => h.Date).ToArray();

        // Assert
        Assert.Equal(
            new[] { "2200-01-01", "2200-04-04", "2200-04-07", "2200-05-05", "2200-05-26", "2200-08-25", "2200-12-25", "2200-12-26" }.Select(Date),
            dates);
    }

    [Fact]
    public void For_SameYearTwice_ReturnsTheCachedList()
    {
        // Act
        var first = EnglandAndWalesBankHolidays.For(2031);
        var second = EnglandAndWalesBankHolidays.For(2031);

        // Assert
        Assert.Same(first, second);
    }

    [Fact]
    public void For_ReturnedList_CannotBeModified()
    {
        // Act
        var holidays = EnglandAndWalesBankHolidays.For(2026);

        // Assert
        var collection = Assert.IsAssignableFrom<ICollection<BankHoliday>>(holidays);
        Assert.True(collection.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => collection.Clear());
    }

    [Fact]
    public void For_CalledConcurrently_GivesConsistentResults()
    {
        // Arrange
        var years = Enumerable.Range(0, 2000).Select(i => 2300 + (i % 50)).ToArray();
        var results = new IReadOnlyList<BankHoliday>[years.Length];

        // Act
        Parallel.For(0, years.Length, i => results[i] = EnglandAndWalesBankHolidays.For(years[i]));

        // Assert
        for (var i = 0; i < years.Length; i++)
        {
            Assert.Equal(EnglandAndWalesBankHolidays.For(years[i]), results[i]);
        }
    }

    [Theory]
    [InlineData("2026-12-25", true)]
    [InlineData("2026-12-28", true)]
    [InlineData("2026-12-26", false)]
    [InlineData("2026-12-24", false)]
    [InlineData("2026-05-25", true)]
    [InlineData("2026-06-01", false)]
    public void IsBankHoliday_Date_ReportsWhetherItIsOne(string date, bool expected)
    {
        // Act
        var result = EnglandAndWalesBankHolidays.IsBankHoliday(Date(date));

        // Assert
        Assert.Equal(expected, result);
    }

    [Fact]
    public void IsBankHoliday_DateBefore1971_Throws()
    {
        // Act
        var exception = Record.Exception(() => EnglandAndWalesBankHolidays.IsBankHoliday(new DateOnly(1970, 12, 25)));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(exception);
    }

    private const string GovUkSample = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              {"title": "Christmas Day", "date": "2020-12-25", "notes": "", "bunting": true},
              {"title": "New Year’s Day", "date": "2020-01-01", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2020-12-28", "notes": "Substitute day", "bunting": true},
              {"title": "Early May bank holiday (VE day)", "date": "2020-05-08", "notes": "", "bunting": true}
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [
              {"title": "2nd January", "date": "2020-01-02", "notes": "", "bunting": true},
              {"title": "St Andrew’s Day", "date": "2020-11-30", "notes": "Substitute day", "bunting": true}
            ]
          }
        }
        """;

    [Fact]
    public void ParseGovUkJson_PublishedFormat_ReturnsSortedHolidays()
    {
        // Act
        var holidays = EnglandAndWalesBankHolidays.ParseGovUkJson(GovUkSample);

        // Assert
        Assert.Equal(
            [
                new BankHoliday(new DateOnly(2020, 1, 1), "New Year\u2019s Day"),
                new BankHoliday(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)"),
                new BankHoliday(new DateOnly(2020, 12, 25), "Christmas Day"),
                new BankHoliday(new DateOnly(2020, 12, 28), "Boxing Day", SubstituteDay),
            ],
            holidays);
    }

    [Fact]
    public void ParseGovUkJson_OtherDivision_ReadsThatDivision()
    {
        // Act
        var holidays = EnglandAndWalesBankHolidays.ParseGovUkJson(GovUkSample, "scotland");

        // Assert
        Assert.Equal(
            [
                new BankHoliday(new DateOnly(2020, 1, 2), "2nd January"),
                new BankHoliday(new DateOnly(2020, 11, 30), "St Andrew\u2019s Day", SubstituteDay),
            ],
            holidays);
    }

    [Fact]
    public void ParseGovUkJson_FileBuiltFromComputedYear_RoundTrips()
    {
        // Arrange
        var computed = EnglandAndWalesBankHolidays.For(2022);
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["england-and-wales"] = new
            {
                division = "england-and-wales",
                events = computed.Select(h => new
                {
                    title = h.Title,
                    date = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    notes = h.Notes ?? string.Empty,
                    bunting = true,
                }),
            },
        });

        // Act
        var parsed = EnglandAndWalesBankHolidays.ParseGovUkJson(json);

        // Assert
        Assert.Equal(computed, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"england-and-wales\": ")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"scotland\": {\"division\": \"scotland\", \"events\": []}}")]
    [InlineData("{\"england-and-wales\": []}")]
    [InlineData("{\"england-and-wales\": {\"division\": \"england-and-wales\"}}")]
    [InlineData("{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": {}}}")]
    [InlineData("{\"england-and-wales\": {\"division\": \"scotland\", \"events\": []}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [1]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"date\": \"2020-01-01\"}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \" \", \"date\": \"2020-01-01\"}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \"X\"}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": 20200101}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"01/01/2020\"}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2020-02-30\"}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2020-01-01\", \"notes\": 3}]}}")]
    [InlineData("{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2020-01-01\"}, {\"title\": \"Y\", \"date\": \"2020-01-01\"}]}}")]
    public void ParseGovUkJson_BadInput_ThrowsFormatException(string json)
    {
        // Act
        var exception = Record.Exception(() => EnglandAndWalesBankHolidays.ParseGovUkJson(json));

        // Assert
        var formatException = Assert.IsType<FormatException>(exception);
        Assert.False(string.IsNullOrWhiteSpace(formatException.Message));
    }

    [Fact]
    public void ParseGovUkJson_MissingDivision_NamesTheDivisionsFound()
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => EnglandAndWalesBankHolidays.ParseGovUkJson(GovUkSample, "northern-ireland"));

        // Assert
        Assert.Contains("\"northern-ireland\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"scotland\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGovUkJson_BadDate_QuotesTheDateAndEvent()
    {
        // Arrange
        const string json = "{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2020-01-01\"}, {\"title\": \"Y\", \"date\": \"2020-13-01\"}]}}";

        // Act
        var exception = Assert.Throws<FormatException>(() => EnglandAndWalesBankHolidays.ParseGovUkJson(json));

        // Assert
        Assert.Contains("Event 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2020-13-01", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGovUkJson_NullJson_ThrowsArgumentNullException()
    {
        // Act
        var exception = Record.Exception(() => EnglandAndWalesBankHolidays.ParseGovUkJson(null!));

        // Assert
        Assert.IsType<ArgumentNullException>(exception);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
