-- Ingestion, written directly in DuckDB SQL: the single-machine reference of the Spark
-- ingestion benchmark (docs/BENCHMARKS.md, "DuckDB SQL references").
--
-- The same work as io.encours.ingestion.Ingestion over the same snapshot Parquet files: every
-- row rule and reason code of DATA-CONTRACT.md, in the contract's order per table (collapse
-- exact duplicates → row rules → DUPLICATE_ID → references → FX), tables parents first so that a
-- child sees its parents' final status; the counts, the reject-share threshold, and the writes
-- (accepted tables in the curated layout of docs/CURATED.md, rejects with their reason and the
-- original row as JSON, a report), then the accounting identity checked on what was written.
--
-- Run it with the runner (paths are substituted as text: trusted paths only):
--   java -cp analytics/target/encours-pipeline.jar io.encours.analytics.reference.DuckDbReference \
--     --sql scripts/duckdb/ingestion-reference.sql \
--     --set snapshot=<root>/snapshot_date=2025-06-30 --set out=<an existing, empty folder> --threads 2
--
-- ${snapshot}: the snapshot folder (its name gives T). ${out}: where the curated tables go:
--   ${out}/<table>/data_*.parquet, ${out}/rejects/table_name=<table>/data_*.parquet (reason,
--   row_json), ${out}/report.json (counts per table and reason, with the Spark report's field
--   names: metrics-reference.sql can read this folder as a curated run).
--
-- Not reproduced (see docs/BENCHMARKS.md): the schema check (a missing optional column is read
-- as null, but a missing required column makes every row MISSING_REQUIRED instead of failing
-- the run, and the lossless checks of tolerated type variants are left to DuckDB's casts), an
-- empty table folder (read_parquet needs a file), run folders and the CURRENT pointer.

SET preserve_insertion_order = false;

-- T, from the snapshot folder's name (snapshot_date=YYYY-MM-DD): fails if it has none.
SET VARIABLE t = CAST(regexp_extract('${snapshot}', 'snapshot_date=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) AS DATE);

-- Blank: null or empty after trimming spaces (Spark's trim also trims only spaces).
CREATE MACRO blank(s) AS s IS NULL OR trim(s) = '';

-- ---------------------------------------------------------------------------------------------
-- 1. Per table: read, conform to the contract types (a missing optional column is read as
--    null through UNION ALL BY NAME with an empty typed row; extra columns travel in _extras,
--    one copy's, for the rejects' JSON), collapse exact duplicates (equal on every
--    contract column, nulls equal: GROUP BY), then the row rules in the contract's order, then
--    DUPLICATE_ID over the collapsed rows with a non-null key (a row that breaks a row rule
--    keeps its own reason). _copies: the physical rows a collapsed row stands for.
-- ---------------------------------------------------------------------------------------------

CREATE TABLE x_entities AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/entities/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS entity_id, NULL::VARCHAR AS name, NULL::VARCHAR AS country WHERE false
), collapsed AS (
    SELECT entity_id::VARCHAR AS entity_id, name::VARCHAR AS name, country::VARCHAR AS country,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (entity_id, name, country)))) AS _extras
    FROM raw GROUP BY ALL
)
SELECT *, CASE
    WHEN blank(entity_id) OR blank(name) THEN 'MISSING_REQUIRED'
    WHEN count(*) OVER (PARTITION BY entity_id) > 1 THEN 'DUPLICATE_ID'
END AS _reason
FROM collapsed;

CREATE TABLE x_collectors AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/collectors/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS collector_id, NULL::VARCHAR AS name, NULL::VARCHAR AS team WHERE false
), collapsed AS (
    SELECT collector_id::VARCHAR AS collector_id, name::VARCHAR AS name, team::VARCHAR AS team,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (collector_id, name, team)))) AS _extras
    FROM raw GROUP BY ALL
)
SELECT *, CASE
    WHEN blank(collector_id) OR blank(name) THEN 'MISSING_REQUIRED'
    WHEN count(*) OVER (PARTITION BY collector_id) > 1 THEN 'DUPLICATE_ID'
END AS _reason
FROM collapsed;

CREATE TABLE x_scenarios AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/scenarios/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS scenario_id, NULL::VARCHAR AS name, NULL::VARCHAR AS target_segment WHERE false
), collapsed AS (
    SELECT scenario_id::VARCHAR AS scenario_id, name::VARCHAR AS name,
           target_segment::VARCHAR AS target_segment,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (scenario_id, name, target_segment)))) AS _extras
    FROM raw GROUP BY ALL
)
SELECT *, CASE
    WHEN blank(scenario_id) OR blank(name) THEN 'MISSING_REQUIRED'
    WHEN count(*) OVER (PARTITION BY scenario_id) > 1 THEN 'DUPLICATE_ID'
END AS _reason
FROM collapsed;

