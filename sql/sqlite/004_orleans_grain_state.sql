-- Orleans grain state (IGrainStorage) for the embedded silo: one row per service, storage provider, state name and grain.
-- Clearing a state deletes its row, so a missing row is the only "no record" there is.
CREATE TABLE orleans_grain_state (
    service_id TEXT NOT NULL,
    provider_name TEXT NOT NULL,
    state_name TEXT NOT NULL,
    -- GrainId.ToString().
    grain_id TEXT NOT NULL,
    -- The state as the silo's IGrainStorageSerializer wrote it.
    payload BLOB NOT NULL,
    -- Random per write, so an ETag from before a clear never matches the row written after it.
    etag TEXT NOT NULL,
    CONSTRAINT pk_orleans_grain_state_service_id_provider_name_state_name_grain_id
        PRIMARY KEY (service_id, provider_name, state_name, grain_id)
);
