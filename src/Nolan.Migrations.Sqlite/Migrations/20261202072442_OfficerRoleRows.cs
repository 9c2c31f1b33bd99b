using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfficerRoleRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "officer_roles",
                columns: table => new
                {
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officer_roles", x => new { x.appointment_id, x.role });
                    table.ForeignKey(
                        name: "fk_officer_roles_officer_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "officer_appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_officer_roles_role",
                table: "officer_roles",
                column: "role");

            // Each role named in the old comma-separated text becomes a row.
            foreach (var role in new[] { "ChiefExecutive", "MonitoringOfficer", "ChiefFinanceOfficer", "MembersSupportHub", "ComplaintsTeam", "ChiefOfficer", "Administrator" })
            {
                migrationBuilder.Sql($"INSERT INTO officer_roles (appointment_id, role) SELECT id, '{role}' FROM officer_appointments WHERE (', ' || roles || ',') LIKE '%, {role},%'");
            }

            migrationBuilder.DropColumn(
                name: "roles",
                table: "officer_appointments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "officer_roles");

            migrationBuilder.AddColumn<string>(
                name: "roles",
                table: "officer_appointments",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "None");
        }
    }
}