-- fx_rates: key (currency, rate_date).
CREATE TABLE x_fx_rates AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/fx_rates/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS currency, NULL::DATE AS rate_date, NULL::DECIMAL(18,8) AS eur_per_unit WHERE false
), collapsed AS (
    SELECT currency::VARCHAR AS currency, rate_date::DATE AS rate_date,
           eur_per_unit::DECIMAL(18,8) AS eur_per_unit,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (currency, rate_date, eur_per_unit)))) AS _extras
    FROM raw GROUP BY ALL
)
SELECT *, CASE
    WHEN blank(currency) OR rate_date IS NULL OR eur_per_unit IS NULL THEN 'MISSING_REQUIRED'
    WHEN eur_per_unit <= 0 THEN 'BAD_AMOUNT'
    WHEN count(*) OVER (PARTITION BY currency, rate_date) > 1 THEN 'DUPLICATE_ID'
END AS _reason
FROM collapsed;

-- debtors: row rules, DUPLICATE_ID, then references to entities, collectors, scenarios (a
-- given optional reference must resolve too; an unknown reference wins over a rejected parent).
CREATE TABLE x_debtors AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/debtors/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS debtor_id, NULL::VARCHAR AS entity_id, NULL::VARCHAR AS name,
           NULL::VARCHAR AS segment, NULL::VARCHAR AS sector, NULL::VARCHAR AS country,
           NULL::VARCHAR AS collector_id, NULL::VARCHAR AS scenario_id, NULL::INTEGER AS credit_score,
           NULL::DECIMAL(18,2) AS credit_limit, NULL::BOOLEAN AS insolvency WHERE false
), collapsed AS (
    SELECT debtor_id::VARCHAR AS debtor_id, entity_id::VARCHAR AS entity_id, name::VARCHAR AS name,
           segment::VARCHAR AS segment, sector::VARCHAR AS sector, country::VARCHAR AS country,
           collector_id::VARCHAR AS collector_id, scenario_id::VARCHAR AS scenario_id,
           credit_score::INTEGER AS credit_score, credit_limit::DECIMAL(18,2) AS credit_limit,
           insolvency::BOOLEAN AS insolvency,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (debtor_id, entity_id, name, segment, sector, country,
               collector_id, scenario_id, credit_score, credit_limit, insolvency)))) AS _extras
    FROM raw GROUP BY ALL
), ruled AS (
    SELECT *, CASE
        WHEN blank(debtor_id) OR blank(entity_id) OR blank(name) OR blank(segment) THEN 'MISSING_REQUIRED'
        WHEN segment NOT IN ('KEY_ACCOUNT', 'SME', 'MICRO', 'PUBLIC')
            OR sector NOT IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
                              'P', 'Q', 'R', 'S', 'T', 'U') THEN 'BAD_ENUM'
        WHEN credit_score < 0 OR credit_score > 100 THEN 'BAD_AMOUNT'
        WHEN count(*) OVER (PARTITION BY debtor_id) > 1 THEN 'DUPLICATE_ID'
    END AS _reason
    FROM collapsed
), entity_status AS (
    SELECT entity_id AS id, bool_or(_reason IS NULL) AS ok FROM x_entities WHERE entity_id IS NOT NULL GROUP BY 1
), collector_status AS (
    SELECT collector_id AS id, bool_or(_reason IS NULL) AS ok FROM x_collectors WHERE collector_id IS NOT NULL GROUP BY 1
), scenario_status AS (
    SELECT scenario_id AS id, bool_or(_reason IS NULL) AS ok FROM x_scenarios WHERE scenario_id IS NOT NULL GROUP BY 1
)
SELECT r.* EXCLUDE (_reason), CASE
    WHEN r._reason IS NOT NULL THEN r._reason
    WHEN (r.entity_id IS NOT NULL AND e.id IS NULL) OR (r.collector_id IS NOT NULL AND c.id IS NULL)
        OR (r.scenario_id IS NOT NULL AND s.id IS NULL) THEN 'UNKNOWN_REFERENCE'
    WHEN NOT e.ok OR NOT c.ok OR NOT s.ok THEN 'PARENT_REJECTED'
END AS _reason
FROM ruled r
LEFT JOIN entity_status e ON r.entity_id = e.id
LEFT JOIN collector_status c ON r.collector_id = c.id
LEFT JOIN scenario_status s ON r.scenario_id = s.id;

-- The rate in force on each day, as io.encours.ingestion.rules.FxCalendar builds it: for every
-- currency and every date from its first accepted rate to T, the latest accepted rate with
-- rate_date ≤ that date. Lookups are then equi-joins on (currency, date); a date before a
-- currency's first rate, after T, or an unknown currency finds none.
CREATE TABLE fx_calendar AS
WITH accepted AS (
    SELECT currency, rate_date, eur_per_unit FROM x_fx_rates WHERE _reason IS NULL
), firsts AS (
    SELECT currency, min(rate_date) AS first_date FROM accepted GROUP BY currency
    HAVING min(rate_date) <= getvariable('t')
), days AS (
    SELECT currency AS fx_currency,
           unnest(generate_series(first_date, getvariable('t'), INTERVAL 1 DAY))::DATE AS fx_date
    FROM firsts
)
SELECT d.fx_currency, d.fx_date,
       last_value(a.eur_per_unit IGNORE NULLS) OVER (PARTITION BY d.fx_currency ORDER BY d.fx_date) AS fx_rate
