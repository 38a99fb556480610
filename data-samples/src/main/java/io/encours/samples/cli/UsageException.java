package io.encours.samples.cli;

/** A bad or missing command-line option; the message is one line meant for the user. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
