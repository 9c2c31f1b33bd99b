using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_type = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    effect = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    citation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    granted_by_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_grants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    display_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    external_subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    is_system_admin = table.Column<bool>(type: "boolean", nullable: false),
                    disabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stream = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    action = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data = table.Column<string>(type: "character varying(1000000)", maxLength: 1000000, nullable: false),
                    citation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    prev_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    seal_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_seals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_count = table.Column<int>(type: "integer", nullable: false),
                    events_digest = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    prev_hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_seals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "councils",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    short_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    preset_slug = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_councils", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    xml = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    body = table.Column<string>(type: "character varying(1000000)", maxLength: 1000000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    prefix = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "officers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    email = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    job_title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    grade = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    line_manager_id = table.Column<Guid>(type: "uuid", nullable: true),
                    employer = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officers", x => x.id);
                    table.ForeignKey(
                        name: "fk_officers_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_officers_officers_line_manager_id",
                        column: x => x.line_manager_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "closure_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closure_days", x => x.id);
                    table.ForeignKey(
                        name: "fk_closure_days_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    kind = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                    table.ForeignKey(
                        name: "fk_committees_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "political_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    standing = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_political_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_political_groups_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wards", x => x.id);
                    table.ForeignKey(
                        name: "fk_wards_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "officer_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    officer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    roles = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officer_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_officer_appointments_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_officer_appointments_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    manager_id = table.Column<Guid>(type: "uuid", nullable: true),
                    chief_officer_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_services_officers_chief_officer_id",
                        column: x => x.chief_officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_services_officers_manager_id",
                        column: x => x.manager_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    email = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ward_id = table.Column<Guid>(type: "uuid", nullable: true),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    roles = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    portfolio = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_members_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_members_political_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "political_groups",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_members_wards_ward_id",
                        column: x => x.ward_id,
                        principalTable: "wards",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "committee_seats",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_seats", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_seats_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_committee_seats_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enquiries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    logged_by_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ward_id = table.Column<Guid>(type: "uuid", nullable: true),
                    service_id = table.Column<Guid>(type: "uuid", nullable: true),
                    has_constituent_data = table.Column<bool>(type: "boolean", nullable: false),
                    consent_evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    protocol_version = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    very_overdue_after = table.Column<DateOnly>(type: "date", nullable: true),
                    promised_by = table.Column<DateOnly>(type: "date", nullable: true),
                    complaint_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    assigned_officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    awaiting_written_confirmation = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enquiries", x => x.id);
                    table.ForeignKey(
                        name: "fk_enquiries_accounts_logged_by_account_id",
                        column: x => x.logged_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_enquiries_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_enquiries_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_enquiries_officers_assigned_officer_id",
                        column: x => x.assigned_officer_id,
                        principalTable: "officers",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_enquiries_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_enquiries_wards_ward_id",
                        column: x => x.ward_id,
                        principalTable: "wards",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "enquiry_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    action_taken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    new_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    oral = table.Column<bool>(type: "boolean", nullable: false),
                    @internal = table.Column<bool>(name: "internal", type: "boolean", nullable: false),
                    citation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enquiry_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_enquiry_activities_enquiries_enquiry_id",
                        column: x => x.enquiry_id,
                        principalTable: "enquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_member_id_resource_type",
                table: "access_grants",
                columns: new[] { "member_id", "resource_type" });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_officer_id_resource_type",
                table: "access_grants",
                columns: new[] { "officer_id", "resource_type" });

            migrationBuilder.CreateIndex(
                name: "ix_access_grants_resource_type_resource_id",
                table: "access_grants",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_email",
                table: "accounts",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_external_subject",
                table: "accounts",
                column: "external_subject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_account_id",
                table: "api_tokens",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_secret_hash",
                table: "api_tokens",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_council_id_at",
                table: "audit_events",
                columns: new[] { "council_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_entity_type_entity_id",
                table: "audit_events",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_seal_id",
                table: "audit_events",
                column: "seal_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_stream_seq",
                table: "audit_events",
                columns: new[] { "stream", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_seals_number",
                table: "audit_seals",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_closure_days_council_id_date",
                table: "closure_days",
                columns: new[] { "council_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_committee_seats_committee_id_member_id",
                table: "committee_seats",
                columns: new[] { "committee_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_committee_seats_member_id",
                table: "committee_seats",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_committees_council_id_name",
                table: "committees",
                columns: new[] { "council_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_councils_slug",
                table: "councils",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_assigned_officer_id_status",
                table: "enquiries",
                columns: new[] { "assigned_officer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_council_id_due_on",
                table: "enquiries",
                columns: new[] { "council_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_council_id_status_received_at",
                table: "enquiries",
                columns: new[] { "council_id", "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_logged_by_account_id",
                table: "enquiries",
                column: "logged_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_member_id_received_at",
                table: "enquiries",
                columns: new[] { "member_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_reference",
                table: "enquiries",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_service_id",
                table: "enquiries",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_ward_id",
                table: "enquiries",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "ix_enquiry_activities_enquiry_id_at",
                table: "enquiry_activities",
                columns: new[] { "enquiry_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_account_id_key",
                table: "idempotency_records",
                columns: new[] { "account_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_members_account_id",
                table: "members",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_council_id_name",
                table: "members",
                columns: new[] { "council_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_members_group_id",
                table: "members",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_ward_id",
                table: "members",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "ix_officer_appointments_council_id",
                table: "officer_appointments",
                column: "council_id");

            migrationBuilder.CreateIndex(
                name: "ix_officer_appointments_officer_id_council_id",
                table: "officer_appointments",
                columns: new[] { "officer_id", "council_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_officers_account_id",
                table: "officers",
                column: "account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_officers_line_manager_id",
                table: "officers",
                column: "line_manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_political_groups_council_id_name",
                table: "political_groups",
                columns: new[] { "council_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_chief_officer_id",
                table: "services",
                column: "chief_officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_services_council_id_name",
                table: "services",
                columns: new[] { "council_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_manager_id",
                table: "services",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_wards_council_id_name",
                table: "wards",
                columns: new[] { "council_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_grants");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "audit_seals");

            migrationBuilder.DropTable(
                name: "closure_days");

            migrationBuilder.DropTable(
                name: "committee_seats");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "enquiry_activities");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "officer_appointments");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "enquiries");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "political_groups");

            migrationBuilder.DropTable(
                name: "wards");

            migrationBuilder.DropTable(
                name: "officers");

            migrationBuilder.DropTable(
                name: "councils");

            migrationBuilder.DropTable(
                name: "accounts");
        }
    }
}
