-- The report worker reads pending reports in cursor order and takes the first few
-- (ReportLeases.DUE: state = PENDING … ORDER BY feed_seq FETCH FIRST n). Without this index each
-- poll sorted every pending report; with a backlog of tens of thousands (the monitoring system
-- slower than the cases, or down) that was 12 ms of database time per poll, measured with
-- pg_stat_statements in ./shlyuz bench --scenario cluster-pg. Now it reads the index in order and
-- stops after n rows.
CREATE INDEX monitoring_report_pending_order ON monitoring_report (state, feed_seq);
