using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Nolan.Core.Calendar;

/// <summary>A bank holiday observed on a particular date.</summary>
/// <param name="Date">The day on which the holiday is observed (a substitute day where one applies).</param>
/// <param name="Title">The holiday's name as GOV.UK publishes it, for example "Boxing Day".</param>
/// <param name="Notes">Extra detail such as "Substitute day"; <see langword="null"/> when there is none.</param>
public sealed record BankHoliday(DateOnly Date, string Title, string? Notes = null);

/// <summary>
/// Bank holidays in England and Wales, computed from the statutory rules plus a table of the one-off changes
/// made by royal proclamation. Holidays announced after this code was written can be loaded from GOV.UK's
/// published file with <see cref="ParseGovUkJson"/> and supplied to <see cref="WorkingDayCalendar"/>.
/// </summary>
/// <remarks>
/// Years from 1971 (when the Banking and Financial Dealings Act 1971 fixed the modern pattern) to 9999 are
/// supported. New Year's Day counts from 1974 and the early May bank holiday from 1978, when each was first observed.
/// </remarks>
public static class EnglandAndWalesBankHolidays
{
    private const int FirstSupportedYear = 1971;
    private const int LastSupportedYear = 9999;
    private const int FirstNewYearsDayHoliday = 1974;
    private const int FirstEarlyMayHoliday = 1978;

    private const string SubstituteDay = "Substitute day";
    private const string NewYearsDay = "New Year\u2019s Day";
    private const string GoodFriday = "Good Friday";
    private const string EasterMonday = "Easter Monday";
    private const string EarlyMay = "Early May bank holiday";
    private const string Spring = "Spring bank holiday";
    private const string Summer = "Summer bank holiday";
    private const string ChristmasDay = "Christmas Day";
    private const string BoxingDay = "Boxing Day";

    /// <summary>
    /// Departures from the rules, each made by royal proclamation. A row with <c>Moves</c> set replaces that
    /// year's rule-based holiday of the same title; a row without it is an extra holiday.
    /// </summary>
    private static readonly Proclamation[] Proclamations =
    [
        new(new DateOnly(1977, 6, 6), Spring, Moves: Spring, Occasion: "for the Silver Jubilee"),
        new(new DateOnly(1977, 6, 7), "Silver Jubilee of Queen Elizabeth II"),
        new(new DateOnly(1981, 7, 29), "Royal wedding", Occasion: "Wedding of the Prince of Wales and Lady Diana Spencer"),
        new(new DateOnly(1995, 5, 8), "Early May bank holiday (VE day)", Moves: EarlyMay, Occasion: "for the 50th anniversary of VE day"),
        new(new DateOnly(1999, 12, 31), "Millennium celebrations"),
        new(new DateOnly(2002, 6, 3), "Golden Jubilee of Queen Elizabeth II"),
        new(new DateOnly(2002, 6, 4), Spring, Moves: Spring, Occasion: "for the Golden Jubilee"),
        new(new DateOnly(2011, 4, 29), "Royal wedding", Occasion: "Wedding of Prince William and Catherine Middleton"),
        new(new DateOnly(2012, 6, 4), Spring, Moves: Spring, Occasion: "for the Diamond Jubilee"),
        new(new DateOnly(2012, 6, 5), "Queen\u2019s Diamond Jubilee"),
        new(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)", Moves: EarlyMay, Occasion: "for the 75th anniversary of VE day"),
        new(new DateOnly(2022, 6, 2), Spring, Moves: Spring, Occasion: "for the Platinum Jubilee"),
        new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        new(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        new(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ];

    private static readonly ConcurrentDictionary<int, IReadOnlyList<BankHoliday>> Cache = new();

    /// <summary>Returns the bank holidays observed in England and Wales in <paramref name="year"/>, sorted by date.</summary>
    /// <param name="year">A year from 1971 to 9999.</param>
    /// <returns>A read-only list, computed once per year and shared between callers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1971 to 9999.</exception>
    public static IReadOnlyList<BankHoliday> For(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year),
                year,
                $"England and Wales bank holidays are only computed for {FirstSupportedYear} to {LastSupportedYear}; earlier years followed different rules.");
        }

