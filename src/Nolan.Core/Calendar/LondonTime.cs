using System.Globalization;

namespace Nolan.Core.Calendar;

/// <summary>
/// Converts instants to UK civil time (GMT in winter, BST in summer) and formats them in GOV.UK style.
/// Councils reckon deadlines in local dates, so every instant must pass through here before it becomes a date.
/// </summary>
public static class LondonTime
{
    /// <summary>The Europe/London time zone.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK calendar date at <paramref name="instant"/>.</summary>
    /// <param name="instant">Any instant, whatever its offset.</param>
    /// <returns>The local date in London.</returns>
    public static DateOnly ToLocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>The UK wall-clock time at <paramref name="instant"/>.</summary>
    /// <param name="instant">Any instant, whatever its offset.</param>
    /// <returns>The local date and time in London, with <see cref="DateTimeKind.Unspecified"/>.</returns>
    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant at which <paramref name="date"/> begins in London.</summary>
    /// <param name="date">A UK calendar date.</param>
    /// <returns>Local midnight, carrying the UTC offset in force then (+01:00 during BST).</returns>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // UK clocks change at 01:00 UTC, so midnight is never skipped or repeated; these branches keep the
        // method correct should the rules (or the zone) ever change.
        if (Zone.IsAmbiguousTime(midnight))
        {
            return new DateTimeOffset(midnight, Zone.GetAmbiguousTimeOffsets(midnight).Max());
        }

        if (Zone.IsInvalidTime(midnight))
        {
            // The day starts at the moment the clocks jump, which is midnight read at the offset before the jump.
            var transition = new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight.AddDays(-1)));
            return TimeZoneInfo.ConvertTime(transition, Zone);
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>Formats a date in GOV.UK style, for example "4 January 2027".</summary>
    /// <param name="d">The date.</param>
    /// <returns>Day without a leading zero, full English month name, four-digit year.</returns>
    public static string FormatDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats an instant as UK local time in GOV.UK style, for example "4 January 2027 at 2:05pm",
    /// "4 January 2027 at 9am", "4 January 2027 at midday" or "4 January 2027 at midnight".
    /// </summary>
    /// <param name="instant">Any instant; it is converted to London time first. Seconds are not shown.</param>
    /// <returns>The formatted local date and time.</returns>
    public static string FormatDateTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return $"{FormatDate(DateOnly.FromDateTime(local))} at {FormatTime(local.Hour, local.Minute)}";
    }

    /// <summary>The instant at which it is <paramref name="time"/> on <paramref name="date"/> in London (a time the clocks skip is read an hour later).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Reads a time of day as people write it: "14:30", "14.30", "2:30pm", "2.30 pm", "2pm", "9am", "midday",
    /// "noon", "midnight". False for anything else.
    /// </summary>
    public static bool TryParseTimeOfDay(string? text, out TimeOnly time)
    {
        time = default;
        var t = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace('.', ':');
        switch (t)
        {
            case "midday" or "noon" or "12noon":
                time = new TimeOnly(12, 0);
                return true;
            case "midnight":
                time = new TimeOnly(0, 0);
                return true;
        }

        var pm = t.EndsWith("pm", StringComparison.Ordinal);
        var am = t.EndsWith("am", StringComparison.Ordinal);
        if (am || pm)
        {
            t = t[..^2];
        }

        var parts = t.Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || parts[0].Length is 0 or > 2)
        {
            return false;
        }

        var minute = 0;
        if (parts.Length == 2 && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)))
        {
            return false;
        }

        if (am || pm)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (parts.Length == 1)
        {
            // A bare number is not a time: "14" could be a date or a duration.
            return false;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>The London time of day of an instant in GOV.UK style, for example "2:30pm" or "midday".</summary>
    public static string FormatTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return FormatTime(local.Hour, local.Minute);
    }

    private static string FormatTime(int hour, int minute)
    {
        if (minute == 0 && hour is 0 or 12)
        {
            return hour == 0 ? "midnight" : "midday";
        }

        var suffix = hour < 12 ? "am" : "pm";
        var clockHour = hour % 12 == 0 ? 12 : hour % 12;

        // GOV.UK style writes whole hours without minutes: "9am", not "9:00am".
        return minute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{clockHour}{suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{clockHour}:{minute:00}{suffix}");
    }
}
