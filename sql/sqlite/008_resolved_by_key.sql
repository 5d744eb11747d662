-- Who resolved an event: the name of the API key (never the key), beside the kind of resolver in resolved_by.
ALTER TABLE events ADD COLUMN resolved_by_key TEXT;

CREATE INDEX ix_events_tenant_id_resolved_by_key_id ON events (tenant_id, resolved_by_key, id)
    WHERE resolved_by_key IS NOT NULL;
