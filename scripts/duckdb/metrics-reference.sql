-- Three financial metrics, written directly in DuckDB SQL over the curated Parquet: the
-- single-machine reference of the Spark analytics (docs/BENCHMARKS.md, "DuckDB SQL references").
--
--   1. the monthly standard DSO series (METRICS.md "DSO", table fin_dso): group level, windows
--      30, 60, 90, 180 and 365 days, at every month end of the history and T;
--   2. the monthly payment delays (METRICS.md "Payment delays", table fin_delays, granularity
--      month): group level, every month of the history;
--   3. the aged balance at T (METRICS.md "Aged balance", table fin_aged_balance): group level and
--      per entity.
--
-- Definitions as METRICS.md and docs/tables/financial.md give them, with the same arithmetic as
-- io.encours.analytics.cube.Dec: sums of the curated amount_eur are exact DECIMAL(38,10); a ratio
-- is num / den rounded half-up at the 10th decimal (DuckDB divides decimals as DOUBLE, so the
-- division is done in integers: see the macro ratio). Results are written as Parquet, as the
-- Spark stages write their tables.
--
--   java -cp analytics/target/encours-pipeline.jar io.encours.analytics.reference.DuckDbReference \
--     --sql scripts/duckdb/metrics-reference.sql \
--     --set curated=<warehouse>/curated/runs/<the run CURRENT names> --set out=<existing, empty folder>
--
-- ${curated}: a curated run folder (docs/CURATED.md); its report.json gives T.
-- ${out}: gets dso.parquet, delays.parquet, aged_balance.parquet.

SET preserve_insertion_order = false;

SET VARIABLE t = (SELECT CAST(snapshotDate AS DATE) FROM read_json('${curated}/report.json'));

-- x × 10^10 as an integer, for an x with at most 10 decimals (exact).
CREATE MACRO unscaled(x) AS CAST(CAST(x AS DECIMAL(38,10)) * CAST(10000000000 AS DECIMAL(11,0)) AS HUGEINT);

-- num / den as DECIMAL(38,10), rounded half-up (away from zero) at the 10th decimal; null when den
-- is 0 or null. Spark's DECIMAL(28,10) / DECIMAL(28,10) in Dec.div gives this same value.
CREATE MACRO ratio(num, den) AS CASE WHEN den IS NULL OR den = 0 THEN NULL ELSE
    CAST(sign(unscaled(num)) * sign(unscaled(den))
         * ((2 * abs(unscaled(num)) * CAST(10000000000 AS HUGEINT) + abs(unscaled(den))) // (2 * abs(unscaled(den))))
         AS DECIMAL(38,0)) * CAST(0.0000000001 AS DECIMAL(10,10))
END;

-- amount × days, exact (Dec.times).
CREATE MACRO times(amount, days) AS CAST(CAST(amount AS DECIMAL(28,10)) * CAST(days AS DECIMAL(9,0)) AS DECIMAL(38,10));

-- ---------------------------------------------------------------------------------------------
-- Documents (METRICS.md "Balances"; io.encours.analytics.balances.Documents): every accepted
-- document with its debtor's entity; applications to INVOICE documents are payments (dated
-- payment_date) and the credit notes that credit them (|amount|, dated issue_date).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE documents AS
SELECT i.invoice_id, i.document_type, i.credited_invoice_id, i.issue_date, i.due_date, i.amount_eur,
       i.written_off_date, d.entity_id
FROM read_parquet('${curated}/invoices/*.parquet') i
JOIN read_parquet('${curated}/debtors/*.parquet') d USING (debtor_id);

-- Cumulative applied per invoice and date (all applications of a same day together).
CREATE TABLE applied AS
WITH applications AS (
    SELECT invoice_id, payment_date AS applied_date, amount_eur AS applied_eur
    FROM read_parquet('${curated}/payments/*.parquet')
    UNION ALL
    SELECT credited_invoice_id, issue_date, -amount_eur FROM documents
    WHERE document_type = 'CREDIT_NOTE' AND credited_invoice_id IS NOT NULL
)
SELECT invoice_id, applied_date,
       sum(sum(applied_eur)) OVER (PARTITION BY invoice_id ORDER BY applied_date) AS cum_eur
FROM applications GROUP BY invoice_id, applied_date;

-- Per INVOICE: reached_date, the first date applied ≥ amount (ignoring write-offs), and whether
-- its remaining at T is 0; settle_date (METRICS.md): reached_date if before the write-off.
CREATE TABLE invoice_state AS
WITH totals AS (
    SELECT d.invoice_id, min(a.applied_date) FILTER (WHERE a.cum_eur >= d.amount_eur) AS reached_date,
           max(a.cum_eur) AS applied_eur
    FROM documents d JOIN applied a USING (invoice_id)
    WHERE d.document_type = 'INVOICE'
    GROUP BY d.invoice_id
)
SELECT d.invoice_id, d.entity_id, d.due_date, d.amount_eur, d.written_off_date, t.reached_date,
       CASE WHEN d.written_off_date IS NULL OR t.reached_date < d.written_off_date THEN t.reached_date END
           AS settle_date,
       coalesce(t.applied_eur, 0) = d.amount_eur AS paid_off
