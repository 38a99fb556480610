package io.encours.api.promises;

/** The SQL of the promises list (promise_status). */
final class PromisesQueries {

    static final String ROWS = """
            SELECT promise_id, debtor_id, invoice_id, collector_id, created_date, promised_date,
                   promised_amount_eur AS promised_amount, kept_amount_eur AS kept_amount, status
            FROM promise_status
            {where}
            ORDER BY promised_date, promise_id""";

    private PromisesQueries() {
    }
}
