package io.encours.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractTest {
    @Test
    void declaresTheTenTablesOfTheContractParentsFirst() {
        assertThat(Contract.TABLES).extracting(Table::name).containsExactly(
                "entities", "collectors", "scenarios", "debtors", "fx_rates", "invoices",
                "payments", "dunning_actions", "payment_promises", "disputes");
    }

    @Test
    void requiredFlagsAndTypesFollowTheContract() {
        Table invoices = Contract.table("invoices");
        assertThat(invoices.column("credited_invoice_id").orElseThrow().required()).isFalse();
        assertThat(invoices.column("amount").orElseThrow().type().contractName())
                .isEqualTo("DECIMAL(18,2)");
        assertThat(Contract.FX_RATES.key()).containsExactly("currency", "rate_date");
        assertThat(Contract.FX_RATES.column("eur_per_unit").orElseThrow().type().contractName())
                .isEqualTo("DECIMAL(18,8)");
        assertThat(Contract.SECTORS).hasSize(21);
    }

    @Test
    void tableKeysMustBeColumns() {
        assertThatThrownBy(() -> new Table("t", java.util.List.of(Column.req("a", ColumnType.STRING)),
                java.util.List.of("b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
