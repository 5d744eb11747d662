-- Durable grain reminders of the actor runtime: one row per grain and reminder name; times are Unix milliseconds (UTC).
CREATE TABLE reminders (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    name text NOT NULL,
    due_at integer NOT NULL,
    period_ms integer NOT NULL,
    lease_owner text NULL,
    lease_until integer NULL,
    CONSTRAINT pk_reminders_grain_type_grain_key_name PRIMARY KEY (grain_type, grain_key, name),
    CONSTRAINT ck_reminders_period_ms CHECK (period_ms > 0)
);

CREATE INDEX ix_reminders_due_at ON reminders (due_at);