FROM documents d LEFT JOIN totals t USING (invoice_id)
WHERE d.document_type = 'INVOICE';

CREATE TABLE settled AS
SELECT invoice_id, entity_id, due_date, amount_eur, settle_date, greatest(0, settle_date - due_date) AS days_late
FROM invoice_state WHERE settle_date IS NOT NULL;

-- The history: every month end from the month of the first issue date to T, then T if it is
-- not a month end (docs/tables/financial.md, "Dates").
CREATE TABLE history AS
WITH ends AS (
    SELECT CAST(last_day(CAST(m AS DATE)) AS DATE) AS as_of
    FROM generate_series(CAST(date_trunc('month', (SELECT min(issue_date) FROM documents)) AS TIMESTAMP),
                         CAST(getvariable('t') AS TIMESTAMP), INTERVAL 1 MONTH) g(m)
)
SELECT as_of FROM ends WHERE as_of <= getvariable('t')
UNION SELECT getvariable('t');

-- remaining(d) of every document at every date of the history, where not zero: issued ≤ d, not
-- written off by d, credit notes that credit an invoice left out (they act through it);
-- INVOICE: amount − applied(d) (the cumulative applied at the latest application date ≤ d);
-- a stand-alone credit note: its amount. As Documents.openBalances, a document is looked at
-- only until it closes for good: its write-off, or for an invoice whose remaining at T is 0, the
-- date its applications reached its amount (applications are positive, so its remaining is 0
-- from then on); this only spares rows whose remaining is 0.
CREATE TABLE open_balances AS
WITH spans AS (
    SELECT d.invoice_id, d.entity_id, d.document_type, d.issue_date, d.due_date, d.amount_eur,
           coalesce(least(d.written_off_date,
                          CASE WHEN s.paid_off AND (d.written_off_date IS NULL OR s.reached_date < d.written_off_date)
                               THEN s.reached_date END),
                    DATE '9999-12-31') AS open_until
    FROM documents d LEFT JOIN invoice_state s USING (invoice_id)
    WHERE NOT (d.document_type = 'CREDIT_NOTE' AND d.credited_invoice_id IS NOT NULL)
), grid AS (
    SELECT h.as_of, s.invoice_id, s.entity_id, s.document_type, s.due_date, s.amount_eur
    FROM spans s JOIN history h ON s.issue_date <= h.as_of AND h.as_of < s.open_until
), remaining AS (
    SELECT g.as_of, g.invoice_id, g.entity_id, g.document_type, g.due_date,
           CAST(CASE WHEN g.document_type = 'INVOICE' THEN g.amount_eur - coalesce(a.cum_eur, 0)
                     ELSE g.amount_eur END AS DECIMAL(38,10)) AS remaining_eur,
           g.as_of - g.due_date AS days_past_due
    FROM grid g ASOF LEFT JOIN applied a ON g.invoice_id = a.invoice_id AND g.as_of >= a.applied_date
)
SELECT * FROM remaining WHERE remaining_eur <> 0;

-- ---------------------------------------------------------------------------------------------
-- 1. Standard DSO, group level: AR(d) = Σ remaining(d), CurrentAR(d) = its part with
--    due_date ≥ d, Sales(d − N, d] = Σ amount_eur of every document (credit notes included)
--    issued in the window; DSO = AR × N / Sales, BPDSO = CurrentAR × N / Sales,
--    ADD = (AR − CurrentAR) × N / Sales; null when Sales ≤ 0.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE dso AS
WITH balances AS (
    SELECT as_of, sum(remaining_eur) AS receivables,
           coalesce(sum(remaining_eur) FILTER (WHERE days_past_due <= 0), 0) AS current_receivables,
           coalesce(sum(remaining_eur) FILTER (WHERE days_past_due > 0), 0) AS overdue_receivables
    FROM open_balances GROUP BY as_of
), daily AS (
    SELECT issue_date, sum(amount_eur) AS sales FROM documents GROUP BY issue_date
), windows AS (
    SELECT h.as_of, w.window_days,
           CAST(coalesce(sum(s.sales), 0) AS DECIMAL(38,10)) AS sales
    FROM history h CROSS JOIN (VALUES (30), (60), (90), (180), (365)) w(window_days)
    LEFT JOIN daily s ON s.issue_date > h.as_of - w.window_days AND s.issue_date <= h.as_of
    GROUP BY h.as_of, w.window_days
)
SELECT w.as_of, strftime(w.as_of, '%Y-%m') AS period, w.window_days,
       CAST(coalesce(b.receivables, 0) AS DECIMAL(38,10)) AS receivables,
       CAST(coalesce(b.current_receivables, 0) AS DECIMAL(38,10)) AS current_receivables,
       w.sales,
       CASE WHEN w.sales > 0 THEN ratio(times(coalesce(b.receivables, 0), w.window_days), w.sales) END AS dso,
       CASE WHEN w.sales > 0 THEN ratio(times(coalesce(b.current_receivables, 0), w.window_days), w.sales) END
           AS best_possible_dso,
       CASE WHEN w.sales > 0 THEN ratio(times(coalesce(b.overdue_receivables, 0), w.window_days), w.sales) END
           AS average_days_delinquent