FROM days d LEFT JOIN accepted a ON a.currency = d.fx_currency AND a.rate_date = d.fx_date;

-- invoices (and credit notes): row rules and DUPLICATE_ID over every document.
CREATE TABLE b_invoices AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/invoices/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS invoice_id, NULL::VARCHAR AS debtor_id, NULL::VARCHAR AS document_type,
           NULL::VARCHAR AS credited_invoice_id, NULL::DATE AS issue_date, NULL::DATE AS due_date,
           NULL::DECIMAL(18,2) AS amount, NULL::VARCHAR AS currency, NULL::DATE AS written_off_date WHERE false
), collapsed AS (
    SELECT invoice_id::VARCHAR AS invoice_id, debtor_id::VARCHAR AS debtor_id,
           document_type::VARCHAR AS document_type, credited_invoice_id::VARCHAR AS credited_invoice_id,
           issue_date::DATE AS issue_date, due_date::DATE AS due_date, amount::DECIMAL(18,2) AS amount,
           currency::VARCHAR AS currency, written_off_date::DATE AS written_off_date,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (invoice_id, debtor_id, document_type, credited_invoice_id,
               issue_date, due_date, amount, currency, written_off_date)))) AS _extras
    FROM raw GROUP BY ALL
)
SELECT *, CASE
    WHEN blank(invoice_id) OR blank(debtor_id) OR blank(document_type) OR issue_date IS NULL
        OR due_date IS NULL OR amount IS NULL OR blank(currency) THEN 'MISSING_REQUIRED'
    WHEN document_type NOT IN ('INVOICE', 'CREDIT_NOTE') THEN 'BAD_ENUM'
    WHEN (document_type = 'INVOICE' AND amount <= 0) OR (document_type = 'CREDIT_NOTE' AND amount >= 0) THEN 'BAD_AMOUNT'
    WHEN due_date < issue_date THEN 'BAD_DATE_ORDER'
    WHEN issue_date > getvariable('t') THEN 'FUTURE_DATE'
    WHEN count(*) OVER (PARTITION BY invoice_id) > 1 THEN 'DUPLICATE_ID'
END AS _reason,
-- A credit note that credits an invoice: checked against that invoice, takes its rate.
coalesce(document_type = 'CREDIT_NOTE' AND credited_invoice_id IS NOT NULL, false) AS _linked
FROM collapsed;

-- Documents that credit no invoice (invoices, stand-alone credit notes): their debtor, then
-- FX at their issue date (EUR needs no rate).
CREATE TABLE s_invoices AS
WITH debtor_status AS (
    SELECT debtor_id AS id, bool_or(_reason IS NULL) AS ok FROM x_debtors WHERE debtor_id IS NOT NULL GROUP BY 1
), referenced AS (
    SELECT b.* EXCLUDE (_reason, _linked), CASE
        WHEN b._reason IS NOT NULL THEN b._reason
        WHEN b.debtor_id IS NOT NULL AND d.id IS NULL THEN 'UNKNOWN_REFERENCE'
        WHEN NOT d.ok THEN 'PARENT_REJECTED'
    END AS _reason
    FROM b_invoices b LEFT JOIN debtor_status d ON b.debtor_id = d.id
    WHERE NOT b._linked
), rated AS (
    SELECT r.*, CASE WHEN r.currency = 'EUR' THEN 1::DECIMAL(18,8) ELSE c.fx_rate END AS _rate
    FROM referenced r LEFT JOIN fx_calendar c ON r.currency = c.fx_currency AND r.issue_date = c.fx_date
)
SELECT * EXCLUDE (_reason, _rate),
       coalesce(_reason, CASE WHEN _rate IS NULL THEN 'MISSING_FX_RATE' END) AS _reason,
       CASE WHEN _reason IS NULL THEN _rate END AS fx_rate
FROM rated;

