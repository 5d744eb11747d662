-- Orleans ADO.NET grain storage: one row per service, state name and grain key, its version as the etag, and the queries.
CREATE TABLE orleans_grain_state (
    service_id text COLLATE "C" NOT NULL,
    -- What the provider sends as GrainTypeString is the state's name ([PersistentState("name")]), not the grain class,
    -- and the key below carries no grain type either: two grain classes with one key and one state name would share
    -- a row, so every grain's state needs a name of its own.
    state_name text COLLATE "C" NOT NULL,
    -- The grain key as the provider splits it (AdoGrainKey): two 64-bit numbers and a string part, NULL when there is none.
    n0 bigint NOT NULL,
    n1 bigint NOT NULL,
    extension text COLLATE "C",
    -- NULL once the state was cleared: the row stays so that the version, and with it the etag, keeps counting.
    payload bytea,
    version integer NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT: two first writes of a grain without a string part must still collide here.
    CONSTRAINT uq_orleans_grain_state_service_id_state_name_n0_n1_extension
        UNIQUE NULLS NOT DISTINCT (service_id, state_name, n0, n1, extension)
);

-- The provider also sends GrainIdHash and GrainTypeHash; the natural key above is indexed instead, so they go unused.
-- Writes and clears answer one row: the new version, or NULL when the etag was stale, which the provider turns into
-- an InconsistentStateException.
INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString AND n0 = @GrainIdN0 AND n1 = @GrainIdN1
  AND extension IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- @GrainStateVersion is NULL for a grain that has never been stored: then only the insert may succeed, and only once.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_grain_state SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString AND n0 = @GrainIdN0 AND n1 = @GrainIdN1
      AND extension IS NOT DISTINCT FROM @GrainIdExtensionString AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, n0, n1, extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT uq_orleans_grain_state_service_id_state_name_n0_n1_extension DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted) AS "NewGrainStateVersion"
$sql$),

('ClearStorageKey', $sql$
WITH cleared AS (
    UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString AND n0 = @GrainIdN0 AND n1 = @GrainIdN1
      AND extension IS NOT DISTINCT FROM @GrainIdExtensionString AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$sql$),

-- For DeleteStateOnClear: the row goes. The answer only has to differ from the etag (the provider then forgets it),
-- so it is the version the row would have had next.
('DeleteStorageKey', $sql$
WITH deleted AS (
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString AND n0 = @GrainIdN0 AND n1 = @GrainIdN1
      AND extension IS NOT DISTINCT FROM @GrainIdExtensionString AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$sql$);
