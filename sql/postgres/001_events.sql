-- The event log: one row per stored event, the head version of each stream, and the indexes behind each query filter.

CREATE TABLE streams (
    tenant_id text COLLATE "C" NOT NULL,
    stream text COLLATE "C" NOT NULL,
    -- Head version; never goes back, even when retention deletes the stream's events, so versions are never reused.
    version bigint NOT NULL,
    CONSTRAINT pk_streams_tenant_id_stream PRIMARY KEY (tenant_id, stream)
);

CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    stream text COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    -- The writing transaction: readers of the log stay below the oldest running transaction, so an
    -- event that commits late (with a lower id) can never be stepped over (DESIGN.md §6).
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "timestamp" timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    category text COLLATE "C" NOT NULL,
    severity text COLLATE "C" NOT NULL,
    -- C collation: byte order, so an event type prefix is an index range scan.
    event_type text COLLATE "C" NOT NULL,
    message text NOT NULL,
    source text,
    lead_id text COLLATE "C",
    session_id text COLLATE "C",
    device_id text COLLATE "C",
    account_id text COLLATE "C",
    workflow_id text COLLATE "C",
    context jsonb,
    resolved boolean NOT NULL DEFAULT false,
    resolved_by text,
    resolved_at timestamptz,
    resolution_note text,
    CONSTRAINT pk_events_id PRIMARY KEY (id),
    CONSTRAINT uq_events_tenant_id_event_id UNIQUE (tenant_id, event_id),
    CONSTRAINT uq_events_tenant_id_stream_version UNIQUE (tenant_id, stream, version),
    CONSTRAINT ck_events_version CHECK (version >= 1),
    CONSTRAINT ck_events_severity CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    CONSTRAINT ck_events_resolved_by CHECK (resolved_by IN ('human', 'llm_agent', 'auto')),
    CONSTRAINT ck_events_context CHECK (context IS NULL OR jsonb_typeof(context) = 'object')
);

-- The gap-free log reader walks (transaction_id, id).
CREATE INDEX ix_events_transaction_id_id ON events (transaction_id, id);

-- Queries page by id (keyset), so each filter's index ends in id: the newest matches come straight off the index.
CREATE INDEX ix_events_tenant_id_id ON events (tenant_id, id);
CREATE INDEX ix_events_tenant_id_session_id_id ON events (tenant_id, session_id, id) WHERE session_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_lead_id_id ON events (tenant_id, lead_id, id) WHERE lead_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_device_id_id ON events (tenant_id, device_id, id) WHERE device_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_workflow_id_id ON events (tenant_id, workflow_id, id) WHERE workflow_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_account_id_id ON events (tenant_id, account_id, id) WHERE account_id IS NOT NULL;
CREATE INDEX ix_events_tenant_id_event_type_id ON events (tenant_id, event_type, id);
CREATE INDEX ix_events_tenant_id_severity_id ON events (tenant_id, severity, id);
CREATE INDEX ix_events_tenant_id_category_id ON events (tenant_id, category, id);

-- Time ranges (since/until) and retention, which works across tenants.
CREATE INDEX ix_events_tenant_id_timestamp ON events (tenant_id, "timestamp");
CREATE INDEX ix_events_timestamp ON events ("timestamp");

-- Open problems: what a stream grain loads on activation and what /unresolved lists.
CREATE INDEX ix_events_tenant_id_stream_id_unresolved ON events (tenant_id, stream, id)
    WHERE NOT resolved AND severity <> 'info';
