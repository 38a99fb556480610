-- Checks the output of ingestion-reference.sql against the Spark ingestion of the same snapshot
-- and against the generator's manifest. Run after it, in the same runner, with --verify:
--   --set spark_run=<warehouse>/curated/runs/<the run CURRENT names>
--   --set manifest=<snapshot folder>/_generator.json   --set out=<ingestion-reference's out>
-- Compared:
--   1. per table: read, accepted, rejected, duplicates collapsed, rejects per reason, converted
--      rows per currency, and the overpaid invoices: the reference's report.json against Spark's;
--   2. per table: accepted, duplicates collapsed and rejects per reason against the generator's
--      expectations (dirty.expected*; for a clean snapshot, every row accepted);
--   3. row by row: the accepted rows of every table (every column, fx_rate and the EUR amounts
--      included) and the rejected rows (table, reason, original row), as multisets.
-- Any difference fails the run (error()).

-- Counts as (source, table_name, item, value) rows.
CREATE TEMP MACRO report_items(tables_json) AS TABLE
    WITH t AS (SELECT unnest(from_json(tables_json, '["JSON"]')) AS j)
    SELECT j->>'table' AS table_name, item, value FROM t,
    LATERAL (
        SELECT 'read' AS item, CAST(j->>'read' AS BIGINT) AS value
        UNION ALL SELECT 'accepted', CAST(j->>'accepted' AS BIGINT)
        UNION ALL SELECT 'rejected', CAST(j->>'rejected' AS BIGINT)
        UNION ALL SELECT 'duplicates_collapsed',
            CAST(j->>'duplicatesCollapsed' AS BIGINT)
        UNION ALL SELECT 'reject:' || k, CAST((j->'rejectsByReason')->>k AS BIGINT)
        FROM (SELECT unnest(json_keys((j->'rejectsByReason'))) AS k)
        UNION ALL SELECT 'currency:' || k,
            CAST((j->'currenciesConverted')->>k AS BIGINT)
        FROM (SELECT unnest(json_keys((j->'currenciesConverted'))) AS k)
    );

CREATE TEMP TABLE reference_report AS SELECT content::JSON AS r FROM read_text('${out}/report.json');
CREATE TEMP TABLE spark_report AS SELECT content::JSON AS r FROM read_text('${spark_run}/report.json');
CREATE TEMP TABLE manifest AS SELECT content::JSON AS m FROM read_text('${manifest}');

CREATE TEMP TABLE reference_items AS
SELECT * FROM report_items((SELECT r->'tables' FROM reference_report))
UNION ALL SELECT '*', 'overpayments', CAST(r->>'overpayments' AS BIGINT) FROM reference_report;

CREATE TEMP TABLE spark_items AS
SELECT * FROM report_items((SELECT r->'tables' FROM spark_report))
UNION ALL SELECT '*', 'overpayments', CAST(r->>'overpayments' AS BIGINT) FROM spark_report;

-- The generator's expectations: with --dirty, dirty.expected*; clean, every row accepted.
CREATE TEMP TABLE manifest_items AS
WITH dirty AS (SELECT m->'dirty' AS d FROM manifest WHERE (m->'dirty') IS NOT NULL),
tables AS (SELECT unnest(json_keys(m->'rows')) AS table_name, m FROM manifest)
SELECT table_name, 'read' AS item, CAST(m->'rows'->>table_name AS BIGINT) AS value FROM tables
UNION ALL
SELECT table_name, 'accepted', CAST(m->'rows'->>table_name AS BIGINT) FROM tables
WHERE NOT EXISTS (SELECT 1 FROM dirty)
UNION ALL
SELECT table_name, 'duplicates_collapsed', 0 FROM tables WHERE NOT EXISTS (SELECT 1 FROM dirty)
UNION ALL
SELECT e->>'table', 'accepted', CAST(e->>'count' AS BIGINT)
FROM (SELECT unnest(from_json(d->'expectedAccepted', '["JSON"]')) AS e FROM dirty)
UNION ALL
SELECT e->>'table', 'duplicates_collapsed', CAST(e->>'count' AS BIGINT)
FROM (SELECT unnest(from_json(d->'expectedDuplicatesCollapsed', '["JSON"]')) AS e FROM dirty)
UNION ALL
SELECT e->>'table', 'reject:' || (e->>'reason'), CAST(e->>'count' AS BIGINT)
FROM (SELECT unnest(from_json(d->'expectedRejects', '["JSON"]')) AS e FROM dirty);

CREATE TEMP TABLE count_checks AS
SELECT 'reference vs Spark report' AS comparison, coalesce(r.table_name, s.table_name) AS table_name,
       coalesce(r.item, s.item) AS item, r.value AS reference, s.value AS other
FROM reference_items r FULL JOIN spark_items s ON r.table_name = s.table_name AND r.item = s.item
UNION ALL
-- The manifest says nothing of the overpayments, converted currencies and reasons it does not
-- plan: only its items, and the reference's reasons it lacks, are compared.
SELECT 'reference vs generator manifest', coalesce(r.table_name, m.table_name), coalesce(r.item, m.item),
       r.value, m.value
FROM (SELECT * FROM reference_items WHERE item IN ('read', 'accepted', 'duplicates_collapsed') OR item LIKE 'reject:%') r
FULL JOIN manifest_items m ON r.table_name = m.table_name AND r.item = m.item;

