using Microsoft.EntityFrameworkCore;

namespace Nolan.Core.DataStore;

/// <summary>How the database says two changes raced, on SQLite and PostgreSQL alike.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique key taken first by another change (e.g. the next sequence number of an audit stream).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A write that lost a race with another: answered 409 (read again, retry), never 500.</summary>
    public static bool IsRacingWrite(Exception ex) =>
        ex is DbUpdateConcurrencyException || (ex is DbUpdateException u && IsUniqueViolation(u));
}
