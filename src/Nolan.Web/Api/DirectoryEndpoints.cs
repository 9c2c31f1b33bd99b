using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Web.Security;

namespace Nolan.Web.Api;

/// <summary>The signed-in person and the directory of the councils they act in.</summary>
public static class DirectoryEndpoints
{
    public static void MapDirectoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http) =>
        {
            var a = ActorMiddleware.ActorOf(http);
            return Results.Json(new
            {
                accountId = a.AccountId,
                name = a.Name,
                officerId = a.OfficerId,
                members = a.Members.Select(m => new { m.MemberId, m.CouncilId }),
                officerCouncils = a.OfficerCouncils.Select(c => new { councilId = c.Key, roles = c.Value.ToString() }),
            }, ApiJson.Options);
        }).RequireAuthorization(Policies.SignedIn).WithTags("Directory").WithSummary("Who you are signed in as, and your roles.");

        var absence = api.MapGroup("/me/absence").WithTags("Directory").RequireAuthorization(Policies.Officer);
        absence.MapGet("/", async (HttpContext http, Absences absences) =>
            await absences.CurrentAsync(ActorMiddleware.ActorOf(http), http.RequestAborted) is { } a
                ? Results.Json(a, ApiJson.Options)
                : ApiJson.Problem(new Core.Common.NotFound("absence")))
            .Produces<Absence>().ProducesProblem(404).WithSummary("Your recorded absence and the colleague covering it.");
        absence.MapPut("/", async (HttpContext http, Absences absences) =>
        {
            var body = await ApiJson.ReadAsync<AbsenceRequest>(http.Request);
            if (!body.IsSuccess)
            {
                return ApiJson.Problem(body.Error!);
            }

            var result = await absences.SetAsync(new SetAbsence(body.Value!.AwayFrom, body.Value.AwayUntil, body.Value.CoverOfficerId),
                ActorMiddleware.ActorOf(http), http.RequestAborted);
            return result.IsSuccess ? Results.Json(result.Value, ApiJson.Options) : ApiJson.Problem(result.Error!);
        }).AddEndpointFilter<IdempotencyFilter>().Accepts<AbsenceRequest>("application/json").Produces<Absence>().ProducesProblem(400)
            .WithSummary("Record an absence (first and last day away) and the colleague who receives your members' enquiries (Southend 9.1.6).");
        absence.MapDelete("/", async (HttpContext http, Absences absences) =>
        {
            var result = await absences.ClearAsync(ActorMiddleware.ActorOf(http), http.RequestAborted);
            return result.IsSuccess ? Results.NoContent() : ApiJson.Problem(result.Error!);
        }).AddEndpointFilter<IdempotencyFilter>().Produces(204).WithSummary("Clear your absence.");

        var councils = api.MapGroup("/councils/{councilId:guid}").WithTags("Directory").RequireAuthorization(Policies.SignedIn);
        councils.MapGet("/wards", async (Guid councilId, HttpContext http, NolanDbContext db) =>
            Visible(http, councilId) ? Results.Json(await db.Wards.AsNoTracking().Where(w => w.CouncilId == councilId)
                .OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).ToListAsync(http.RequestAborted), ApiJson.Options) : NotFound())
            .WithSummary("Wards of a council you act in.");
        councils.MapGet("/services", async (Guid councilId, HttpContext http, NolanDbContext db) =>
            Visible(http, councilId) ? Results.Json(await db.Services.AsNoTracking().Where(s => s.CouncilId == councilId)
                .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Description, manager = s.Manager!.Name })
                .ToListAsync(http.RequestAborted), ApiJson.Options) : NotFound())
            .WithSummary("Services and their managers (\u201cWho does what\u201d).");
        councils.MapGet("/members", async (Guid councilId, HttpContext http, NolanDbContext db) =>
            Visible(http, councilId) ? Results.Json(await db.Members.AsNoTracking().Where(m => m.CouncilId == councilId && m.Active)
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name, kind = m.Kind.ToString(), m.WardId, m.GroupId })
                .ToListAsync(http.RequestAborted), ApiJson.Options) : NotFound())
            .WithSummary("Members of a council you act in.");
        councils.MapGet("/officers", async (Guid councilId, HttpContext http, NolanDbContext db) =>
            Visible(http, councilId) && ActorMiddleware.ActorOf(http).Serves(councilId)
                ? Results.Json(await db.OfficerAppointments.AsNoTracking().Where(a => a.CouncilId == councilId && a.Officer!.Active)
                    .OrderBy(a => a.Officer!.Name).Select(a => new { a.Officer!.Id, a.Officer.Name, a.Officer.JobTitle })
                    .ToListAsync(http.RequestAborted), ApiJson.Options)
                : NotFound())
            .WithSummary("Officers serving a council (officers of that council only).");
    }

    private static bool Visible(HttpContext http, Guid councilId) => ActorMiddleware.ActorOf(http).Councils.Contains(councilId);

    private static IResult NotFound() => ApiJson.Problem(new Core.Common.NotFound("council"));
}

/// <summary>An absence: <c>awayFrom</c> and <c>awayUntil</c> are London dates (inclusive), <c>coverOfficerId</c> a colleague.</summary>
public sealed record AbsenceRequest(DateOnly? AwayFrom, DateOnly? AwayUntil, Guid? CoverOfficerId);