FROM windows w LEFT JOIN balances b USING (as_of);

-- ---------------------------------------------------------------------------------------------
-- 2. Monthly payment delays, group level: over INVOICE documents settled in the month,
--    days_late = max(0, settle_date − due_date); average_delay_days (amount-weighted),
--    average_delay_days_by_count, share_paid_late; and open_overdue_age_days at the period end
--    (Σ remaining × (d − due_date) / Σ remaining over INVOICE documents with due_date < d and
--    remaining > 0). Every month of the history, zeros and null ratios where nothing settled.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE delays AS
WITH months AS (
    SELECT DISTINCT strftime(as_of, '%Y-%m') AS period, CAST(date_trunc('month', as_of) AS DATE) AS period_start,
           least(CAST(last_day(as_of) AS DATE), getvariable('t')) AS period_end
    FROM history
), components AS (
    SELECT strftime(settle_date, '%Y-%m') AS period,
           count(*) AS invoices_settled,
           sum(amount_eur) AS amount_settled,
           count(*) FILTER (WHERE days_late > 0) AS invoices_paid_late,
           sum(days_late) AS days_late_total,
           sum(times(amount_eur, days_late)) AS amount_days_late
    FROM settled GROUP BY 1
), late AS (
    SELECT as_of AS period_end, sum(remaining_eur) AS late_remaining_eur,
           sum(times(remaining_eur, days_past_due)) AS late_remaining_eur_days
    FROM open_balances
    WHERE document_type = 'INVOICE' AND days_past_due > 0 AND remaining_eur > 0
    GROUP BY as_of
)
SELECT m.period, m.period_start, m.period_end,
       coalesce(c.invoices_settled, 0) AS invoices_settled,
       CAST(coalesce(c.amount_settled, 0) AS DECIMAL(38,10)) AS amount_settled,
       coalesce(c.invoices_paid_late, 0) AS invoices_paid_late,
       CAST(coalesce(c.days_late_total, 0) AS BIGINT) AS days_late_total,
       CAST(coalesce(c.amount_days_late, 0) AS DECIMAL(38,10)) AS amount_days_late,
       ratio(c.amount_days_late, c.amount_settled) AS average_delay_days,
       ratio(c.days_late_total, c.invoices_settled) AS average_delay_days_by_count,
       ratio(c.invoices_paid_late, c.invoices_settled) AS share_paid_late,
       CAST(coalesce(l.late_remaining_eur, 0) AS DECIMAL(38,10)) AS open_overdue_eur,
       ratio(l.late_remaining_eur_days, l.late_remaining_eur) AS open_overdue_age_days
FROM months m LEFT JOIN components c USING (period) LEFT JOIN late l USING (period_end);

-- ---------------------------------------------------------------------------------------------
-- 3. Aged balance at T, group ('*') and per entity: remaining(T) by days past due T − due_date
--    (not_due ≤ 0, 1–30, 31–60, 61–90, 91–180, > 180), total, overdue, and in_dispute (the part
--    of documents with a dispute opened ≤ T and not resolved by T).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE aged_balance AS
WITH disputed AS (
    SELECT DISTINCT invoice_id FROM read_parquet('${curated}/disputes/*.parquet')
    WHERE opened_date <= getvariable('t') AND (resolved_date IS NULL OR resolved_date > getvariable('t'))
), at_t AS (
    SELECT o.*, q.invoice_id IS NOT NULL AS in_dispute
    FROM open_balances o LEFT JOIN disputed q USING (invoice_id)
    WHERE o.as_of = getvariable('t')
)
SELECT as_of, strftime(as_of, '%Y-%m') AS period, coalesce(entity_id, '*') AS entity_key,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due <= 0), 0) AS DECIMAL(38,10)) AS not_due,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due BETWEEN 1 AND 30), 0) AS DECIMAL(38,10)) AS days_1_30,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due BETWEEN 31 AND 60), 0) AS DECIMAL(38,10)) AS days_31_60,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due BETWEEN 61 AND 90), 0) AS DECIMAL(38,10)) AS days_61_90,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due BETWEEN 91 AND 180), 0) AS DECIMAL(38,10)) AS days_91_180,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due > 180), 0) AS DECIMAL(38,10)) AS over_180,
       CAST(sum(remaining_eur) AS DECIMAL(38,10)) AS total,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE days_past_due > 0), 0) AS DECIMAL(38,10)) AS overdue,
       CAST(coalesce(sum(remaining_eur) FILTER (WHERE in_dispute), 0) AS DECIMAL(38,10)) AS in_dispute
FROM at_t
GROUP BY GROUPING SETS ((as_of), (as_of, entity_id));

COPY dso TO '${out}/dso.parquet' (FORMAT parquet);
COPY delays TO '${out}/delays.parquet' (FORMAT parquet);
COPY aged_balance TO '${out}/aged_balance.parquet' (FORMAT parquet);
