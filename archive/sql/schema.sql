-- Sourcebook Archive: the schema. Applied by the importer role (`npm run archive:import`), which
-- owns the tables; the reader role the service connects with gets SELECT only. Every statement is
-- idempotent, so applying it again (each import does) changes nothing.
--
-- Words are tokenised, folded and stemmed by Sourcebook's core (src/core/search/searchTokens.ts),
-- not by PostgreSQL: `passages.terms` holds the passage's terms as the local index sees them,
-- space-separated, and the `simple` configuration only splits them. One folding rule then serves
-- the local index, the archive and the marks in a snippet (accents folded like `unaccent` would,
-- but also the transliteration and code joining the core does: `S-400` = `S400`).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- One row per file imported (or skipped): its content hash makes re-import idempotent.
CREATE TABLE IF NOT EXISTS source_files (
  uri text PRIMARY KEY,
  content_hash text NOT NULL,
  article_count integer NOT NULL DEFAULT 0,
  skip_reason text,
  skip_detail text,
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS articles (
  id text PRIMARY KEY,
  source_uri text NOT NULL REFERENCES source_files (uri) ON DELETE CASCADE,
  position integer NOT NULL,
  format text NOT NULL,
  title text NOT NULL,
  outlet text,
  author text,
  date date,
  url text,
  language text,
  language_source text
);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source_uri, position);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (lower(outlet));
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);

CREATE TABLE IF NOT EXISTS passages (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  text text NOT NULL,
  page integer,
  start_line integer NOT NULL,
  start_character integer NOT NULL,
  end_line integer NOT NULL,
  end_character integer NOT NULL,
  terms text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, terms)) STORED
);
CREATE INDEX IF NOT EXISTS passages_tsv ON passages USING gin (tsv);
CREATE INDEX IF NOT EXISTS passages_article ON passages (article_id, ordinal);

-- Every term seen, for typo tolerance: a misspelt query word is answered by the terms nearest
-- to it by trigram similarity (`Jaishnkar` -> `jaishankar`).
CREATE TABLE IF NOT EXISTS vocabulary (
  term text PRIMARY KEY
);
CREATE INDEX IF NOT EXISTS vocabulary_trigrams ON vocabulary USING gin (term gin_trgm_ops);

-- What each article contributes to finding topics (the core's `articleEvidence`: its candidate
-- names and its lower-case word counts), worked out when the article is imported. A topic refresh
-- reads it back instead of reading every passage again, so a re-import that changes a few files
-- reads only their text for candidates. `finder` names the candidate finder that wrote it (see
-- `evidenceFinder`): evidence of another finder is worked out again. Only the importer uses it.
CREATE TABLE IF NOT EXISTS article_evidence (
  article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  finder text NOT NULL,
  evidence json NOT NULL
);

-- Topics of the archive as a whole (src/core/topics), with each one's hover card worked out by
-- the core's buildTopicCard at refresh time; `seen_spellings` are the surfaces the sources wrote
-- (a hover on one of them is an exact match).
CREATE TABLE IF NOT EXISTS topics (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  source_count integer NOT NULL,
  mention_count integer NOT NULL,
  seen_spellings text[] NOT NULL,
  card json NOT NULL,
  card_hash text NOT NULL
);

-- The keys the core's topic trie recognises a topic by (normalised names, spellings, variants,
-- aliases), with the trie's rules for a single word: the hover looks terms up here.
CREATE TABLE IF NOT EXISTS topic_keys (
  key text PRIMARY KEY,
  topic_id text NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  word_count integer NOT NULL,
  from_alias boolean NOT NULL,
  lowercase_ok boolean NOT NULL,
  caps_only boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS topic_keys_topic ON topic_keys (topic_id);
CREATE INDEX IF NOT EXISTS topic_keys_trigrams ON topic_keys USING gin (key gin_trgm_ops);

-- Which passages mention a topic: the search filter `topic=`.
CREATE TABLE IF NOT EXISTS topic_mentions (
  topic_id text NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  passage_id text NOT NULL,
  PRIMARY KEY (topic_id, passage_id)
);

-- One row: when the last import finished, counts for `/v1/status`, and the alias file topics use.
CREATE TABLE IF NOT EXISTS archive_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  updated_at timestamptz,
  article_count bigint NOT NULL DEFAULT 0,
  passage_count bigint NOT NULL DEFAULT 0,
  topic_count bigint NOT NULL DEFAULT 0,
  alias_file text
);

-- The reader role gets SELECT on these tables from the importer (see `grantReader` in
-- archive/src/archiveSchema.ts), never more.
