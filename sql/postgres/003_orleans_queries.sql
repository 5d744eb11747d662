-- The table Orleans' ADO.NET providers read their SQL from: one row per query key, filled by the provider scripts that follow.
-- The providers run SELECT QueryKey, QueryText FROM OrleansQuery unquoted, so PostgreSQL folds every name to lower case;
-- the table and its columns are named the way that fold spells them.
CREATE TABLE orleansquery (
    querykey text COLLATE "C" NOT NULL,
    querytext text NOT NULL,
    CONSTRAINT pk_orleansquery_querykey PRIMARY KEY (querykey)
);