-- Credit notes that credit an invoice: their debtor and the credited document, which must be an
-- accepted INVOICE ("rows that have that id" are rows of type INVOICE: an id held only by credit
-- notes is unknown); they take its rate. Then every document gets amount_eur.
CREATE TABLE x_invoices AS
WITH debtor_status AS (
    SELECT debtor_id AS id, bool_or(_reason IS NULL) AS ok FROM x_debtors WHERE debtor_id IS NOT NULL GROUP BY 1
), invoice_status AS (
    SELECT invoice_id AS id, bool_or(_reason IS NULL) AS ok FROM s_invoices
    WHERE document_type = 'INVOICE' AND invoice_id IS NOT NULL GROUP BY 1
), credited_rates AS (
    SELECT invoice_id AS id, fx_rate FROM s_invoices WHERE _reason IS NULL AND document_type = 'INVOICE'
), linked AS (
    SELECT b.* EXCLUDE (_reason, _linked), CASE
        WHEN b._reason IS NOT NULL THEN b._reason
        WHEN (b.debtor_id IS NOT NULL AND d.id IS NULL) OR (b.credited_invoice_id IS NOT NULL AND i.id IS NULL)
            THEN 'UNKNOWN_REFERENCE'
        WHEN NOT d.ok OR NOT i.ok THEN 'PARENT_REJECTED'
    END AS _reason
    FROM b_invoices b
    LEFT JOIN debtor_status d ON b.debtor_id = d.id
    LEFT JOIN invoice_status i ON b.credited_invoice_id = i.id
    WHERE b._linked
), documents AS (
    SELECT * FROM s_invoices
    UNION ALL BY NAME
    SELECT l.*, CASE WHEN l._reason IS NULL THEN r.fx_rate END AS fx_rate
    FROM linked l LEFT JOIN credited_rates r ON l.credited_invoice_id = r.id
)
SELECT *, CAST(CAST(amount AS DECIMAL(38,2)) * fx_rate AS DECIMAL(38,10)) AS amount_eur FROM documents;

DROP TABLE b_invoices;
DROP TABLE s_invoices;

-- payments: must point to an accepted INVOICE; take its debtor and its rate.
CREATE TABLE x_payments AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/payments/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS payment_id, NULL::VARCHAR AS invoice_id, NULL::DATE AS payment_date,
           NULL::DECIMAL(18,2) AS amount, NULL::VARCHAR AS method WHERE false
), collapsed AS (
    SELECT payment_id::VARCHAR AS payment_id, invoice_id::VARCHAR AS invoice_id,
           payment_date::DATE AS payment_date, amount::DECIMAL(18,2) AS amount, method::VARCHAR AS method,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (payment_id, invoice_id, payment_date, amount, method)))) AS _extras
    FROM raw GROUP BY ALL
), ruled AS (
    SELECT *, CASE
        WHEN blank(payment_id) OR blank(invoice_id) OR payment_date IS NULL OR amount IS NULL THEN 'MISSING_REQUIRED'
        WHEN method NOT IN ('TRANSFER', 'DIRECT_DEBIT', 'CARD', 'CHECK', 'OTHER') THEN 'BAD_ENUM'
        WHEN amount <= 0 THEN 'BAD_AMOUNT'
        WHEN payment_date > getvariable('t') THEN 'FUTURE_DATE'
        WHEN count(*) OVER (PARTITION BY payment_id) > 1 THEN 'DUPLICATE_ID'
    END AS _reason
    FROM collapsed
), invoice_status AS (
    SELECT invoice_id AS id, bool_or(_reason IS NULL) AS ok FROM x_invoices
    WHERE document_type = 'INVOICE' AND invoice_id IS NOT NULL GROUP BY 1
), accepted_invoices AS (
    SELECT invoice_id AS id, debtor_id, fx_rate FROM x_invoices WHERE _reason IS NULL AND document_type = 'INVOICE'
), referenced AS (
    SELECT r.* EXCLUDE (_reason), CASE
        WHEN r._reason IS NOT NULL THEN r._reason
        WHEN r.invoice_id IS NOT NULL AND i.id IS NULL THEN 'UNKNOWN_REFERENCE'
        WHEN NOT i.ok THEN 'PARENT_REJECTED'
    END AS _reason
    FROM ruled r LEFT JOIN invoice_status i ON r.invoice_id = i.id
)
SELECT r.*, CASE WHEN r._reason IS NULL THEN a.debtor_id END AS debtor_id,
       CAST(CAST(r.amount AS DECIMAL(38,2)) * a.fx_rate AS DECIMAL(38,10)) AS amount_eur
FROM referenced r LEFT JOIN accepted_invoices a ON r.invoice_id = a.id;

