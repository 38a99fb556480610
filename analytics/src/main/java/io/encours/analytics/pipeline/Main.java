package io.encours.analytics.pipeline;

import io.encours.cli.ExitCode;
import io.encours.ingestion.IngestionJob;
import java.util.Arrays;

/** Entry point of encours-pipeline.jar: {@code ingest} or {@code pipeline}. */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar encours-pipeline.jar COMMAND [options]   (or: bin/encours COMMAND …)

              ingest     validate a snapshot into <warehouse>/curated
              pipeline   ingest → analytics → publish into <warehouse>/db

            COMMAND --help describes the options.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? ExitCode.USAGE : ExitCode.OK);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "ingest" -> IngestionJob.main(rest);
            case "pipeline" -> PipelineJob.main(rest);
            default -> {
                System.err.println("encours: unknown command '" + args[0] + "'");
                System.err.print(USAGE);
                System.exit(ExitCode.USAGE);
            }
        }
    }
}
