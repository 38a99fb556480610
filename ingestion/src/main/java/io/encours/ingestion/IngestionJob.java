package io.encours.ingestion;

import io.encours.cli.CommandLine;
import io.encours.cli.ExitCode;
import io.encours.ingestion.schema.SchemaException;
import io.encours.spark.SparkSessions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code encours ingest}: validates one snapshot into the warehouse's curated area. Runs the
 * same with {@code java -jar} (local mode) and under {@code spark-submit} (the master and
 * settings of the submit command are kept).
 */
public final class IngestionJob {
    static final String USAGE = """
            Usage: encours ingest --snapshot-root URI --warehouse URI [options]

            Validates one receivables snapshot (DATA-CONTRACT.md), writes the accepted rows,
            the rejects with their reasons and a run report to <warehouse>/curated/runs/<runId>,
            then points <warehouse>/curated/CURRENT at it.

              --snapshot-root URI      folder holding snapshot_date=YYYY-MM-DD/ folders
                                       (local path, file:, hdfs:, s3a:, abfs:)
              --snapshot-date DATE     snapshot to read (default: the latest)
              --warehouse URI          where curated runs are written
              --max-reject-share X     fail when a table's rejected/read share is > X
                                       (default 0.05)
              --keep-runs N            finished curated runs to keep (default 5)
              --master URL             Spark master (default local[*], or spark-submit's)
              --conf KEY=VALUE         extra Spark setting (repeatable)
              --help                   this text

            Exit codes: 0 published, 2 bad options, 3 bad input (path, snapshot, table,
            schema), 4 too many rejects, 1 unexpected failure.
            """;

    /** Options taking a value; the pipeline accepts these too. */
    public static final Set<String> OPTIONS = Set.of("--snapshot-root", "--snapshot-date",
            "--warehouse", "--max-reject-share", "--keep-runs", "--master", "--conf");

    private IngestionJob() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        IngestionConfig config;
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, OPTIONS, Set.of("--help"));
            if (cli.has("--help")) {
                System.out.print(USAGE);
                return ExitCode.OK;
            }
            config = config(cli);
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            System.err.println("encours ingest: " + e.getMessage());
            System.err.print(USAGE);
            return ExitCode.USAGE;
        }
        SparkSession spark = SparkSessions.forJob("encours-ingest", IngestionJob.class,
                cli.value("--master").orElse(null), cli.settings("--conf"));
        try {
            IngestionReport report = Ingestion.run(spark, config);
            System.out.print(report.summary());
            return ExitCode.OK;
        } catch (InputException | SchemaException e) {
            System.err.println("encours ingest: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (RejectThresholdException e) {
            System.out.print(e.report().summary());
            System.err.println("encours ingest: " + e.getMessage()
                    + "; nothing published, the previous curated run stays current");
            return ExitCode.REJECTED;
        } finally {
            spark.stop();
        }
    }

    /** The ingestion settings of a command line (shared with the pipeline command). */
    public static IngestionConfig config(CommandLine cli) {
        LocalDate date = cli.value("--snapshot-date").map(IngestionJob::date).orElse(null);
        double share = cli.decimal("--max-reject-share", IngestionConfig.DEFAULT_MAX_REJECT_SHARE);
        int keep = cli.integer("--keep-runs", IngestionConfig.DEFAULT_KEEP_RUNS);
        return new IngestionConfig(cli.required("--snapshot-root"), date, cli.required("--warehouse"),
                share, keep);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--snapshot-date takes YYYY-MM-DD, got " + value);
        }
    }
}
