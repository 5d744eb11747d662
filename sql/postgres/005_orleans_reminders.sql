-- Orleans ADO.NET reminders: one row per grain and reminder name, its version as the etag, and the provider's queries.
CREATE TABLE orleans_reminders (
    service_id text COLLATE "C" NOT NULL,
    grain_id text COLLATE "C" NOT NULL,
    reminder_name text COLLATE "C" NOT NULL,
    -- The grain's uniform hash as a signed int (the provider casts the uint), so silos read their ring range by it.
    grain_hash integer NOT NULL,
    start_time timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_orleans_reminders_service_id_grain_id_reminder_name PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX ix_orleans_reminders_service_id_grain_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$sql$),

-- A ring range (begin, end] that does not wrap in signed order.
('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$sql$),

-- A range that wraps past the end of the signed ring, or the whole ring when begin = end.
('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$sql$),

-- Registering again replaces the schedule and moves the etag on, so a holder of the old etag can no longer delete it.
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET grain_hash = excluded.grain_hash, start_time = excluded.start_time, period_ms = excluded.period_ms,
    version = orleans_reminders.version + 1
RETURNING version AS "Version"
$sql$),

-- Returns one row: true when the reminder was there with the given etag and is now gone.
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted)
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$sql$);
