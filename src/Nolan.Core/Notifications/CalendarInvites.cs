using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Nolan.Core.Calendar;

namespace Nolan.Core.Notifications;

/// <summary>Someone invited, or the organiser.</summary>
public sealed record Invitee(string Name, string Email);

/// <summary>
/// A meeting to put in people's calendars: a briefing, a public meeting, a ward event or a meeting about an
/// enquiry. <see cref="Uid"/> stays the same for the life of the meeting and <see cref="Sequence"/> goes up with
/// each change, so a calendar updates (or, when <see cref="Cancelled"/>, removes) the entry it already has.
/// </summary>
public sealed record Invitation(
    string Uid,
    int Sequence,
    string Summary,
    string? Description,
    string? Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    Invitee Organizer,
    IReadOnlyList<Invitee> Attendees,
    string? Url = null,
    bool Cancelled = false);

/// <summary>iCalendar (RFC 5545) invitations with Ical.Net, in Europe/London time, ready to attach to an email.</summary>
public static class CalendarInvites
{
    /// <summary>The <c>text/calendar</c> body: <c>METHOD:REQUEST</c>, or <c>METHOD:CANCEL</c> for a cancelled meeting.</summary>
    public static string Render(Invitation i, DateTimeOffset stamp)
    {
        var calendar = new Ical.Net.Calendar { Method = i.Cancelled ? "CANCEL" : "REQUEST", ProductId = "-//Nolan//Member Officer Relations//EN" };
        // With its STANDARD and DAYLIGHT rules (RFC 5545 3.6.5): some calendars reject a VTIMEZONE that has only a TZID.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(LondonTime.Zone.Id,
            LondonTime.ToLocal(i.Start).AddYears(-1), includeHistoricalData: false));
        var e = new CalendarEvent
        {
            Uid = i.Uid,
            Sequence = i.Sequence,
            Summary = i.Summary,
            Description = i.Description,
            Location = i.Location,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(LondonTime.ToLocal(i.Start), LondonTime.Zone.Id),
            DtEnd = new CalDateTime(LondonTime.ToLocal(i.End), LondonTime.Zone.Id),
            Status = i.Cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{i.Organizer.Email}") { CommonName = i.Organizer.Name },
        };
        if (i.Url is not null)
        {
            e.Url = new Uri(i.Url);
        }

        foreach (var a in i.Attendees)
        {
            e.Attendees.Add(new Attendee($"mailto:{a.Email}")
            {
                CommonName = a.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = !i.Cancelled,
            });
        }

        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The invitation could not be written.");
    }
}
