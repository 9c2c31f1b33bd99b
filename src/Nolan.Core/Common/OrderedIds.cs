namespace Nolan.Core.Common;

/// <summary>
/// UUIDv7 identifiers that increase strictly within this process (RFC 9562 §6.2, method 1: a 12-bit counter in
/// <c>rand_a</c> for ids made in the same millisecond). Rows ordered by (time, id) then come back in the order they were
/// made, so two activities written by one change read back as they were answered, on SQLite and PostgreSQL alike.
/// </summary>
public static class OrderedIds
{
    private static readonly Lock Gate = new();

    /// <summary>
    /// Wall-clock time, as <see cref="Guid.CreateVersion7()"/> uses: an identifier's timestamp orders creation, it is not
    /// a business date, so it never follows a test's fake clock (a clock moved back would break the order).
    /// </summary>
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static long _lastMs;
    private static int _counter;

    public static Guid Next()
    {
        long ms;
        int counter;
        lock (Gate)
        {
            ms = Clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (ms <= _lastMs)
            {
                ms = _lastMs;
                if (++_counter > 0xFFF)
                {
                    // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an order.
                    ms = ++_lastMs;
                    _counter = 0;
                }
            }
            else
            {
                _lastMs = ms;
                _counter = 0;
            }

            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(ms)).TryWriteBytes(bytes, bigEndian: true, out _);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        return new Guid(bytes, bigEndian: true);
    }
}
