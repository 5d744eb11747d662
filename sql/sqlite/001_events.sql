-- The event log: one row per stored event, the head version of each stream, and the indexes behind each query filter.

CREATE TABLE streams (
    tenant_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    -- Head version; never goes back, even when retention deletes the stream's events, so versions are never reused.
    version INTEGER NOT NULL,
    CONSTRAINT pk_streams_tenant_id_stream PRIMARY KEY (tenant_id, stream)
) WITHOUT ROWID;

-- Times are microseconds since the Unix epoch (UTC), the precision PostgreSQL keeps.
CREATE TABLE events (
    -- AUTOINCREMENT: ids are never reused after deletes, so a cursor never points at a different event.
    id INTEGER NOT NULL CONSTRAINT pk_events_id PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    version INTEGER NOT NULL,
    -- One writer at a time, so commits happen in id order; this counts batches to keep the cursor's shape.
    transaction_id INTEGER NOT NULL,
    "timestamp" INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    event_type TEXT NOT NULL,
    message TEXT NOT NULL,
    source TEXT,
    lead_id TEXT,
    session_id TEXT,
    device_id TEXT,
    account_id TEXT,
    workflow_id TEXT,
    context TEXT,
    resolved INTEGER NOT NULL DEFAULT 0,
    resolved_by TEXT,
    resolved_at INTEGER,
    resolution_note TEXT,
    CONSTRAINT uq_events_tenant_id_event_id UNIQUE (tenant_id, event_id),
    CONSTRAINT uq_events_tenant_id_stream_version UNIQUE (tenant_id, stream, version),
    CONSTRAINT ck_events_version CHECK (version >= 1),
    CONSTRAINT ck_events_severity CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    CONSTRAINT ck_events_resolved_by CHECK (resolved_by IN ('human', 'llm_agent', 'auto')),
    CONSTRAINT ck_events_context CHECK (context IS NULL OR json_type(context) = 'object')
);

CREATE INDEX ix_events_transaction_id_id ON events (transaction_id, id);

CREATE INDEX ix_events_tenant_id_id ON events (tenant_id, id);
CREATE INDEX ix_events_tenant_id_session_id_id ON events (tenant_id, session_id, id) WHERE session_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_lead_id_id ON events (tenant_id, lead_id, id) WHERE lead_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_device_id_id ON events (tenant_id, device_id, id) WHERE device_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_workflow_id_id ON events (tenant_id, workflow_id, id) WHERE workflow_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_account_id_id ON events (tenant_id, account_id, id) WHERE account_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_event_type_id ON events (tenant_id, event_type, id);
CREATE INDEX ix_events_tenant_id_severity_id ON events (tenant_id, severity, id);
CREATE INDEX ix_events_tenant_id_category_id ON events (tenant_id, category, id);
CREATE INDEX ix_events_tenant_id_timestamp ON events (tenant_id, "timestamp");
CREATE INDEX ix_events_timestamp ON events ("timestamp");

CREATE INDEX ix_events_tenant_id_stream_id_unresolved ON events (tenant_id, stream, id)
    WHERE NOT resolved AND severity <> 'info';
