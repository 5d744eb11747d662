-- Indexes for the list filters over a million events: severity with category, open problems by severity.

-- severity=…&category=… pages by id like every filter (001): with both, the newest matches come
-- straight off this index instead of being picked from every event of the category (or severity).
CREATE INDEX ix_events_tenant_id_category_severity_id ON events (tenant_id, category, severity, id);

-- resolved=false&severity=…: the open problems of one severity, newest first. The stream grains' index
-- (001) starts with the stream; this one with the severity. Info events are never open problems.
CREATE INDEX ix_events_tenant_id_severity_id_unresolved ON events (tenant_id, severity, id)
    WHERE NOT resolved AND severity <> 'info';
