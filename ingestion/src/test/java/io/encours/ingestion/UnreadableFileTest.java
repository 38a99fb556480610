package io.encours.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class UnreadableFileTest {

    @Test
    void namesTheFileOfAReadFailureWrappedInAStageFailure() {
        RuntimeException readFailure = new RuntimeException("[FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER] Encountered "
                + "error while reading file file:/data/snap/payments/part-00000.parquet. Could not read footer.",
                new IOException("footer is too large: 4192202646to be read"));
        RuntimeException stageFailure = new RuntimeException("Job aborted due to stage failure", readFailure);

        assertThat(UnreadableFile.describe(stageFailure)).hasValue("cannot read file "
                + "file:/data/snap/payments/part-00000.parquet (footer is too large: 4192202646to be read): "
                + "the file is corrupt, truncated or not Parquet; resend it");
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(UnreadableFile.describe(new IllegalStateException("broadcast timeout",
                new IOException("disk")))).isEmpty();
    }
}
