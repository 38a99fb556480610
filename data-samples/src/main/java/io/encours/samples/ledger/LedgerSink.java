package io.encours.samples.ledger;

import io.encours.samples.rows.DebtorRow;
import io.encours.samples.rows.DisputeRow;
import io.encours.samples.rows.DunningActionRow;
import io.encours.samples.rows.InvoiceRow;
import io.encours.samples.rows.PaymentPromiseRow;
import io.encours.samples.rows.PaymentRow;

/** Receives the rows of each debtor's ledger, debtor after debtor. */
public interface LedgerSink {
    void debtor(DebtorRow row);

    void invoice(InvoiceRow row);

    void payment(PaymentRow row);

    void action(DunningActionRow row);

    void promise(PaymentPromiseRow row);

    void dispute(DisputeRow row);
}
