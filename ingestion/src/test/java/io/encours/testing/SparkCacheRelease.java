package io.encours.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Empties Spark's cache after every test class (registered for all classes by JUnit's extension
 * auto-detection, see the surefire configuration). The test JVM shares one session: without
 * this, every class's cached datasets stay in the heap and in the cache manager, whose look-ups
 * on each later query grow with them.
 */
public final class SparkCacheRelease implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        TestSpark.clearCacheIfStarted();
    }
}
