namespace Nolan.Core.Calendar;

/// <summary>
/// Working days are Monday to Friday, less England and Wales bank holidays, less the council's own closure days,
/// less any extra (announced) bank holidays passed in. Instances are immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Weekdays are only judged for 1971 to 9999, the years <see cref="EnglandAndWalesBankHolidays"/> covers; a weekday
/// outside that range throws <see cref="ArgumentOutOfRangeException"/> rather than being guessed at.
/// </remarks>
public sealed class WorkingDayCalendar
{
    // Closure days and announced holidays have the same effect on counting, so one set serves both.
    private readonly HashSet<DateOnly> _additionalNonWorkingDays;

    /// <summary>Creates a calendar for a council.</summary>
    /// <param name="closureDays">Days the council is closed although they are not bank holidays, such as 29 to 31 December.</param>
    /// <param name="extraHolidays">Bank holidays announced after the rules in <see cref="EnglandAndWalesBankHolidays"/> were written.</param>
    public WorkingDayCalendar(IEnumerable<DateOnly>? closureDays = null, IEnumerable<DateOnly>? extraHolidays = null)
    {
        _additionalNonWorkingDays = [.. closureDays ?? [], .. extraHolidays ?? []];
    }

    /// <summary>A calendar with no council closure days and no extra holidays.</summary>
    public static WorkingDayCalendar Default { get; } = new();

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    /// <param name="date">The date to test.</param>
    /// <returns><see langword="true"/> for a weekday that is neither a bank holiday nor a closure day.</returns>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_additionalNonWorkingDays.Contains(date)
        && !EnglandAndWalesBankHolidays.IsBankHoliday(date);

    /// <summary>Returns <paramref name="date"/> if it is a working day, otherwise the first working day after it.</summary>
    /// <param name="date">The starting date.</param>
    /// <returns>The first working day on or after <paramref name="date"/>.</returns>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The due date for a response within <paramref name="workingDays"/> working days of receipt.
    /// The day of receipt is day 0; a receipt on a non-working day is treated as received on the next working day
    /// (day 0 is then that day). Counting steps forward one day at a time over working days, and the Nth working day
    /// counted is the due date.
    /// </summary>
    /// <param name="received">The date the item was received.</param>
    /// <param name="workingDays">The number of working days allowed; 0 returns the normalised day of receipt.</param>
    /// <returns>The due date, which is always a working day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly received, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var date = NextWorkingDayOnOrAfter(received);
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The number of working days <c>d</c> with <paramref name="from"/> &lt; <c>d</c> &lt;= <paramref name="to"/>.</summary>
    /// <param name="from">The exclusive start.</param>
    /// <param name="to">The inclusive end.</param>
    /// <returns>The count, or 0 when <paramref name="to"/> is on or before <paramref name="from"/>.</returns>
    public int WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from; date < to;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
