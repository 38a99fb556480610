package io.encours.analytics.pipeline;

import io.encours.analytics.publish.PublishException;
import io.encours.cli.CommandLine;
import io.encours.cli.ExitCode;
import io.encours.ingestion.InputException;
import io.encours.ingestion.IngestionJob;
import io.encours.ingestion.RejectThresholdException;
import io.encours.ingestion.schema.SchemaException;
import io.encours.spark.SparkSessions;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code encours pipeline}: ingest → analytics → publish, one run at a time per warehouse. */
public final class PipelineJob {
    static final String USAGE = """
            Usage: encours pipeline --snapshot-root URI --warehouse DIR [options]

            Ingests one snapshot, computes every metric, the cash forecast and its backtest,
            and publishes them into a new DuckDB file under <warehouse>/db, switched atomically
            once checked. A failed run publishes nothing: the previous results stay served.

              --snapshot-root URI          folder of snapshot_date=YYYY-MM-DD/ folders (any
                                           Hadoop URI: local path, file:, hdfs:, s3a:, abfs:)
              --snapshot-date DATE         snapshot to read (default: the latest)
              --warehouse DIR              local folder of curated runs, analytics runs and
                                           databases (the API reads <warehouse>/db)
              --max-reject-share X         fail when a table's rejected/read share is > X (0.05)
              --keep-runs N                runs and databases to keep (default 5)
              --promise-grace-days N       grace after a promised date (default 3)
              --attribution-window-days N  window crediting a payment to an action (default 14)
              --forecast-horizon-days N    forecast horizon (default 90)
              --backtest-cutoffs N         weekly backtest cutoffs (default 26)
              --master URL                 Spark master (default local[*], or spark-submit's)
              --conf KEY=VALUE             extra Spark setting (repeatable)
              --help                       this text

            Exit codes: 0 published, 1 unexpected failure, 2 bad options, 3 bad input,
            4 not publishable (rejects over the threshold, a failed check), 5 warehouse busy.
            """;

    private PipelineJob() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @SuppressWarnings("try") // the lock is held for the try block's duration, never referenced
    static int run(String[] args) {
        PipelineConfig config;
        CommandLine cli;
        Path warehouse;
        try {
            Set<String> options = new HashSet<>(IngestionJob.OPTIONS);
            options.addAll(Set.of("--promise-grace-days", "--attribution-window-days",
                    "--forecast-horizon-days", "--backtest-cutoffs"));
            cli = CommandLine.parse(args, options, Set.of("--help"));
            if (cli.has("--help")) {
                System.out.print(USAGE);
                return ExitCode.OK;
            }
            config = new PipelineConfig(IngestionJob.config(cli),
                    cli.integer("--promise-grace-days", PipelineConfig.DEFAULT_PROMISE_GRACE_DAYS),
                    cli.integer("--attribution-window-days", PipelineConfig.DEFAULT_ATTRIBUTION_WINDOW_DAYS),
                    cli.integer("--forecast-horizon-days", PipelineConfig.DEFAULT_FORECAST_HORIZON_DAYS),
                    cli.integer("--backtest-cutoffs", PipelineConfig.DEFAULT_BACKTEST_CUTOFFS));
            warehouse = localFolder(config.ingestion().warehouse());
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            System.err.println("encours pipeline: " + e.getMessage());
            System.err.print(USAGE);
            return ExitCode.USAGE;
        }
        try (PipelineLock lock = PipelineLock.acquire(warehouse)) {
            SparkSession spark = SparkSessions.forJob("encours-pipeline", PipelineJob.class,
                    cli.value("--master").orElse(null), cli.settings("--conf"));
            try {
                PipelineResult result = Pipeline.run(spark, config, warehouse);
                System.out.print(result.summary());
                return ExitCode.OK;
            } finally {
                spark.stop();
            }
        } catch (PipelineLock.BusyException e) {
            System.err.println("encours pipeline: " + e.getMessage());
            return ExitCode.BUSY;
        } catch (InputException | SchemaException e) {
            System.err.println("encours pipeline: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (RejectThresholdException e) {
            System.out.print(e.report().summary());
            System.err.println("encours pipeline: " + e.getMessage()
                    + "; nothing published, the previous run stays served");
            return ExitCode.REJECTED;
        } catch (PublishException e) {
            System.err.println("encours pipeline: " + e.getMessage()
                    + "; nothing published, the previous run stays served");
            return ExitCode.REJECTED;
        }
    }

    /** The published database is read from local disk by the API: the warehouse is local. */
    static Path localFolder(String warehouse) {
        URI uri = URI.create(warehouse.replace(" ", "%20"));
        if (uri.getScheme() != null && !uri.getScheme().equals("file") && uri.getScheme().length() > 1) {
            throw new IllegalArgumentException("--warehouse must be a local folder (the API reads the "
                    + "published DuckDB file from local disk), got " + warehouse);
        }
        return uri.getScheme() == null ? Path.of(warehouse).toAbsolutePath() : Path.of(uri);
    }
}
