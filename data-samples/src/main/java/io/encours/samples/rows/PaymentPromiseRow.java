package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A promise to pay obtained from a debtor. */
public record PaymentPromiseRow(
        String promiseId,
        String debtorId,
        String invoiceId,
        String collectorId,
        LocalDate createdDate,
        LocalDate promisedDate,
        BigDecimal promisedAmount,
        String currency) implements ContractRow {
    public PaymentPromiseRow {
        requireNonNull(promiseId, "promiseId");
        requireNonNull(debtorId, "debtorId");
        requireNonNull(createdDate, "createdDate");
        requireNonNull(promisedDate, "promisedDate");
        requireNonNull(promisedAmount, "promisedAmount");
        requireNonNull(currency, "currency");
    }

    @Override
    public Table table() {
        return Contract.PAYMENT_PROMISES;
    }

    @Override
    public Object[] values() {
        return new Object[] {promiseId, debtorId, invoiceId, collectorId, createdDate,
            promisedDate, promisedAmount, currency};
    }
}
