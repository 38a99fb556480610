package io.encours.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A setting that prevents the API from starting (users file, JWT keys …). Reported by
 * {@link Analyzer} as a short "APPLICATION FAILED TO START" message instead of a stack trace.
 */
public class ConfigurationProblem extends RuntimeException {

    private final String action;

    public ConfigurationProblem(String message, String action) {
        super(message);
        this.action = action;
    }

    public ConfigurationProblem(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }

    /** Registered in META-INF/spring.factories. */
    public static final class Analyzer extends AbstractFailureAnalyzer<ConfigurationProblem> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblem cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
        }
    }
}
