using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Searching a caseload by words of the subject (EnquiryLists): lower(subject) LIKE '%words%' is served by a
            // trigram index. pg_trgm is a trusted extension: the database's owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX ix_enquiries_subject_trigrams ON enquiries USING gin (lower(subject) gin_trgm_ops);");
            migrationBuilder.CreateTable(
                name: "figures_watermark",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    through = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_figures_watermark", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "monthly_figures",
                columns: table => new
                {
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    dimension_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received = table.Column<int>(type: "integer", nullable: false),
                    answered = table.Column<int>(type: "integer", nullable: false),
                    answered_with_deadline = table.Column<int>(type: "integer", nullable: false),
                    answered_on_time = table.Column<int>(type: "integer", nullable: false),
                    holding_replies = table.Column<int>(type: "integer", nullable: false),
                    answered_after_promise = table.Column<int>(type: "integer", nullable: false),
                    holding_kept = table.Column<int>(type: "integer", nullable: false),
                    moved_to_complaints = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<int>(type: "integer", nullable: false),
                    still_open = table.Column<int>(type: "integer", nullable: false),
                    answer_days = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_enquiries_subject_trigrams;");
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
