using System.Globalization;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// The three boxes of a GOV.UK date input, kept as typed so a page can redisplay what the user entered.
/// Bind it as a property (<c>public DateParts Start { get; set; } = new();</c>) and render it with
/// <see cref="GovukDateInputTagHelper"/>; the form posts <c>Start.Day</c>, <c>Start.Month</c> and <c>Start.Year</c>.
/// </summary>
public sealed class DateParts
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    /// <summary>True when all three boxes are blank.</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>
    /// Reads a real date: day and month as 1 or 2 digits (the month may also be a name, or its first
    /// three or more letters: "Feb", "Sept", "February"), year as 4 digits. Fails for a blank or partial date and for a date that does not
    /// exist, such as 31 February.
    /// </summary>
    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        if (!TryNumber(Day, maxDigits: 2, out var day)
            || !TryMonth(Month, out var month)
            || !TryNumber(Year, maxDigits: 4, out var year)
            || Year!.Trim().Length != 4
            || year < 1
            || month is < 1 or > 12
            || day < 1
            || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The parts of <paramref name="date"/> (empty parts for null), for showing a saved date.</summary>
    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateParts();

    private static bool TryNumber(string? text, int maxDigits, out int value)
    {
        value = 0;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && trimmed.Length <= maxDigits
            && trimmed.All(char.IsAsciiDigit)
            && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryMonth(string? text, out int month)
    {
        if (TryNumber(text, maxDigits: 2, out month))
        {
            return true;
        }

        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            var name = MonthNames[i];
            if (name.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }
}
