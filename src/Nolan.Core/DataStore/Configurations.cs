using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.Enquiries;
using Nolan.Core.Notifications;

namespace Nolan.Core.DataStore;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> b)
    {
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Slug).HasMaxLength(80);
        b.Property(c => c.ShortCode).HasMaxLength(5);
        b.Property(c => c.ServiceName).HasMaxLength(CouncilIdentity.MaxServiceName).HasDefaultValue(CouncilIdentity.DefaultServiceName);
        b.Property(c => c.BrandColour).HasMaxLength(7);
        b.Property(c => c.LogoPath).HasMaxLength(200);
    }
}

internal sealed class CouncilPageConfiguration : IEntityTypeConfiguration<CouncilPage>
{
    public void Configure(EntityTypeBuilder<CouncilPage> b)
    {
        b.HasIndex(p => new { p.CouncilId, p.Slug }).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Body).HasMaxLength(CouncilIdentity.MaxPageBody);
        b.HasOne<Council>().WithMany().HasForeignKey(p => p.CouncilId);
    }
}

internal sealed class ClosureDayConfiguration : IEntityTypeConfiguration<ClosureDay>
{
    public void Configure(EntityTypeBuilder<ClosureDay> b)
    {
        b.HasIndex(c => new { c.CouncilId, c.Date }).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(c => c.CouncilId);
    }
}

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> b)
    {
        b.HasIndex(w => new { w.CouncilId, w.Name }).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(w => w.CouncilId);
    }
}

internal sealed class PoliticalGroupConfiguration : IEntityTypeConfiguration<PoliticalGroup>
{
    public void Configure(EntityTypeBuilder<PoliticalGroup> b)
    {
        b.HasIndex(g => new { g.CouncilId, g.Name }).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(g => g.CouncilId);
    }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.HasIndex(c => new { c.CouncilId, c.Name }).IsUnique();
        b.HasOne<Council>().WithMany().HasForeignKey(c => c.CouncilId);
    }
}

internal sealed class CommitteeSeatConfiguration : IEntityTypeConfiguration<CommitteeSeat>
{
    public void Configure(EntityTypeBuilder<CommitteeSeat> b)
    {
        b.HasIndex(s => new { s.CommitteeId, s.MemberId }).IsUnique();
        b.HasIndex(s => s.MemberId);
        b.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasIndex(m => new { m.CouncilId, m.Name });
        b.HasIndex(m => m.AccountId);
        b.HasOne<Council>().WithMany().HasForeignKey(m => m.CouncilId);
        b.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId);
        b.HasOne<Ward>().WithMany().HasForeignKey(m => m.WardId);
        b.HasOne<PoliticalGroup>().WithMany().HasForeignKey(m => m.GroupId);
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.HasIndex(o => o.AccountId).IsUnique();
        b.HasIndex(o => o.LineManagerId);
        b.HasOne(o => o.LineManager).WithMany().HasForeignKey(o => o.LineManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(o => o.CoverOfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId);
    }
}