-- Row by row. The Spark run's accepted tables and rejects (table_name=<t> folders).
CREATE TEMP MACRO differing_rows(a, b) AS TABLE
    SELECT count(*) AS n FROM ((FROM query_table(a) EXCEPT ALL FROM query_table(b))
                               UNION ALL (FROM query_table(b) EXCEPT ALL FROM query_table(a)));

CREATE TEMP VIEW ref_entities AS FROM read_parquet('${out}/entities/*.parquet');
CREATE TEMP VIEW spark_entities AS FROM read_parquet('${spark_run}/entities/*.parquet');
CREATE TEMP VIEW ref_collectors AS FROM read_parquet('${out}/collectors/*.parquet');
CREATE TEMP VIEW spark_collectors AS FROM read_parquet('${spark_run}/collectors/*.parquet');
CREATE TEMP VIEW ref_scenarios AS FROM read_parquet('${out}/scenarios/*.parquet');
CREATE TEMP VIEW spark_scenarios AS FROM read_parquet('${spark_run}/scenarios/*.parquet');
CREATE TEMP VIEW ref_fx_rates AS FROM read_parquet('${out}/fx_rates/*.parquet');
CREATE TEMP VIEW spark_fx_rates AS FROM read_parquet('${spark_run}/fx_rates/*.parquet');
CREATE TEMP VIEW ref_debtors AS FROM read_parquet('${out}/debtors/*.parquet');
CREATE TEMP VIEW spark_debtors AS FROM read_parquet('${spark_run}/debtors/*.parquet');
CREATE TEMP VIEW ref_invoices AS FROM read_parquet('${out}/invoices/*.parquet');
CREATE TEMP VIEW spark_invoices AS FROM read_parquet('${spark_run}/invoices/*.parquet');
CREATE TEMP VIEW ref_payments AS FROM read_parquet('${out}/payments/*.parquet');
CREATE TEMP VIEW spark_payments AS FROM read_parquet('${spark_run}/payments/*.parquet');
CREATE TEMP VIEW ref_dunning_actions AS FROM read_parquet('${out}/dunning_actions/*.parquet');
CREATE TEMP VIEW spark_dunning_actions AS FROM read_parquet('${spark_run}/dunning_actions/*.parquet');
CREATE TEMP VIEW ref_payment_promises AS FROM read_parquet('${out}/payment_promises/*.parquet');
CREATE TEMP VIEW spark_payment_promises AS FROM read_parquet('${spark_run}/payment_promises/*.parquet');
CREATE TEMP VIEW ref_disputes AS FROM read_parquet('${out}/disputes/*.parquet');
CREATE TEMP VIEW spark_disputes AS FROM read_parquet('${spark_run}/disputes/*.parquet');

-- A rejected row: its table, its reason and its original row, the JSON parsed and printed again by
-- DuckDB (Spark prints a decimal such as 0.00000000 as 0E-8).
CREATE TEMP VIEW ref_rejects AS
SELECT table_name, reason, json(row_json)::VARCHAR AS original
FROM read_parquet('${out}/rejects/*/*.parquet', hive_partitioning = true);
CREATE TEMP VIEW spark_rejects AS
SELECT table_name, reason, json(row_json)::VARCHAR AS original
FROM read_parquet('${spark_run}/rejects/*/*.parquet', hive_partitioning = true);

CREATE TEMP TABLE row_checks AS
SELECT 'entities' AS table_name, n AS differing_rows FROM differing_rows('ref_entities', 'spark_entities')
UNION ALL SELECT 'collectors', n FROM differing_rows('ref_collectors', 'spark_collectors')
UNION ALL SELECT 'scenarios', n FROM differing_rows('ref_scenarios', 'spark_scenarios')
UNION ALL SELECT 'fx_rates', n FROM differing_rows('ref_fx_rates', 'spark_fx_rates')
UNION ALL SELECT 'debtors', n FROM differing_rows('ref_debtors', 'spark_debtors')
UNION ALL SELECT 'invoices', n FROM differing_rows('ref_invoices', 'spark_invoices')
UNION ALL SELECT 'payments', n FROM differing_rows('ref_payments', 'spark_payments')
UNION ALL SELECT 'dunning_actions', n FROM differing_rows('ref_dunning_actions', 'spark_dunning_actions')
UNION ALL SELECT 'payment_promises', n FROM differing_rows('ref_payment_promises', 'spark_payment_promises')
UNION ALL SELECT 'disputes', n FROM differing_rows('ref_disputes', 'spark_disputes')
UNION ALL SELECT 'rejects (table, reason, original row)', n FROM differing_rows('ref_rejects', 'spark_rejects');

SELECT comparison, table_name, item, reference, other FROM count_checks
WHERE reference IS DISTINCT FROM other ORDER BY ALL;

SELECT comparison, count(*) AS items_compared, count(*) FILTER (WHERE reference IS DISTINCT FROM other) AS differing
FROM count_checks GROUP BY comparison ORDER BY comparison;

SELECT 'rows (accepted: every column; rejects: table, reason, original row)' AS comparison,
       (SELECT count(*) FROM ref_rejects) AS rejected_rows, count(*) AS tables_compared,
       sum(differing_rows) AS differing_rows
FROM row_checks;

SELECT CASE WHEN (SELECT count(*) FROM count_checks WHERE reference IS DISTINCT FROM other) > 0
              OR (SELECT sum(differing_rows) FROM row_checks) > 0
    THEN error('ingestion reference differs from the Spark ingestion or the generator manifest')
    ELSE 'INGESTION OK: counts per table and reason equal to Spark''s report and to the manifest; accepted and rejected rows equal'
    END AS result;
