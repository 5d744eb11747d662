-- Durable grain reminders of the actor runtime: one row per grain and reminder name, leased by one silo per due tick.
CREATE TABLE reminders (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    name text NOT NULL,
    due_at timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    lease_owner text NULL,
    lease_until timestamptz NULL,
    CONSTRAINT pk_reminders_grain_type_grain_key_name PRIMARY KEY (grain_type, grain_key, name),
    CONSTRAINT ck_reminders_period_ms CHECK (period_ms > 0)
);

CREATE INDEX ix_reminders_due_at ON reminders (due_at);
