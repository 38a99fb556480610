package io.encours.samples.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A dunning scenario and its steps. The steps are not a contract table: they show in the data
 * as the step number, channel and date of each action.
 */
public record DunningScenario(String id, String name, Segment target, List<Step> steps) {
    public DunningScenario {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(target, "target");
        steps = List.copyOf(steps);
    }

    /**
     * One step: sent {@code offsetDays} after the due date (negative: before it, a preventive
     * reminder). Calls and formal notices are made by the debtor's collector; the other channels
     * are sent automatically.
     */
    public record Step(int number, String channel, int offsetDays) {
        public Step {
            requireNonNull(channel, "channel");
        }

        public boolean manual() {
            return channel.equals("CALL") || channel.equals("FORMAL_NOTICE");
        }
    }

    public static final String MICRO_SMS_ID = "SC-MICRO-SMS";

    public static final List<DunningScenario> ALL = List.of(
            new DunningScenario("SC-KEY-ACCOUNT", "Grands comptes — relance personnalisée",
                    Segment.KEY_ACCOUNT, List.of(
                            new Step(1, "EMAIL", -7), new Step(2, "EMAIL", 3),
                            new Step(3, "CALL", 10), new Step(4, "CALL", 25),
                            new Step(5, "REGISTERED_LETTER", 45),
                            new Step(6, "FORMAL_NOTICE", 75))),
            new DunningScenario("SC-PUBLIC", "Acheteurs publics — relance courrier",
                    Segment.PUBLIC, List.of(
                            new Step(1, "EMAIL", 5), new Step(2, "LETTER", 20),
                            new Step(3, "CALL", 35), new Step(4, "REGISTERED_LETTER", 60))),
            new DunningScenario("SC-SME-STANDARD", "PME — relance standard", Segment.SME, List.of(
                    new Step(1, "EMAIL", -5), new Step(2, "EMAIL", 2), new Step(3, "EMAIL", 10),
                    new Step(4, "CALL", 20), new Step(5, "LETTER", 30),
                    new Step(6, "REGISTERED_LETTER", 45), new Step(7, "FORMAL_NOTICE", 60))),
            new DunningScenario(MICRO_SMS_ID, "TPE — relance SMS rapide", Segment.MICRO, List.of(
                    new Step(1, "SMS", -2), new Step(2, "SMS", 1), new Step(3, "SMS", 4),
                    new Step(4, "CALL", 8), new Step(5, "SMS", 12),
                    new Step(6, "REGISTERED_LETTER", 20), new Step(7, "FORMAL_NOTICE", 35))),
            new DunningScenario("SC-MICRO-LETTER", "TPE — relance courrier", Segment.MICRO,
                    List.of(new Step(1, "EMAIL", 7), new Step(2, "LETTER", 21),
                            new Step(3, "CALL", 35), new Step(4, "REGISTERED_LETTER", 50),
                            new Step(5, "FORMAL_NOTICE", 75))));

    public static DunningScenario byId(String id) {
        return ALL.stream().filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + id));
    }
}