-- dunning_actions: debtor, any document (invoice or credit note), scenario, collector.
CREATE TABLE x_dunning_actions AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/dunning_actions/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS action_id, NULL::VARCHAR AS debtor_id, NULL::VARCHAR AS invoice_id,
           NULL::VARCHAR AS scenario_id, NULL::INTEGER AS step, NULL::VARCHAR AS channel,
           NULL::DATE AS action_date, NULL::VARCHAR AS collector_id, NULL::BOOLEAN AS preventive WHERE false
), collapsed AS (
    SELECT action_id::VARCHAR AS action_id, debtor_id::VARCHAR AS debtor_id, invoice_id::VARCHAR AS invoice_id,
           scenario_id::VARCHAR AS scenario_id, step::INTEGER AS step, channel::VARCHAR AS channel,
           action_date::DATE AS action_date, collector_id::VARCHAR AS collector_id,
           preventive::BOOLEAN AS preventive,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (action_id, debtor_id, invoice_id, scenario_id, step, channel,
               action_date, collector_id, preventive)))) AS _extras
    FROM raw GROUP BY ALL
), ruled AS (
    SELECT *, CASE
        WHEN blank(action_id) OR blank(debtor_id) OR blank(channel) OR action_date IS NULL THEN 'MISSING_REQUIRED'
        WHEN channel NOT IN ('EMAIL', 'SMS', 'CALL', 'LETTER', 'REGISTERED_LETTER', 'FORMAL_NOTICE') THEN 'BAD_ENUM'
        WHEN action_date > getvariable('t') THEN 'FUTURE_DATE'
        WHEN count(*) OVER (PARTITION BY action_id) > 1 THEN 'DUPLICATE_ID'
    END AS _reason
    FROM collapsed
), debtor_status AS (
    SELECT debtor_id AS id, bool_or(_reason IS NULL) AS ok FROM x_debtors WHERE debtor_id IS NOT NULL GROUP BY 1
), document_status AS (
    SELECT invoice_id AS id, bool_or(_reason IS NULL) AS ok FROM x_invoices WHERE invoice_id IS NOT NULL GROUP BY 1
), scenario_status AS (
    SELECT scenario_id AS id, bool_or(_reason IS NULL) AS ok FROM x_scenarios WHERE scenario_id IS NOT NULL GROUP BY 1
), collector_status AS (
    SELECT collector_id AS id, bool_or(_reason IS NULL) AS ok FROM x_collectors WHERE collector_id IS NOT NULL GROUP BY 1
)
SELECT r.* EXCLUDE (_reason), CASE
    WHEN r._reason IS NOT NULL THEN r._reason
    WHEN (r.debtor_id IS NOT NULL AND d.id IS NULL) OR (r.invoice_id IS NOT NULL AND i.id IS NULL)
        OR (r.scenario_id IS NOT NULL AND s.id IS NULL) OR (r.collector_id IS NOT NULL AND c.id IS NULL)
        THEN 'UNKNOWN_REFERENCE'
    WHEN NOT d.ok OR NOT i.ok OR NOT s.ok OR NOT c.ok THEN 'PARENT_REJECTED'
END AS _reason
FROM ruled r
LEFT JOIN debtor_status d ON r.debtor_id = d.id
LEFT JOIN document_status i ON r.invoice_id = i.id
LEFT JOIN scenario_status s ON r.scenario_id = s.id
LEFT JOIN collector_status c ON r.collector_id = c.id;

-- payment_promises: debtor, any document, collector; then FX at the creation date.
CREATE TABLE x_payment_promises AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/payment_promises/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS promise_id, NULL::VARCHAR AS debtor_id, NULL::VARCHAR AS invoice_id,
           NULL::VARCHAR AS collector_id, NULL::DATE AS created_date, NULL::DATE AS promised_date,
           NULL::DECIMAL(18,2) AS promised_amount, NULL::VARCHAR AS currency WHERE false
), collapsed AS (
    SELECT promise_id::VARCHAR AS promise_id, debtor_id::VARCHAR AS debtor_id, invoice_id::VARCHAR AS invoice_id,
           collector_id::VARCHAR AS collector_id, created_date::DATE AS created_date,
           promised_date::DATE AS promised_date, promised_amount::DECIMAL(18,2) AS promised_amount,
           currency::VARCHAR AS currency,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (promise_id, debtor_id, invoice_id, collector_id, created_date,
               promised_date, promised_amount, currency)))) AS _extras
    FROM raw GROUP BY ALL
), ruled AS (
    SELECT *, CASE
        WHEN blank(promise_id) OR blank(debtor_id) OR created_date IS NULL OR promised_date IS NULL
            OR promised_amount IS NULL OR blank(currency) THEN 'MISSING_REQUIRED'
        WHEN promised_amount <= 0 THEN 'BAD_AMOUNT'
        WHEN promised_date < created_date THEN 'BAD_DATE_ORDER'
        WHEN created_date > getvariable('t') THEN 'FUTURE_DATE'
        WHEN count(*) OVER (PARTITION BY promise_id) > 1 THEN 'DUPLICATE_ID'
    END AS _reason
    FROM collapsed
), debtor_status AS (
    SELECT debtor_id AS id, bool_or(_reason IS NULL) AS ok FROM x_debtors WHERE debtor_id IS NOT NULL GROUP BY 1
), document_status AS (
    SELECT invoice_id AS id, bool_or(_reason IS NULL) AS ok FROM x_invoices WHERE invoice_id IS NOT NULL GROUP BY 1
), collector_status AS (
    SELECT collector_id AS id, bool_or(_reason IS NULL) AS ok FROM x_collectors WHERE collector_id IS NOT NULL GROUP BY 1
), referenced AS (
    SELECT r.* EXCLUDE (_reason), CASE
        WHEN r._reason IS NOT NULL THEN r._reason
        WHEN (r.debtor_id IS NOT NULL AND d.id IS NULL) OR (r.invoice_id IS NOT NULL AND i.id IS NULL)
            OR (r.collector_id IS NOT NULL AND c.id IS NULL) THEN 'UNKNOWN_REFERENCE'
        WHEN NOT d.ok OR NOT i.ok OR NOT c.ok THEN 'PARENT_REJECTED'
    END AS _reason
    FROM ruled r
    LEFT JOIN debtor_status d ON r.debtor_id = d.id
    LEFT JOIN document_status i ON r.invoice_id = i.id
    LEFT JOIN collector_status c ON r.collector_id = c.id
), rated AS (
    SELECT r.*, CASE WHEN r.currency = 'EUR' THEN 1::DECIMAL(18,8) ELSE c.fx_rate END AS _rate
    FROM referenced r LEFT JOIN fx_calendar c ON r.currency = c.fx_currency AND r.created_date = c.fx_date
), converted AS (
    SELECT * EXCLUDE (_reason, _rate),
           coalesce(_reason, CASE WHEN _rate IS NULL THEN 'MISSING_FX_RATE' END) AS _reason,
           CASE WHEN _reason IS NULL THEN _rate END AS fx_rate
    FROM rated
)
SELECT *, CAST(CAST(promised_amount AS DECIMAL(38,2)) * fx_rate AS DECIMAL(38,10)) AS promised_amount_eur
FROM converted;

