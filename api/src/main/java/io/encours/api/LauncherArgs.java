package io.encours.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates the launcher's arguments ({@code bin/encours serve --warehouse DIR --port P
 * --profile demo}) into Spring Boot properties. Both {@code --name value} and
 * {@code --name=value} work; any other argument (e.g. {@code --encours.database.pool-size=8})
 * passes through unchanged.
 */
public record LauncherArgs(boolean help, String[] springArgs) {

    static final String USAGE = """
            Usage: bin/encours serve [options]      (or: java -jar encours-api.jar [options])

            Options:
              --warehouse DIR    the warehouse folder; serves the DuckDB file named in DIR/db/CURRENT
                                 (env ENCOURS_WAREHOUSE)
              --port P           HTTP port (env ENCOURS_PORT, default 8080)
              --profile demo     demo mode: built-in users cfo, entity-cfo, collector, analyst
                                 (password = user name), HTTP Basic
              --security MODE    basic | jwt (env ENCOURS_SECURITY, default basic; demo comes
                                 with --profile demo only)
              --users FILE       users file for basic mode (env ENCOURS_USERS_FILE)
              --help             this text

            Any Spring Boot property can also be given as --name=value.
            See api/README.md for every setting (JWT issuer, pool size, poll interval …).
            """;

    private static final Map<String, String> OPTIONS = Map.of(
            "--warehouse", "encours.warehouse",
            "--port", "encours.port",
            "--profile", "spring.profiles.active",
            "--security", "encours.security.mode",
            "--users", "encours.security.users-file");

    public static LauncherArgs parse(String... args) {
        List<String> out = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            String property = OPTIONS.get(name);
            if (property == null) {
                out.add(arg);
                continue;
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            out.add("--" + property + "=" + value);
        }
        return new LauncherArgs(help, out.toArray(String[]::new));
    }
}
