package io.encours.cli;

/** Exit codes shared by every Encours command. */
public final class ExitCode {
    public static final int OK = 0;
    /** Unexpected failure (a bug or an environment problem): see the log. */
    public static final int FAILURE = 1;
    /** Wrong command line. */
    public static final int USAGE = 2;
    /** The input cannot be used: missing path, snapshot or table, unreadable schema. */
    public static final int BAD_INPUT = 3;
    /** The data was read but is not good enough to publish (reject share, identities). */
    public static final int REJECTED = 4;
    /** Another pipeline run holds the warehouse. */
    public static final int BUSY = 5;

    private ExitCode() {
    }
}
