-- Checks the output of metrics-reference.sql against the tables the Spark pipeline published
-- (group cells: entity_key = '*' AND segment_key = '*' AND collector_key = '*'; per entity:
-- segment_key = '*' AND collector_key = '*'). Run after it, in the same runner, with --verify:
--   --set published=<warehouse>/db/<the file CURRENT names> --set out=<metrics-reference's out>
-- A row or a value missing on either side, an amount that differs by more than half a cent or a
-- number of days by more than 1e-6 fails the run (error()). Rows not identical to the last
-- (10th) decimal are counted apart (not_identical), with the largest differences: the published
-- remaining amounts are rounded at the 9th decimal by Spark (docs/BENCHMARKS.md).

ATTACH '${published}' AS pub (READ_ONLY);

CREATE TEMP TABLE metric_checks AS
WITH ref_dso AS (SELECT * FROM read_parquet('${out}/dso.parquet')),
pub_dso AS (
    SELECT * FROM pub.fin_dso WHERE entity_key = '*' AND segment_key = '*' AND collector_key = '*'
),
dso AS (
    SELECT r.as_of IS NULL OR p.as_of IS NULL AS missing,
           abs(r.receivables - p.receivables) > 0.005 OR abs(r.current_receivables - p.current_receivables) > 0.005
               OR abs(r.sales - p.sales) > 0.005
               OR abs(r.dso - p.dso) > 0.000001 OR (r.dso IS NULL) <> (p.dso IS NULL)
               OR abs(r.best_possible_dso - p.best_possible_dso) > 0.000001
               OR (r.best_possible_dso IS NULL) <> (p.best_possible_dso IS NULL)
               OR abs(r.average_days_delinquent - p.average_days_delinquent) > 0.000001
               OR (r.average_days_delinquent IS NULL) <> (p.average_days_delinquent IS NULL) AS differs,
           r.receivables IS DISTINCT FROM p.receivables OR r.current_receivables IS DISTINCT FROM p.current_receivables
               OR r.sales IS DISTINCT FROM p.sales OR r.dso IS DISTINCT FROM p.dso
               OR r.best_possible_dso IS DISTINCT FROM p.best_possible_dso
               OR r.average_days_delinquent IS DISTINCT FROM p.average_days_delinquent AS not_identical,
           abs(r.dso - p.dso) AS days_diff,
           greatest(abs(r.receivables - p.receivables), abs(r.current_receivables - p.current_receivables),
                    abs(r.sales - p.sales)) AS eur_diff
    FROM ref_dso r FULL JOIN pub_dso p ON r.as_of = p.as_of AND r.window_days = p.window_days
),
ref_delays AS (SELECT * FROM read_parquet('${out}/delays.parquet')),
pub_delays AS (
    SELECT * FROM pub.fin_delays
    WHERE granularity = 'month' AND entity_key = '*' AND segment_key = '*' AND collector_key = '*'
),
delays AS (
    SELECT r.period IS NULL OR p.period IS NULL AS missing,
           r.period_end <> p.period_end OR r.invoices_settled <> p.invoices_settled
               OR abs(r.amount_settled - p.amount_settled) > 0.005 OR r.invoices_paid_late <> p.invoices_paid_late
               OR r.days_late_total <> p.days_late_total OR abs(r.amount_days_late - p.amount_days_late) > 0.005
               OR abs(r.average_delay_days - p.average_delay_days) > 0.000001
               OR (r.average_delay_days IS NULL) <> (p.average_delay_days IS NULL)
               OR abs(r.average_delay_days_by_count - p.average_delay_days_by_count) > 0.000001
               OR (r.average_delay_days_by_count IS NULL) <> (p.average_delay_days_by_count IS NULL)
               OR abs(r.share_paid_late - p.share_paid_late) > 0.000001
               OR (r.share_paid_late IS NULL) <> (p.share_paid_late IS NULL)
               OR abs(r.open_overdue_eur - p.open_overdue_eur) > 0.005
               OR abs(r.open_overdue_age_days - p.open_overdue_age_days) > 0.000001
               OR (r.open_overdue_age_days IS NULL) <> (p.open_overdue_age_days IS NULL) AS differs,
           r.period_end IS DISTINCT FROM p.period_end OR r.invoices_settled IS DISTINCT FROM p.invoices_settled
               OR r.amount_settled IS DISTINCT FROM p.amount_settled
               OR r.invoices_paid_late IS DISTINCT FROM p.invoices_paid_late
               OR r.days_late_total IS DISTINCT FROM p.days_late_total
               OR r.amount_days_late IS DISTINCT FROM p.amount_days_late
               OR r.average_delay_days IS DISTINCT FROM p.average_delay_days
               OR r.average_delay_days_by_count IS DISTINCT FROM p.average_delay_days_by_count
               OR r.share_paid_late IS DISTINCT FROM p.share_paid_late
               OR r.open_overdue_eur IS DISTINCT FROM p.open_overdue_eur
               OR r.open_overdue_age_days IS DISTINCT FROM p.open_overdue_age_days AS not_identical,
           abs(r.average_delay_days - p.average_delay_days) AS days_diff,
           greatest(abs(r.amount_settled - p.amount_settled), abs(r.amount_days_late - p.amount_days_late),
                    abs(r.open_overdue_eur - p.open_overdue_eur)) AS eur_diff
    FROM ref_delays r FULL JOIN pub_delays p ON r.period = p.period
),
ref_aged AS (SELECT * FROM read_parquet('${out}/aged_balance.parquet')),
pub_aged AS (
    SELECT * FROM pub.fin_aged_balance
    WHERE as_of = (SELECT max(as_of) FROM pub.fin_aged_balance) AND segment_key = '*' AND collector_key = '*'
),
aged AS (
    SELECT r.entity_key IS NULL OR p.entity_key IS NULL AS missing,
           r.as_of <> p.as_of OR abs(r.not_due - p.not_due) > 0.005 OR abs(r.days_1_30 - p.days_1_30) > 0.005
               OR abs(r.days_31_60 - p.days_31_60) > 0.005 OR abs(r.days_61_90 - p.days_61_90) > 0.005
               OR abs(r.days_91_180 - p.days_91_180) > 0.005 OR abs(r.over_180 - p.over_180) > 0.005
               OR abs(r.total - p.total) > 0.005 OR abs(r.overdue - p.overdue) > 0.005
               OR abs(r.in_dispute - p.in_dispute) > 0.005 AS differs,
           r.as_of IS DISTINCT FROM p.as_of OR r.not_due IS DISTINCT FROM p.not_due
               OR r.days_1_30 IS DISTINCT FROM p.days_1_30 OR r.days_31_60 IS DISTINCT FROM p.days_31_60
               OR r.days_61_90 IS DISTINCT FROM p.days_61_90 OR r.days_91_180 IS DISTINCT FROM p.days_91_180
               OR r.over_180 IS DISTINCT FROM p.over_180 OR r.total IS DISTINCT FROM p.total
               OR r.overdue IS DISTINCT FROM p.overdue OR r.in_dispute IS DISTINCT FROM p.in_dispute AS not_identical,
           NULL::DECIMAL(38,10) AS days_diff,
           greatest(abs(r.not_due - p.not_due), abs(r.days_1_30 - p.days_1_30), abs(r.days_31_60 - p.days_31_60),
                    abs(r.days_61_90 - p.days_61_90), abs(r.days_91_180 - p.days_91_180),
                    abs(r.over_180 - p.over_180), abs(r.total - p.total), abs(r.overdue - p.overdue),
                    abs(r.in_dispute - p.in_dispute)) AS eur_diff
    FROM ref_aged r FULL JOIN pub_aged p ON r.entity_key = p.entity_key
)
SELECT 'fin_dso (group, windows 30..365, every as_of)' AS metric, count(*) AS compared,
       count(*) FILTER (WHERE missing) AS missing, count(*) FILTER (WHERE differs) AS differing,
       count(*) FILTER (WHERE not_identical) AS not_identical, max(days_diff) AS max_days_diff,
       max(eur_diff) AS max_eur_diff
FROM dso
UNION ALL
SELECT 'fin_delays (month, group)', count(*), count(*) FILTER (WHERE missing), count(*) FILTER (WHERE differs),
       count(*) FILTER (WHERE not_identical), max(days_diff), max(eur_diff)
FROM delays
UNION ALL
SELECT 'fin_aged_balance at T (group and per entity)', count(*), count(*) FILTER (WHERE missing),
       count(*) FILTER (WHERE differs), count(*) FILTER (WHERE not_identical), max(days_diff), max(eur_diff)
FROM aged;

SELECT * FROM metric_checks ORDER BY metric;

SELECT CASE WHEN sum(missing + differing) > 0 OR min(compared) = 0
    THEN error('metrics reference differs from the published tables: ' || string_agg(metric, ', ')
        FILTER (WHERE missing + differing > 0 OR compared = 0))
    ELSE 'METRICS OK: every compared row and value equal' END AS result
FROM metric_checks;
