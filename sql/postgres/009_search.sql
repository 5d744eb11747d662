-- q and context.<key>=<value> (TextSearch, ContextValueRule): a trigram index over the searched texts and
-- a GIN index over context. pg_trgm is a trusted contrib extension: the database's owner, or any role
-- with CREATE on it, may create it; a superuser can create it beforehand, and then this finds it there.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every string value inside a context, at any depth (keys, numbers and booleans are not searched).
CREATE FUNCTION oe_context_strings(context jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT string_agg(s.value #>> '{}', E'\x1f') FROM jsonb_path_query(context, 'strict $.** ? (@.type() == "string")') AS s(value));

-- Message, event type and context strings joined by U+001F (TextSearch.Separator), A–Z folded to a–z:
-- lower() under "C" folds only ASCII, whatever the database's locale, the rule both stores share.
CREATE FUNCTION oe_search_text(message text, event_type text, context jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower((message || E'\x1f' || event_type || coalesce(E'\x1f' || oe_context_strings(context), '')) COLLATE "C");

-- Stored, not only an expression index: a query rechecks its candidates, or walks the newest rows,
-- against this text, and recomputing it from jsonb for each row was several times slower on
-- 1 000 000 events. Adding the column rewrites the events table once.
ALTER TABLE events ADD COLUMN search_text text GENERATED ALWAYS AS (oe_search_text(message, event_type, context)) STORED;

-- LIKE '%…%' on the folded text; the planner walks ids newest first instead when a q is common.
CREATE INDEX ix_events_search_text ON events USING gin (search_text gin_trgm_ops);

-- context @> '{"key": value}' for context.<key>=<value>.
CREATE INDEX ix_events_context ON events USING gin (context jsonb_path_ops);
