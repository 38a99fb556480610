package io.encours.samples;

import io.encours.samples.cli.Options;
import io.encours.samples.cli.OptionsParser;
import io.encours.samples.cli.UsageException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code encours-generate}: writes a deterministic receivables snapshot. Exit codes: 0 done
 * (or help), 1 generation failed, 2 bad command line.
 */
public final class Generator {
    private Generator() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Options> options;
        try {
            options = OptionsParser.parse(args);
        } catch (UsageException e) {
            err.println("encours-generate: " + e.getMessage());
            err.println(OptionsParser.USAGE);
            return 2;
        }
        if (options.isEmpty()) {
            out.println(OptionsParser.USAGE);
            return 0;
        }
        try {
            new SnapshotGenerator(options.get(), out::println).generate();
            return 0;
        } catch (SnapshotGenerator.GenerationException e) {
            err.println("encours-generate: " + e.getMessage());
            return 1;
        }
    }
}
