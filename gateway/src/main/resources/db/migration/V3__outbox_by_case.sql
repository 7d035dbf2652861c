-- Finishing or re-deciding a case cancels its pending outbox rows by case_id (and step). Without
-- an index each of those updates scanned the whole outbox, which grows with every case ever run:
-- in the async-submit benchmark it was the largest single cost of running cases (docs/BENCHMARKS.md).
CREATE INDEX outbox_case ON outbox (case_id, state);
