package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice or a credit note. */
public record InvoiceRow(
        String invoiceId,
        String debtorId,
        String documentType,
        String creditedInvoiceId,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        LocalDate writtenOffDate) implements ContractRow {
    public InvoiceRow {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(debtorId, "debtorId");
        requireNonNull(documentType, "documentType");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
    }

    @Override
    public Table table() {
        return Contract.INVOICES;
    }

    @Override
    public Object[] values() {
        return new Object[] {invoiceId, debtorId, documentType, creditedInvoiceId, issueDate,
            dueDate, amount, currency, writtenOffDate};
    }
}
