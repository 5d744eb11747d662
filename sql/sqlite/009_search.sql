-- q (TextSearch): an FTS5 trigram index of the searched texts, kept by triggers. Contentless: the
-- texts stay in events, and a candidate is checked against them there (oe_search), so only rowids
-- and trigrams are stored twice. contentless_delete needs SQLite 3.43; the bundled one is 3.50.
CREATE VIRTUAL TABLE events_search USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram');

-- Message, event type and every string value inside context (json_tree: at any depth), joined by U+001F.
CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_search (rowid, text) VALUES (new.id, new.message || char(31) || new.event_type
        || coalesce(char(31) || (SELECT group_concat(value, char(31)) FROM json_tree(new.context) WHERE type = 'text'), ''));
END;

CREATE TRIGGER events_search_update AFTER UPDATE OF message, event_type, context ON events BEGIN
    DELETE FROM events_search WHERE rowid = old.id;
    INSERT INTO events_search (rowid, text) VALUES (new.id, new.message || char(31) || new.event_type
        || coalesce(char(31) || (SELECT group_concat(value, char(31)) FROM json_tree(new.context) WHERE type = 'text'), ''));
END;

CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_search WHERE rowid = old.id;
END;

INSERT INTO events_search (rowid, text)
SELECT id, message || char(31) || event_type
    || coalesce(char(31) || (SELECT group_concat(value, char(31)) FROM json_tree(events.context) WHERE type = 'text'), '')
FROM events;