-- disputes: any document.
CREATE TABLE x_disputes AS
WITH raw AS (
    SELECT * FROM read_parquet('${snapshot}/disputes/*.parquet', hive_partitioning = false)
    UNION ALL BY NAME
    SELECT NULL::VARCHAR AS dispute_id, NULL::VARCHAR AS invoice_id, NULL::DATE AS opened_date,
           NULL::DATE AS resolved_date, NULL::VARCHAR AS category WHERE false
), collapsed AS (
    SELECT dispute_id::VARCHAR AS dispute_id, invoice_id::VARCHAR AS invoice_id, opened_date::DATE AS opened_date,
           resolved_date::DATE AS resolved_date, category::VARCHAR AS category,
           count(*) AS _copies,
           any_value(struct_pack(*COLUMNS(* EXCLUDE (dispute_id, invoice_id, opened_date, resolved_date,
               category)))) AS _extras
    FROM raw GROUP BY ALL
), ruled AS (
    SELECT *, CASE
        WHEN blank(dispute_id) OR blank(invoice_id) OR opened_date IS NULL THEN 'MISSING_REQUIRED'
        WHEN category NOT IN ('PRICE', 'QUALITY', 'DELIVERY', 'BILLING_ERROR', 'OTHER') THEN 'BAD_ENUM'
        WHEN resolved_date < opened_date THEN 'BAD_DATE_ORDER'
        WHEN opened_date > getvariable('t') THEN 'FUTURE_DATE'
        WHEN count(*) OVER (PARTITION BY dispute_id) > 1 THEN 'DUPLICATE_ID'
    END AS _reason
    FROM collapsed
), document_status AS (
    SELECT invoice_id AS id, bool_or(_reason IS NULL) AS ok FROM x_invoices WHERE invoice_id IS NOT NULL GROUP BY 1
)
SELECT r.* EXCLUDE (_reason), CASE
    WHEN r._reason IS NOT NULL THEN r._reason
    WHEN r.invoice_id IS NOT NULL AND i.id IS NULL THEN 'UNKNOWN_REFERENCE'
    WHEN NOT i.ok THEN 'PARENT_REJECTED'
END AS _reason
FROM ruled r LEFT JOIN document_status i ON r.invoice_id = i.id;

-- ---------------------------------------------------------------------------------------------
-- 2. Counts per table and reason (reason null = accepted): collapsed rows and the physical rows
--    they stand for. read = Σ physical; duplicates collapsed = read − collapsed rows.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE counts AS
SELECT 'entities' AS table_name, _reason AS reason, count(*) AS row_count, sum(_copies) AS physical FROM x_entities GROUP BY ALL
UNION ALL SELECT 'collectors', _reason, count(*), sum(_copies) FROM x_collectors GROUP BY ALL
UNION ALL SELECT 'scenarios', _reason, count(*), sum(_copies) FROM x_scenarios GROUP BY ALL
UNION ALL SELECT 'fx_rates', _reason, count(*), sum(_copies) FROM x_fx_rates GROUP BY ALL
UNION ALL SELECT 'debtors', _reason, count(*), sum(_copies) FROM x_debtors GROUP BY ALL
UNION ALL SELECT 'invoices', _reason, count(*), sum(_copies) FROM x_invoices GROUP BY ALL
UNION ALL SELECT 'payments', _reason, count(*), sum(_copies) FROM x_payments GROUP BY ALL
UNION ALL SELECT 'dunning_actions', _reason, count(*), sum(_copies) FROM x_dunning_actions GROUP BY ALL
UNION ALL SELECT 'payment_promises', _reason, count(*), sum(_copies) FROM x_payment_promises GROUP BY ALL
UNION ALL SELECT 'disputes', _reason, count(*), sum(_copies) FROM x_disputes GROUP BY ALL;

