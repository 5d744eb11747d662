-- Indexes for the list filters over a million events: severity with category (the rest of PostgreSQL's 010 is answered here already).

-- severity=…&category=… pages by id like every filter (001): with both, the newest matches come
-- straight off this index instead of being picked from every event of the category (or severity).
-- SQLite cannot use a partial index for open problems with resolved = ? bound at run time, and its
-- FTS5 trigram index (009) already sees punctuation.
CREATE INDEX ix_events_tenant_id_category_severity_id ON events (tenant_id, category, severity, id);
