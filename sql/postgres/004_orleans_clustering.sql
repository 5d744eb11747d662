-- Orleans ADO.NET clustering: the membership table (one version row per cluster, one row per silo) and its queries.
-- Query texts bind the provider's parameters by name (@DeploymentId is the cluster id) and alias each column to the
-- name the provider reads back.

-- The table version is the membership table's etag: every insert or update of a silo row must name the version it read,
-- and bumps it in the same statement, so of two silos writing from one snapshot only the first succeeds.
CREATE TABLE orleans_membership_version (
    deployment_id text COLLATE "C" NOT NULL,
    version integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleans_membership_version_deployment_id PRIMARY KEY (deployment_id)
);

CREATE TABLE orleans_membership (
    deployment_id text COLLATE "C" NOT NULL,
    address text COLLATE "C" NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    -- Orleans.Runtime.SiloStatus: 3 Active, 6 Dead.
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    -- Votes of other silos, as the provider formats them: "silo,time|silo,time".
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT pk_orleans_membership_deployment_id_address_port_generation PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT fk_orleans_membership_deployment_id FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

INSERT INTO orleansquery (querykey, querytext) VALUES
-- Returns one row: true when this call created the cluster's version row, false when it was there already.
('InsertMembershipVersionKey', $sql$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id, version) VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
$sql$),

-- Every membership read starts from the version row, so an empty cluster still answers its version.
('MembershipReadAllKey', $sql$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$sql$),

('MembershipReadRowKey', $sql$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$sql$),

-- @Version is the version the caller read. The version row is updated first: its row lock makes a second writer
-- with the same snapshot wait, then find the version moved on and change nothing.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version SET version = version + 1
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership
          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                    start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
$sql$),

('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version SET version = version + 1
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership
          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated)
$sql$),

-- The heartbeat is not a membership change: it leaves the version alone, as the provider expects.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$sql$),

-- What clients connect to: active silos that run a gateway.
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$sql$),

-- The version row goes, and its silo rows with it (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$sql$),

-- Used only when CleanupDefunctSiloEntryKey is missing: dead silos whose last heartbeat precedes the cutoff.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$sql$),

-- The provider picks the dead rows itself and sends back the values it read; a row that changed since
-- (a later heartbeat or suspicion) no longer matches and stays. An empty vote list may come back as NULL.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$sql$);