CREATE TABLE report AS
SELECT table_name,
       sum(physical)::BIGINT AS "read",
       coalesce(sum(row_count) FILTER (WHERE reason IS NULL), 0)::BIGINT AS accepted,
       coalesce(sum(row_count) FILTER (WHERE reason IS NOT NULL), 0)::BIGINT AS rejected,
       (sum(physical) - sum(row_count))::BIGINT AS duplicates_collapsed,
       CASE WHEN sum(physical) = 0 THEN 0
            ELSE coalesce(sum(row_count) FILTER (WHERE reason IS NOT NULL), 0) / sum(physical) END AS reject_share,
       coalesce(map_from_entries(list((reason, row_count::BIGINT) ORDER BY reason) FILTER (WHERE reason IS NOT NULL)),
                MAP {}) AS rejects_by_reason
FROM counts GROUP BY table_name;

-- The run fails when a table's reject share is strictly above the threshold (the Spark job's
-- default --max-reject-share, 0.05), before anything is written.
SELECT CASE WHEN max(reject_share) > 0.05 THEN error('reject share above the threshold of 5%: '
        || string_agg(table_name || ' ' || round(100 * reject_share, 2) || '%', ', ') FILTER (WHERE reject_share > 0.05))
    ELSE 'reject shares within 5%' END AS threshold
FROM report;

-- ---------------------------------------------------------------------------------------------
-- 3. Writes: rejects (table, reason, the original row as JSON: contract columns, then extras),
--    then the accepted rows in the curated layout (contract columns, then the added ones).
-- ---------------------------------------------------------------------------------------------
CREATE MACRO row_json(contract, extras) AS
    CASE WHEN to_json(extras)::VARCHAR = '{}' THEN to_json(contract)::VARCHAR
         ELSE rtrim(to_json(contract)::VARCHAR, '}') || ',' || ltrim(to_json(extras)::VARCHAR, '{') END;

-- Creates ${out}/rejects (a partitioned COPY of no row creates its folder and nothing else); then
-- one folder per table, as the Spark job writes them (at least one file, even with no reject).
COPY (SELECT '' AS table_name, '' AS reason WHERE false) TO '${out}/rejects' (FORMAT parquet, PARTITION_BY (table_name));

COPY (SELECT _reason AS reason, row_json(struct_pack(entity_id, name, country), _extras) AS row_json
      FROM x_entities WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=entities' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(collector_id, name, team), _extras) AS row_json
      FROM x_collectors WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=collectors' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(scenario_id, name, target_segment), _extras) AS row_json
      FROM x_scenarios WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=scenarios' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(currency, rate_date, eur_per_unit), _extras) AS row_json
      FROM x_fx_rates WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=fx_rates' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(debtor_id, entity_id, name, segment, sector, country, collector_id,
    scenario_id, credit_score, credit_limit, insolvency), _extras) AS row_json
      FROM x_debtors WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=debtors' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(invoice_id, debtor_id, document_type, credited_invoice_id,
    issue_date, due_date, amount, currency, written_off_date), _extras) AS row_json
      FROM x_invoices WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=invoices' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(payment_id, invoice_id, payment_date, amount, method), _extras) AS row_json
      FROM x_payments WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=payments' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(action_id, debtor_id, invoice_id, scenario_id, step,
    channel, action_date, collector_id, preventive), _extras) AS row_json
      FROM x_dunning_actions WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=dunning_actions' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(promise_id, debtor_id, invoice_id, collector_id,
    created_date, promised_date, promised_amount, currency), _extras) AS row_json
      FROM x_payment_promises WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=payment_promises' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT _reason AS reason, row_json(struct_pack(dispute_id, invoice_id, opened_date, resolved_date, category), _extras) AS row_json
      FROM x_disputes WHERE _reason IS NOT NULL)
TO '${out}/rejects/table_name=disputes' (FORMAT parquet, PER_THREAD_OUTPUT true);


COPY (SELECT entity_id, name, country FROM x_entities WHERE _reason IS NULL)
TO '${out}/entities' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT collector_id, name, team FROM x_collectors WHERE _reason IS NULL)
TO '${out}/collectors' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT scenario_id, name, target_segment FROM x_scenarios WHERE _reason IS NULL)
TO '${out}/scenarios' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT currency, rate_date, eur_per_unit FROM x_fx_rates WHERE _reason IS NULL)
TO '${out}/fx_rates' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT debtor_id, entity_id, name, segment, sector, country, collector_id, scenario_id, credit_score,
             credit_limit, insolvency
      FROM x_debtors WHERE _reason IS NULL)
TO '${out}/debtors' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT invoice_id, debtor_id, document_type, credited_invoice_id, issue_date, due_date, amount, currency,
             written_off_date, fx_rate, amount_eur
      FROM x_invoices WHERE _reason IS NULL)
TO '${out}/invoices' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT payment_id, invoice_id, payment_date, amount, method, debtor_id, amount_eur
      FROM x_payments WHERE _reason IS NULL)
TO '${out}/payments' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT action_id, debtor_id, invoice_id, scenario_id, step, channel, action_date, collector_id, preventive
      FROM x_dunning_actions WHERE _reason IS NULL)
