-- Orleans' reminder table (IReminderTable) for the embedded silo: one row per service, grain and reminder name.
CREATE TABLE orleans_reminders (
    service_id TEXT NOT NULL,
    -- GrainId.ToString(), read back with GrainId.Parse.
    grain_id TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    -- GrainId.GetUniformHashCode(), 0 to 2^32 - 1: the ring position the reminder service's range reads select on.
    grain_hash INTEGER NOT NULL,
    -- .NET ticks (100 ns), UTC: StartAt and Period come back exactly as registered.
    start_at_ticks INTEGER NOT NULL,
    period_ticks INTEGER NOT NULL,
    -- Random per write, so the ETag of a removed reminder never matches the one registered after it.
    etag TEXT NOT NULL,
    CONSTRAINT pk_orleans_reminders_service_id_grain_id_reminder_name PRIMARY KEY (service_id, grain_id, reminder_name),
    CONSTRAINT ck_orleans_reminders_grain_hash CHECK (grain_hash BETWEEN 0 AND 4294967295)
) WITHOUT ROWID;

CREATE INDEX ix_orleans_reminders_service_id_grain_hash ON orleans_reminders (service_id, grain_hash);