        return Cache.GetOrAdd(year, Compute);
    }

    /// <summary>Whether <paramref name="date"/> is a bank holiday in England and Wales.</summary>
    /// <param name="date">A date in 1971 to 9999.</param>
    /// <returns><see langword="true"/> when a bank holiday (including a substitute day) falls on that date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date's year is outside 1971 to 9999.</exception>
    public static bool IsBankHoliday(DateOnly date)
    {
        // A year has at most ten or so holidays, so a scan beats building and caching a set.
        foreach (var holiday in For(date.Year))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the bank holidays for one division from GOV.UK's published JSON file
    /// (https://www.gov.uk/bank-holidays.json), so that newly announced holidays can be loaded by an administrator.
    /// </summary>
    /// <param name="json">The file's text: an object keyed by division, each with an <c>events</c> array.</param>
    /// <param name="division">The division to read: "england-and-wales", "scotland" or "northern-ireland".</param>
    /// <returns>The division's holidays sorted by date. Empty notes become <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="division"/> is empty or white space.</exception>
    /// <exception cref="FormatException">The text is not JSON in the published format, or lists a date twice.</exception>
    public static IReadOnlyList<BankHoliday> ParseGovUkJson(string json, string division = "england-and-wales")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(division);

        using var document = ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(
                $"The bank holidays file must be a JSON object keyed by division (such as \"england-and-wales\"), but it is {Describe(root.ValueKind)}.");
        }

        if (!root.TryGetProperty(division, out var divisionElement))
        {
            var available = string.Join(", ", root.EnumerateObject().Select(p => $"\"{p.Name}\""));
            throw new FormatException(
                $"The bank holidays file has no \"{division}\" division. Divisions found: {(available.Length == 0 ? "none" : available)}.");
        }

        if (divisionElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(
                $"The \"{division}\" division must be a JSON object with an \"events\" array, but it is {Describe(divisionElement.ValueKind)}.");
        }

        if (divisionElement.TryGetProperty("division", out var declared)
            && (declared.ValueKind != JsonValueKind.String || declared.GetString() != division))
        {
            throw new FormatException(
                $"The \"{division}\" entry declares itself as division {declared.GetRawText()}; the two names must match.");
        }

        if (!divisionElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"The \"{division}\" division must have an \"events\" array.");
        }

        var holidays = new List<BankHoliday>(events.GetArrayLength());
        var seen = new HashSet<DateOnly>();
        var position = 0;
        foreach (var item in events.EnumerateArray())
        {
            position++;
            var holiday = ParseEvent(item, division, position);
            if (!seen.Add(holiday.Date))
            {
                throw new FormatException(
                    $"Event {position} in the \"{division}\" division repeats the date {FormatIsoDate(holiday.Date)}; each date may appear only once.");
            }

            holidays.Add(holiday);
        }

        holidays.Sort(static (x, y) => x.Date.CompareTo(y.Date));
        return holidays.AsReadOnly();
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The bank holidays file is not valid JSON: {exception.Message}", exception);
        }
    }

    private static BankHoliday ParseEvent(JsonElement item, string division, int position)
    {
        var where = $"Event {position} in the \"{division}\" division";
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be a JSON object, but it is {Describe(item.ValueKind)}.");
        }

        if (!item.TryGetProperty("title", out var titleElement)
            || titleElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(titleElement.GetString()))
        {
            throw new FormatException($"{where} must have a non-empty \"title\" string.");
        }

        if (!item.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{where} must have a \"date\" string in the form yyyy-MM-dd.");
        }

        var dateText = dateElement.GetString();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"{where} has the date \"{dateText}\", which is not a real date in the form yyyy-MM-dd.");
        }

        string? notes = null;
        if (item.TryGetProperty("notes", out var notesElement))
        {
            notes = notesElement.ValueKind switch
            {
                JsonValueKind.String => notesElement.GetString(),
                JsonValueKind.Null => null,
                _ => throw new FormatException($"{where} has \"notes\" that are {Describe(notesElement.ValueKind)}, not a string."),
            };
        }

        return new BankHoliday(date, titleElement.GetString()!.Trim(), string.IsNullOrWhiteSpace(notes) ? null : notes.Trim());
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    private static string FormatIsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<BankHoliday> Compute(int year)
    {
        var holidays = new List<BankHoliday>(10);

        if (year >= FirstNewYearsDayHoliday)
        {
            holidays.Add(OnWeekdayOrNextMonday(new DateOnly(year, 1, 1), NewYearsDay));
        }

        var easter = EasterSunday(year);
        holidays.Add(new BankHoliday(easter.AddDays(-2), GoodFriday));
        holidays.Add(new BankHoliday(easter.AddDays(1), EasterMonday));

        if (year >= FirstEarlyMayHoliday)
        {
            holidays.Add(new BankHoliday(FirstMonday(year, 5), EarlyMay));
        }

        holidays.Add(new BankHoliday(LastMonday(year, 5), Spring));
        holidays.Add(new BankHoliday(LastMonday(year, 8), Summer));
        AddChristmas(holidays, year);

        foreach (var proclamation in Proclamations)
        {
            if (proclamation.Date.Year == year)
            {
                Apply(holidays, proclamation);
            }
        }

        holidays.Sort(static (x, y) => x.Date.CompareTo(y.Date));
        return holidays.AsReadOnly();
    }

    private static void Apply(List<BankHoliday> holidays, Proclamation proclamation)
    {
        if (proclamation.Moves is null)
        {
            holidays.Add(new BankHoliday(proclamation.Date, proclamation.Title, proclamation.Occasion));
            return;
        }

        var index = holidays.FindIndex(h => h.Title == proclamation.Moves);
        if (index < 0)
        {
            // Only reachable if the table is edited to move a holiday that did not exist that year.
            throw new InvalidOperationException(
                $"The proclamation for {FormatIsoDate(proclamation.Date)} moves the {proclamation.Moves}, which the rules do not give for that year.");
        }

        var original = holidays[index].Date;
        var notes = $"Moved from {original.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} {proclamation.Occasion}".TrimEnd();
        holidays[index] = new BankHoliday(proclamation.Date, proclamation.Title, notes);
    }

    private static void AddChristmas(List<BankHoliday> holidays, int year)
    {
        // The substitute days follow the pattern GOV.UK publishes: a holiday displaced by the weekend moves to
        // the next weekday not already taken, and Boxing Day keeps 26 December whenever that is a weekday.
        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                holidays.Add(new BankHoliday(christmas, ChristmasDay));
                holidays.Add(new BankHoliday(new DateOnly(year, 12, 28), BoxingDay, SubstituteDay));
                break;
            case DayOfWeek.Saturday:
                holidays.Add(new BankHoliday(new DateOnly(year, 12, 27), ChristmasDay, SubstituteDay));
                holidays.Add(new BankHoliday(new DateOnly(year, 12, 28), BoxingDay, SubstituteDay));
                break;
            case DayOfWeek.Sunday:
                holidays.Add(new BankHoliday(new DateOnly(year, 12, 26), BoxingDay));
                holidays.Add(new BankHoliday(new DateOnly(year, 12, 27), ChristmasDay, SubstituteDay));
                break;
            default:
                holidays.Add(new BankHoliday(christmas, ChristmasDay));
                holidays.Add(new BankHoliday(new DateOnly(year, 12, 26), BoxingDay));
                break;
        }
    }

    private static BankHoliday OnWeekdayOrNextMonday(DateOnly date, string title) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => new BankHoliday(date.AddDays(2), title, SubstituteDay),
        DayOfWeek.Sunday => new BankHoliday(date.AddDays(1), title, SubstituteDay),
        _ => new BankHoliday(date, title),
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Easter Sunday in the Gregorian calendar, by the anonymous algorithm given by Meeus.</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private sealed record Proclamation(DateOnly Date, string Title, string? Moves = null, string? Occasion = null);
}