internal sealed class OfficerAppointmentConfiguration : IEntityTypeConfiguration<OfficerAppointment>
{
    public void Configure(EntityTypeBuilder<OfficerAppointment> b)
    {
        b.HasIndex(a => new { a.OfficerId, a.CouncilId }).IsUnique();
        b.HasIndex(a => a.CouncilId);
        b.HasOne(a => a.Officer).WithMany().HasForeignKey(a => a.OfficerId);
        b.HasOne<Council>().WithMany().HasForeignKey(a => a.CouncilId);
        b.Ignore(a => a.Roles);
        b.HasMany(a => a.RoleRows).WithOne().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfficerRoleConfiguration : IEntityTypeConfiguration<OfficerRole>
{
    public void Configure(EntityTypeBuilder<OfficerRole> b)
    {
        b.ToTable("officer_roles");
        b.HasKey(r => new { r.AppointmentId, r.Role });
        b.HasIndex(r => r.Role);
    }
}

internal sealed class DutyConfiguration : IEntityTypeConfiguration<Kernel.Duty>
{
    public void Configure(EntityTypeBuilder<Kernel.Duty> b)
    {
        // The reminder engine reads open duties by the date that applies; an item's own duties by the item.
        b.HasIndex(d => new { d.MetAt, d.EffectiveDueOn });
        b.HasIndex(d => new { d.ItemType, d.ItemId });
        b.Property(d => d.ItemType).HasMaxLength(40);
        b.Property(d => d.MetHow).HasMaxLength(400);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.HasIndex(s => new { s.CouncilId, s.Name }).IsUnique();
        b.Property(s => s.Description).HasMaxLength(2000);
        b.HasOne<Council>().WithMany().HasForeignKey(s => s.CouncilId);
        b.HasOne(s => s.Manager).WithMany().HasForeignKey(s => s.ManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(s => s.ChiefOfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasIndex(a => a.Email).IsUnique();
        b.HasIndex(a => a.ExternalSubject).IsUnique();
        b.Property(a => a.PasswordHash).HasMaxLength(200);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasIndex(t => t.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> b)
    {
        b.HasIndex(g => new { g.ResourceType, g.ResourceId });
        b.HasIndex(g => new { g.MemberId, g.ResourceType });
        b.HasIndex(g => new { g.OfficerId, g.ResourceType });
        b.Property(g => g.Reason).HasMaxLength(2000);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasIndex(r => new { r.AccountId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.Body).HasMaxLength(1_000_000);
        b.Property(r => r.Location).HasMaxLength(1000);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.HasOne(s => s.Account).WithMany().HasForeignKey(s => s.AccountId);
        b.HasIndex(s => new { s.AccountId, s.EndedAt });
        b.Property(s => s.EndedHow).HasMaxLength(40);
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.HasKey(f => f.EmailHash);
        b.Property(f => f.EmailHash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(f => f.LastAt);
    }
}

internal sealed class PasswordResetConfiguration : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> b)
    {
        b.HasIndex(r => r.TokenHash).IsUnique();
        b.Property(r => r.TokenHash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(r => r.AccountId);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasIndex(e => new { e.Stream, e.Seq }).IsUnique();
        b.HasIndex(e => e.SealId);
        b.HasIndex(e => new { e.CouncilId, e.At });
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.Property(e => e.Data).HasMaxLength(1_000_000);
        b.Property(e => e.State).HasMaxLength(1_000_000);
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.PrevHash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b) => b.HasIndex(s => s.Number).IsUnique();
}

internal sealed class EnquiryConfiguration : IEntityTypeConfiguration<Enquiry>
{
    public void Configure(EntityTypeBuilder<Enquiry> b)
    {
        b.HasIndex(e => e.Reference).IsUnique();
        // "My enquiries" filters by member and stage, newest first: (member, status) finds the few live ones of
        // thousands without reading the rest.
        b.HasIndex(e => new { e.MemberId, e.Status, e.ReceivedAt });
        b.HasIndex(e => new { e.AssignedOfficerId, e.Status });
        b.HasIndex(e => new { e.CouncilId, e.Status, e.ReceivedAt });
        b.HasIndex(e => new { e.CouncilId, e.DueOn });
        // Each list's scope key with the default order (received, newest first), so that a page of "all" reads a page of
        // rows whatever the history (EnquiryLists); ward and service for the filters that narrow the council's list.
        // The id last: it is the order's tie-breaker (received_at DESC, id DESC), so a page is read in index order with
        // no sort, and a count can be answered from the index alone.
        b.HasIndex(e => new { e.MemberId, e.ReceivedAt, e.Id });
        b.HasIndex(e => new { e.AssignedOfficerId, e.ReceivedAt, e.Id });
        b.HasIndex(e => new { e.CouncilId, e.ReceivedAt, e.Id });
        b.HasIndex(e => new { e.WardId, e.ReceivedAt });
        b.HasIndex(e => new { e.ServiceId, e.ReceivedAt });
        // What changed since the monitoring figures last caught up (MonthlyFigures).
        b.HasIndex(e => e.UpdatedAt);
        // The retention policy's candidates: enquiries finished (closed, or answered and never closed) before a date.
        b.HasIndex(e => e.ClosedAt);
        b.HasIndex(e => e.AnsweredAt);
        b.Property(e => e.Reference).HasMaxLength(40);
        b.Property(e => e.Subject).HasMaxLength(EnquiryLimits.SubjectMax);
        b.Property(e => e.Details).HasMaxLength(EnquiryLimits.DetailsMax);
        b.Property(e => e.ConsentEvidence).HasMaxLength(EnquiryLimits.TextMax);
        b.Ignore(e => e.EffectiveDueOn);
        b.Ignore(e => e.IsFinished);
        b.HasOne<Council>().WithMany().HasForeignKey(e => e.CouncilId);
        b.HasOne(e => e.Member).WithMany().HasForeignKey(e => e.MemberId);
        b.HasOne(e => e.Ward).WithMany().HasForeignKey(e => e.WardId);
        b.HasOne(e => e.Service).WithMany().HasForeignKey(e => e.ServiceId);
        b.HasOne(e => e.AssignedOfficer).WithMany().HasForeignKey(e => e.AssignedOfficerId);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.LoggedByAccountId);
        b.HasMany(e => e.Activities).WithOne().HasForeignKey(a => a.EnquiryId);
    }
}

internal sealed class EnquiryActivityConfiguration : IEntityTypeConfiguration<EnquiryActivity>
{
    public void Configure(EntityTypeBuilder<EnquiryActivity> b)
    {
        b.HasIndex(a => new { a.EnquiryId, a.At });
        b.Property(a => a.Body).HasMaxLength(EnquiryLimits.DetailsMax);
        b.Property(a => a.Reason).HasMaxLength(EnquiryLimits.TextMax);
        b.Property(a => a.ActionTaken).HasMaxLength(EnquiryLimits.TextMax);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(k => k.Xml).HasMaxLength(100_000);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.RecipientAccountId, m.Status });
        // The retention policy's candidates: only messages it has not yet emptied, by when they were sent.
        b.HasIndex(m => new { m.RedactedAt, m.Status, m.SentAt });
        b.Property(m => m.DedupKey).HasMaxLength(300);
        b.Property(m => m.Subject).HasMaxLength(1000);
        b.Property(m => m.BodyText).HasMaxLength(200_000);
        b.Property(m => m.BodyHtml).HasMaxLength(400_000);
        b.Property(m => m.Calendar).HasMaxLength(100_000);
        b.Property(m => m.LastError).HasMaxLength(2000);
    }
}

internal sealed class InAppNotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> b)
    {
        b.HasIndex(n => n.DedupKey).IsUnique();
        b.HasIndex(n => new { n.AccountId, n.ReadAt, n.CreatedAt });
        // The retention policy deletes the oldest first.
        b.HasIndex(n => n.CreatedAt);
        b.Property(n => n.DedupKey).HasMaxLength(300);
        b.Property(n => n.Title).HasMaxLength(1000);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(1000);
    }
}

internal sealed class MonthlyFigureConfiguration : IEntityTypeConfiguration<Monitoring.MonthlyFigure>
{
    public void Configure(EntityTypeBuilder<Monitoring.MonthlyFigure> b)
    {
        // A council's months, then one kind of breakdown: a year of a council is one range of this key.
        b.HasKey(f => new { f.CouncilId, f.Month, f.Dimension, f.DimensionId });
        // A member's, officer's or service's own months, across councils (the member dashboard, the team dashboard).
        b.HasIndex(f => new { f.Dimension, f.DimensionId, f.Month });
        b.Property(f => f.AnswerDays).HasMaxLength(4000);
    }
}

internal sealed class FiguresWatermarkConfiguration : IEntityTypeConfiguration<Monitoring.FiguresWatermark>
{
    public void Configure(EntityTypeBuilder<Monitoring.FiguresWatermark> b) => b.HasKey(w => w.Name);
}
