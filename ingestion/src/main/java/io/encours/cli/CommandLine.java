package io.encours.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal {@code --name value} parser shared by the jobs: repeatable options, flags, and a
 * clear error for anything unknown (the jobs have few options; a library would be heavier than
 * the parsing).
 */
public final class CommandLine {
    private final Map<String, List<String>> values;
    private final Set<String> flagsGiven;

    private CommandLine(Map<String, List<String>> values, Set<String> flagsGiven) {
        this.values = values;
        this.flagsGiven = flagsGiven;
    }

    /**
     * @param valued options that take a value
     * @param flags options without value
     */
    public static CommandLine parse(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (flags.contains(name) && inline == null) {
                given.add(name);
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option: " + arg);
            }
        }
        return new CommandLine(values, given);
    }

    public boolean has(String flag) {
        return flagsGiven.contains(flag);
    }

    public Optional<String> value(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.size() > 1) {
            throw new UsageException("option " + name + " given more than once");
        }
        return Optional.of(v.get(0));
    }

    public String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("missing required option " + name));
    }

    /** A whole-number option, or {@code fallback} when absent. */
    public int integer(String name, int fallback) {
        return value(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " takes a whole number, got " + v);
            }
        }).orElse(fallback);
    }

    /** A decimal-number option, or {@code fallback} when absent. */
    public double decimal(String name, double fallback) {
        return value(name).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " takes a number, got " + v);
            }
        }).orElse(fallback);
    }

    public List<String> all(String name) {
        return Collections.unmodifiableList(values.getOrDefault(name, List.of()));
    }

    /** {@code --conf k=v} pairs as a map. */
    public Map<String, String> settings(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String kv : all(name)) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(name + " takes key=value, got: " + kv);
            }
            result.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return result;
    }

    /** A wrong command line: the job prints the message and its usage, and exits 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
