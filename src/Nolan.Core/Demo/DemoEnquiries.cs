using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Calendar;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;

namespace Nolan.Core.Demo;

/// <summary>
/// A few weeks of members' enquiries for each demo council, in every state, logged and worked through
/// <see cref="EnquiryService"/> like real ones (so each has its file and audit trail).
/// </summary>
public static class DemoEnquiries
{
    private static readonly (string Subject, string Details, string? Service)[] Samples =
    [
        ("Missed bin collection on Victoria Road", "Residents say the recycling has not been collected for two weeks.", "Waste and recycling"),
        ("Overgrown hedge blocking the footpath", "Pushchairs and wheelchairs have to use the road outside the primary school.", null),
        ("Fly-tipping behind the parade of shops", "Mattresses and builders' rubble dumped again at the weekend.", "Street cleansing"),
        ("Streetlight out on Church Lane", "The light by the bus stop has been out for a month; residents feel unsafe.", null),
        ("Council tax query for a resident", "A resident has been billed twice for March; can someone look at the account?", "Council tax"),
        ("Extension built without permission?", "Neighbours ask whether the rear extension at number 14 had planning permission.", "Planning enforcement"),
        ("Noise from a late-night venue", "Residents report music until 3am most weekends.", "Environmental health"),
        ("Parking at the school gates", "Cars on the zig-zags every morning; can enforcement visit?", "Car parks"),
        ("Play equipment broken in the park", "The swings have been taped off since the summer.", "Parks and open spaces"),
        ("Graffiti on the underpass", "Offensive graffiti reported by several residents.", "Street cleansing"),
        ("Homelessness: rough sleeper by the station", "A man has been sleeping in the doorway for a week; can the outreach team visit?", null),
        ("Garden waste subscription not working", "A resident paid but has had no collections.", "Waste and recycling"),
    ];

    public static async Task<int> SeedAsync(NolanDbContext db, EnquiryService enquiries, TimeProvider time, CancellationToken ct = default)
    {
        var count = 0;
        foreach (var council in await db.Councils.AsNoTracking().OrderBy(c => c.Slug).ToListAsync(ct))
        {
            var hubEmail = council.Slug == "vale-of-white-horse" ? "hub@south-oxfordshire.demo" : $"hub@{council.Slug}.demo";
            var officerEmail = council.Slug == "vale-of-white-horse" ? "officer@south-oxfordshire.demo" : $"officer@{council.Slug}.demo";
            var hub = await ActorAsync(db, hubEmail, ct);
            var officer = await ActorAsync(db, officerEmail, ct);
            var members = await (from a in db.Accounts
                                 join m in db.Members on a.Id equals m.AccountId
                                 where m.CouncilId == council.Id && (a.Email == $"member@{council.Slug}.demo" || a.Email == $"member2@{council.Slug}.demo")
                                 orderby a.Email
                                 select m.Id).ToListAsync(ct);
            if (hub is null || officer?.OfficerId is not { } officerId || members.Count == 0)
            {
                continue;
            }

            var services = await db.Services.AsNoTracking().Where(s => s.CouncilId == council.Id).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
            for (var i = 0; i < Samples.Length; i++)
            {
                var (subject, details, service) = Samples[i];
                var logged = await enquiries.LogAsync(new LogEnquiry
                {
                    MemberId = members[i % members.Count],
                    Channel = (i % 3) switch { 0 => EnquiryChannel.Email, 1 => EnquiryChannel.Phone, _ => EnquiryChannel.InPerson },
                    Subject = subject,
                    Details = details,
                    ServiceId = service is not null && services.TryGetValue(service, out var sid) ? sid : null,
                    ReceivedAt = time.GetUtcNow().AddDays(-(2 + (i * 2))),
                }, hub, ct);
                if (!logged.IsSuccess)
                {
                    continue;
                }

                count++;
                var e = logged.Value!.Enquiry;
                if (i % 6 == 0)
                {
                    continue;
                }

                if (e.AssignedOfficerId != officerId)
                {
                    e = (await enquiries.AssignAsync(e.Id, e.Version, new AssignEnquiry(officerId, "Please pick this up."), hub, ct)).Value ?? e;
                }

                switch (i % 6)
                {
                    case 1:
                        await enquiries.AcceptAsync(e.Id, e.Version, officer, ct);
                        break;
                    case 2:
                        await enquiries.SendHoldingReplyAsync(e.Id, e.Version, new SendHoldingReply(
                            "We are waiting for the contractor's report.", "The service manager has asked for it by Friday.",
                            LondonTime.ToLocalDate(time.GetUtcNow()).AddDays(10)), officer, ct);
                        break;
                    case 3:
                        await enquiries.RespondAsync(e.Id, e.Version, new SendResponse("This has been passed to the team, who will visit this week."), officer, ct);
                        break;
                    case 4:
                        var answered = await enquiries.RespondAsync(e.Id, e.Version, new SendResponse("Done: the crew attended and cleared it."), officer, ct);
                        if (answered.IsSuccess)
                        {
                            await enquiries.CloseAsync(e.Id, answered.Value!.Version, officer, ct);
                        }

                        break;
                }
            }
        }

        return count;
    }

    private static async Task<Actor?> ActorAsync(NolanDbContext db, string email, CancellationToken ct)
    {
        var id = await db.Accounts.Where(a => a.Email == email).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await Actor.LoadAsync(db, id.Value, ct);
    }
}
