-- q's FTS5 index (009) is filled in batches, off the append path (SqliteSearchIndexer): a trigger per
-- insert made every commit write and merge a segment of the index, which cost more than the rest of
-- the row's insert. Rows above indexed_through are not in the index yet; a search checks them row by row.
CREATE TABLE search_backlog (
    id INTEGER NOT NULL CONSTRAINT pk_search_backlog PRIMARY KEY CONSTRAINT ck_search_backlog_one_row CHECK (id = 1),
    indexed_through INTEGER NOT NULL
);

INSERT INTO search_backlog (id, indexed_through) SELECT 1, coalesce(max(id), 0) FROM events;

-- What q's index holds of a row: message, event type and every string value inside context, as 009 indexed them.
CREATE VIEW events_search_texts AS
SELECT id, message || char(31) || event_type
    || coalesce(char(31) || (SELECT group_concat(value, char(31)) FROM json_tree(events.context) WHERE type = 'text'), '') AS text
FROM events;

DROP TRIGGER events_search_insert;
DROP TRIGGER events_search_update;
DROP TRIGGER events_search_delete;

-- Edits and deletes keep the rows already in the index true; the others are indexed as they are by then.
CREATE TRIGGER events_search_update AFTER UPDATE OF message, event_type, context ON events
WHEN old.id <= (SELECT indexed_through FROM search_backlog) BEGIN
    DELETE FROM events_search WHERE rowid = old.id;
    INSERT INTO events_search (rowid, text) SELECT id, text FROM events_search_texts WHERE id = new.id;
END;

CREATE TRIGGER events_search_delete AFTER DELETE ON events
WHEN old.id <= (SELECT indexed_through FROM search_backlog) BEGIN
    DELETE FROM events_search WHERE rowid = old.id;
END;
