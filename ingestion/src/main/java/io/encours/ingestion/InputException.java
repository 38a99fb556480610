package io.encours.ingestion;

/** The input cannot be used (missing path, snapshot or table, unreadable file). */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
