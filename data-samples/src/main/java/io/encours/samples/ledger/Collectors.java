package io.encours.samples.ledger;

import io.encours.samples.rows.CollectorRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The collection team: about one collector per 400 debtors, between 4 and 200. */
public final class Collectors {
    private static final String[] TEAMS = {"Recouvrement Grands Comptes",
        "Recouvrement PME Nord", "Recouvrement PME Sud", "Recouvrement TPE",
        "Recouvrement International"};

    private Collectors() {
    }

    public static int count(int debtors) {
        return (int) Math.max(4, Math.min(200, Math.round(debtors / 400.0)));
    }

    public static String id(int index) {
        return String.format("COL-%03d", index + 1);
    }

    public static List<CollectorRow> rows(long seed, int count) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.Purpose.COLLECTORS, 0);
        List<CollectorRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new CollectorRow(id(i), Names.person(rng), TEAMS[i % TEAMS.length]));
        }
        return rows;
    }
}
