package io.encours.samples.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DaysTest {
    @Test
    void businessDaysSkipWeekends() {
        for (LocalDate d = LocalDate.of(2025, 6, 1); d.isBefore(LocalDate.of(2025, 7, 1)); d = d.plusDays(1)) {
            int day = Days.of(d);
            assertThat(Days.dayOfWeek(day)).isEqualTo(d.getDayOfWeek().getValue() - 1);
            LocalDate next = Days.date(Days.nextBusinessDay(day));
            LocalDate previous = Days.date(Days.previousBusinessDay(day));
            assertThat(next.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(previous.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(next).isAfterOrEqualTo(d).isBefore(d.plusDays(3));
            assertThat(previous).isBeforeOrEqualTo(d).isAfter(d.minusDays(3));
        }
    }
}
