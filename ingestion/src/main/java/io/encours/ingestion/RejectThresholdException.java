package io.encours.ingestion;

/** Too many rejects (or unbalanced counts): the data is not published. */
public final class RejectThresholdException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient IngestionReport report;

    public RejectThresholdException(String message, IngestionReport report) {
        super(message);
        this.report = report;
    }

    public IngestionReport report() {
        return report;
    }
}
