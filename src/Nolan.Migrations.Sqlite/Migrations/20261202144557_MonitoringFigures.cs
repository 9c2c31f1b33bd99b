using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "figures_watermark",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    through = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_figures_watermark", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "monthly_figures",
                columns: table => new
                {
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    dimension_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received = table.Column<int>(type: "INTEGER", nullable: false),
                    answered = table.Column<int>(type: "INTEGER", nullable: false),
                    answered_with_deadline = table.Column<int>(type: "INTEGER", nullable: false),
                    answered_on_time = table.Column<int>(type: "INTEGER", nullable: false),
                    holding_replies = table.Column<int>(type: "INTEGER", nullable: false),
                    answered_after_promise = table.Column<int>(type: "INTEGER", nullable: false),
                    holding_kept = table.Column<int>(type: "INTEGER", nullable: false),
                    moved_to_complaints = table.Column<int>(type: "INTEGER", nullable: false),
                    refused = table.Column<int>(type: "INTEGER", nullable: false),
                    still_open = table.Column<int>(type: "INTEGER", nullable: false),
                    answer_days = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_figures", x => new { x.council_id, x.month, x.dimension, x.dimension_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_enquiries_updated_at",
                table: "enquiries",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_figures_dimension_dimension_id_month",
                table: "monthly_figures",
                columns: new[] { "dimension", "dimension_id", "month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "figures_watermark");

            migrationBuilder.DropTable(
                name: "monthly_figures");

            migrationBuilder.DropIndex(
                name: "ix_enquiries_updated_at",
                table: "enquiries");
        }
    }
}