TO '${out}/dunning_actions' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT promise_id, debtor_id, invoice_id, collector_id, created_date, promised_date, promised_amount,
             currency, fx_rate, promised_amount_eur
      FROM x_payment_promises WHERE _reason IS NULL)
TO '${out}/payment_promises' (FORMAT parquet, PER_THREAD_OUTPUT true);

COPY (SELECT dispute_id, invoice_id, opened_date, resolved_date, category FROM x_disputes WHERE _reason IS NULL)
TO '${out}/disputes' (FORMAT parquet, PER_THREAD_OUTPUT true);

-- ---------------------------------------------------------------------------------------------
-- 4. The accounting identity on what was written (read = accepted + rejected + duplicates
--    collapsed, accepted and rejected counted in the written files), then the report with the
--    figures the Spark report adds: overpaid invoices and converted rows per currency.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE written AS
WITH accepted AS (
    SELECT 'entities' AS table_name, count(*) AS n FROM read_parquet('${out}/entities/*.parquet')
    UNION ALL SELECT 'collectors', count(*) FROM read_parquet('${out}/collectors/*.parquet')
    UNION ALL SELECT 'scenarios', count(*) FROM read_parquet('${out}/scenarios/*.parquet')
    UNION ALL SELECT 'fx_rates', count(*) FROM read_parquet('${out}/fx_rates/*.parquet')
    UNION ALL SELECT 'debtors', count(*) FROM read_parquet('${out}/debtors/*.parquet')
    UNION ALL SELECT 'invoices', count(*) FROM read_parquet('${out}/invoices/*.parquet')
    UNION ALL SELECT 'payments', count(*) FROM read_parquet('${out}/payments/*.parquet')
    UNION ALL SELECT 'dunning_actions', count(*) FROM read_parquet('${out}/dunning_actions/*.parquet')
    UNION ALL SELECT 'payment_promises', count(*) FROM read_parquet('${out}/payment_promises/*.parquet')
    UNION ALL SELECT 'disputes', count(*) FROM read_parquet('${out}/disputes/*.parquet')
), rejected AS (
    SELECT table_name, count(*) AS n
    FROM read_parquet('${out}/rejects/*/*.parquet', hive_partitioning = true) GROUP BY table_name
)
SELECT r.table_name, r."read", a.n AS accepted_written, coalesce(j.n, 0) AS rejected_written,
       r.duplicates_collapsed
FROM report r JOIN accepted a USING (table_name) LEFT JOIN rejected j USING (table_name);

SELECT CASE WHEN count(*) FILTER (WHERE "read" <> accepted_written + rejected_written + duplicates_collapsed) > 0
    THEN error('accounting identity broken on the written files: ' || string_agg(table_name, ', ')
        FILTER (WHERE "read" <> accepted_written + rejected_written + duplicates_collapsed))
    ELSE 'read = accepted + rejected + duplicates collapsed, for every table, on the written files' END AS identity
FROM written;

COPY (
    WITH paid AS (
        SELECT invoice_id, sum(amount_eur) AS paid FROM x_payments WHERE _reason IS NULL GROUP BY 1
    ), credited AS (
        SELECT credited_invoice_id AS invoice_id, sum(-amount_eur) AS credited FROM x_invoices
        WHERE _reason IS NULL AND document_type = 'CREDIT_NOTE' AND credited_invoice_id IS NOT NULL GROUP BY 1
    ), overpaid AS (
        SELECT count(*) AS n FROM x_invoices i
        LEFT JOIN paid p USING (invoice_id) LEFT JOIN credited c USING (invoice_id)
        WHERE i._reason IS NULL AND i.document_type = 'INVOICE'
          AND coalesce(p.paid, 0) + coalesce(c.credited, 0) > i.amount_eur
    ), converted AS (
        SELECT table_name, map_from_entries(list((currency, n) ORDER BY currency)) AS currencies FROM (
            SELECT 'invoices' AS table_name, currency, count(*) AS n FROM x_invoices
            WHERE _reason IS NULL AND currency <> 'EUR' GROUP BY ALL
            UNION ALL
            SELECT 'payment_promises', currency, count(*) FROM x_payment_promises
            WHERE _reason IS NULL AND currency <> 'EUR' GROUP BY ALL
        ) GROUP BY table_name
    )
    SELECT 'duckdb-reference' AS runId, 'SUCCEEDED' AS status, getvariable('t') AS snapshotDate,
           '${snapshot}' AS snapshotPath, 0.05 AS maxRejectShare,
           list(struct_pack("table" := r.table_name, "read" := r."read", accepted := r.accepted,
                            rejected := r.rejected, duplicatesCollapsed := r.duplicates_collapsed,
                            rejectShare := r.reject_share, rejectsByReason := r.rejects_by_reason,
                            currenciesConverted := coalesce(c.currencies, MAP {}))
                ORDER BY r.table_name) AS tables,
           (SELECT n FROM overpaid) AS overpayments
    FROM report r LEFT JOIN converted c USING (table_name)
) TO '${out}/report.json' (FORMAT json);
