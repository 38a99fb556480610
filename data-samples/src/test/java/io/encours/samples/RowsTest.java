package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.contract.Column;
import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.samples.rows.CollectorRow;
import io.encours.samples.rows.ContractRow;
import io.encours.samples.rows.DebtorRow;
import io.encours.samples.rows.DisputeRow;
import io.encours.samples.rows.DunningActionRow;
import io.encours.samples.rows.EntityRow;
import io.encours.samples.rows.FxRateRow;
import io.encours.samples.rows.InvoiceRow;
import io.encours.samples.rows.PaymentPromiseRow;
import io.encours.samples.rows.PaymentRow;
import io.encours.samples.rows.ScenarioRow;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row records follow the contract: one component per column, same order, same type. */
class RowsTest {
    private static final Map<Class<? extends ContractRow>, Table> ROWS = Map.of(
            EntityRow.class, Contract.ENTITIES, CollectorRow.class, Contract.COLLECTORS,
            ScenarioRow.class, Contract.SCENARIOS, DebtorRow.class, Contract.DEBTORS,
            FxRateRow.class, Contract.FX_RATES, InvoiceRow.class, Contract.INVOICES,
            PaymentRow.class, Contract.PAYMENTS, DunningActionRow.class, Contract.DUNNING_ACTIONS,
            PaymentPromiseRow.class, Contract.PAYMENT_PROMISES, DisputeRow.class, Contract.DISPUTES);

    @Test
    void everyTableHasItsRowRecord() {
        assertThat(ROWS.values()).containsExactlyInAnyOrderElementsOf(Contract.TABLES);
    }

    @Test
    void componentsMatchTheColumns() {
        ROWS.forEach((type, table) -> {
            List<Column> columns = table.columns();
            RecordComponent[] components = type.getRecordComponents();
            assertThat(Arrays.stream(components).map(c -> snake(c.getName())).toList())
                    .as(type.getSimpleName()).containsExactlyElementsOf(table.columnNames());
            for (int i = 0; i < components.length; i++) {
                Class<?> expected = switch (columns.get(i).type()) {
                    case STRING -> String.class;
                    case DATE -> LocalDate.class;
                    case INT32 -> Integer.class;
                    case BOOLEAN -> Boolean.class;
                    case AMOUNT, RATE -> BigDecimal.class;
                };
                assertThat(components[i].getType()).as(type.getSimpleName() + "." + components[i].getName())
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void valuesFollowTheComponentOrder() {
        LocalDate d = LocalDate.of(2025, 1, 2);
        InvoiceRow row = new InvoiceRow("INV-1", "CLI-1", "INVOICE", null, d, d.plusDays(30),
                new BigDecimal("12.30"), "EUR", null);
        assertThat(row.values()).containsExactly("INV-1", "CLI-1", "INVOICE", null, d,
                d.plusDays(30), new BigDecimal("12.30"), "EUR", null);
        assertThat(row.table()).isSameAs(Contract.INVOICES);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
