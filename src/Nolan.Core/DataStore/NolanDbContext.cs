using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.Enquiries;
using Nolan.Core.Notifications;

namespace Nolan.Core.DataStore;

/// <summary>The one database context. No repository layer: services use it directly.</summary>
public sealed class NolanDbContext(DbContextOptions<NolanDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<CouncilPage> CouncilPages => Set<CouncilPage>();
    public DbSet<ClosureDay> ClosureDays => Set<ClosureDay>();
    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<PoliticalGroup> PoliticalGroups => Set<PoliticalGroup>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<CommitteeSeat> CommitteeSeats => Set<CommitteeSeat>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<OfficerAppointment> OfficerAppointments => Set<OfficerAppointment>();
    public DbSet<OfficerRole> OfficerRoleRows => Set<OfficerRole>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    public DbSet<Enquiry> Enquiries => Set<Enquiry>();
    public DbSet<EnquiryActivity> EnquiryActivities => Set<EnquiryActivity>();
    public DbSet<Kernel.Duty> Duties => Set<Kernel.Duty>();
    /// <summary>ASP.NET Core data-protection keys (cookies, antiforgery), in the database so web nodes stay stateless.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InAppNotification> InAppNotifications => Set<InAppNotification>();
    public DbSet<Monitoring.MonthlyFigure> MonthlyFigures => Set<Monitoring.MonthlyFigure>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in the database and safe to reorder.
        foreach (var enumType in typeof(NolanDbContext).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(120);
        }

        configurationBuilder.Properties<string>().HaveMaxLength(400);

        if (IsSqlite)
        {
            // SQLite cannot compare or order DateTimeOffset. Nolan keeps instants in UTC, so UTC ticks order
            // correctly and keep full precision (EF's binary converter keeps only milliseconds, which would break
            // audit hashes computed over microseconds).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NolanDbContext).Assembly);
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>The SQLite and PostgreSQL models differ (type conversions), so the model cache must tell them apart.</summary>
public sealed class ProviderAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}
