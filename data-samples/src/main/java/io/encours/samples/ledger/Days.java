package io.encours.samples.ledger;

import java.time.LocalDate;

/** Calendar arithmetic on epoch days (days since 1970-01-01), the generator's date unit. */
public final class Days {
    /** Marks an absent date in int fields. */
    public static final int NONE = Integer.MIN_VALUE;

    private Days() {
    }

    /** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
    public static int dayOfWeek(int day) {
        return Math.floorMod(day + 3, 7);
    }

    public static boolean isBusinessDay(int day) {
        return dayOfWeek(day) < 5;
    }

    /** The day itself if it is a weekday, else the following Monday. */
    public static int nextBusinessDay(int day) {
        int dow = dayOfWeek(day);
        return dow < 5 ? day : day + (7 - dow);
    }

    /** The day itself if it is a weekday, else the Friday before. */
    public static int previousBusinessDay(int day) {
        int dow = dayOfWeek(day);
        return dow < 5 ? day : day - (dow - 4);
    }

    public static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    public static LocalDate dateOrNull(int day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    public static int of(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }
}
