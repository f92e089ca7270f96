-- Full-text search over conversation titles and the text parts of messages:
-- the PostgreSQL counterpart of the SQLite migration of the same name, read
-- by lib/db/search-postgresql.ts. Hand-written: Prisma does not model
-- tsvector columns, and `npm run db:diff` compares schema files only.
--
-- "ConversationSearch" holds one entry per message with text (every
-- branch), each with its conversation's title beside the text so that a
-- search may combine words of both, plus one entry with the title alone
-- (messageId NULL). "document" is their tsvector (title weight A, text B)
-- under the `simple` configuration: no stemming, no stop words, no
-- diacritic folding (that needs the unaccent extension). Foreign keys
-- remove the entries with their conversation or message. U+0002/U+0003 are
-- stripped from the text: ts_headline marks matches with them.

CREATE FUNCTION "parley_search_text"(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT replace(replace(value, chr(2), ''), chr(3), '') $$;

-- The text parts of a message's parts, one per line. Anything but an array
-- of parts yields '', so that a malformed row never fails its write.
CREATE FUNCTION "parley_search_body"(parts JSONB) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg("parley_search_text"(part->>'text'), E'\n'), '')
  FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(parts) = 'array' THEN parts ELSE '[]' END
  ) AS part
  WHERE jsonb_typeof(part) = 'object' AND part->>'type' = 'text'
$$;

CREATE TABLE "ConversationSearch" (
    "rowid" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "conversationId" TEXT NOT NULL
        REFERENCES "Conversation"("id") ON DELETE CASCADE,
    "messageId" TEXT UNIQUE REFERENCES "Message"("id") ON DELETE CASCADE,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('simple'::regconfig, "body"), 'B')
    ) STORED
);

CREATE INDEX "ConversationSearch_conversationId_idx"
    ON "ConversationSearch"("conversationId");
CREATE INDEX "ConversationSearch_document_idx"
    ON "ConversationSearch" USING GIN ("document");

-- The entries follow the conversations and messages.
CREATE FUNCTION "parley_search_conversation"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "ConversationSearch" ("conversationId", "title", "body")
        VALUES (NEW."id", "parley_search_text"(NEW."title"), '');
    ELSIF NEW."title" IS DISTINCT FROM OLD."title" THEN
        UPDATE "ConversationSearch"
        SET "title" = "parley_search_text"(NEW."title")
        WHERE "conversationId" = NEW."id";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Conversation_search"
AFTER INSERT OR UPDATE OF "title" ON "Conversation"
FOR EACH ROW EXECUTE FUNCTION "parley_search_conversation"();

-- A reply is inserted with no parts and filled in by one update when it
-- ends.
CREATE FUNCTION "parley_search_message"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW."parts" = '[]'::jsonb THEN
        RETURN NULL;
    END IF;
    INSERT INTO "ConversationSearch"
        ("conversationId", "messageId", "title", "body")
    SELECT NEW."conversationId", NEW."id",
        "parley_search_text"(c."title"), "parley_search_body"(NEW."parts")
    FROM "Conversation" AS c WHERE c."id" = NEW."conversationId"
    ON CONFLICT ("messageId") DO UPDATE SET "body" = excluded."body";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Message_search"
AFTER INSERT OR UPDATE OF "parts" ON "Message"
FOR EACH ROW EXECUTE FUNCTION "parley_search_message"();

-- Entries for what exists already.
INSERT INTO "ConversationSearch" ("conversationId", "title", "body")
SELECT "id", "parley_search_text"("title"), '' FROM "Conversation";

INSERT INTO "ConversationSearch"
    ("conversationId", "messageId", "title", "body")
SELECT m."conversationId", m."id", "parley_search_text"(c."title"),
    "parley_search_body"(m."parts")
FROM "Message" AS m
JOIN "Conversation" AS c ON c."id" = m."conversationId"
WHERE m."parts" <> '[]'::jsonb;
