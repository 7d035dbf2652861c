-- Issue 15: several gateway nodes on one database. Every running node has a row here, refreshed
-- by its heartbeat (wall-clock time); a node starting under an id whose heartbeat is fresh is
-- refused, so two live nodes never lease outbox rows or number evidence under the same name.
-- A node that stops cleanly removes its row; a killed node's row goes stale and its id may be
-- taken over once the heartbeat is older than the outbox lease (by then its leases ran out too).
CREATE TABLE node_registry (
    node_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    host         VARCHAR(255)             NOT NULL,
    pid          BIGINT                   NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
