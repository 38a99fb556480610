package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Cash received and allocated to an invoice. */
public record PaymentRow(
        String paymentId, String invoiceId, LocalDate paymentDate, BigDecimal amount, String method)
        implements ContractRow {
    public PaymentRow {
        requireNonNull(paymentId, "paymentId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(paymentDate, "paymentDate");
        requireNonNull(amount, "amount");
    }

    @Override
    public Table table() {
        return Contract.PAYMENTS;
    }

    @Override
    public Object[] values() {
        return new Object[] {paymentId, invoiceId, paymentDate, amount, method};
    }
}
