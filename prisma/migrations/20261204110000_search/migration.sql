-- Full-text search over conversation titles and the text parts of messages.
-- Hand-written: Prisma does not model FTS5, and `npm run db:diff` compares
-- schema files only, so it neither sees nor drops these tables.
--
-- "ConversationSearch" holds one entry per message with text (every
-- branch), each with its conversation's title beside the text so that a
-- search may combine words of both, plus one entry with the title alone
-- (messageId NULL) for a conversation without text. Entries are per
-- message, not per conversation, so that a write costs the size of one
-- message, however long the conversation. "ConversationSearchIndex" is an
-- external-content FTS5 index over the entries, kept in step by triggers.
-- U+0002/U+0003 are stripped from the text: snippet() marks matches with
-- them (see lib/history/snippet.ts).
--
-- A later migration that redefines "Conversation" or "Message" (Prisma's
-- copy-and-rename for SQLite) drops their triggers with the old table and
-- must create them again; lib/db/search.test.ts fails if they are missing.

CREATE TABLE "ConversationSearch" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL
);

CREATE INDEX "ConversationSearch_conversationId_idx"
    ON "ConversationSearch"("conversationId");
CREATE UNIQUE INDEX "ConversationSearch_messageId_key"
    ON "ConversationSearch"("messageId");

CREATE VIRTUAL TABLE "ConversationSearchIndex" USING fts5(
    title,
    body,
    content = 'ConversationSearch',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    -- Two- and three-letter prefixes ("th"*) would otherwise merge the
    -- doclists of every term they start: seconds on 10,000 conversations.
    prefix = '2 3'
);

-- The index follows the entries.
CREATE TRIGGER "ConversationSearch_insert"
AFTER INSERT ON "ConversationSearch"
BEGIN
    INSERT INTO "ConversationSearchIndex" (rowid, title, body)
    VALUES (NEW.rowid, NEW.title, NEW.body);
END;

CREATE TRIGGER "ConversationSearch_delete"
AFTER DELETE ON "ConversationSearch"
BEGIN
    INSERT INTO "ConversationSearchIndex"
        ("ConversationSearchIndex", rowid, title, body)
    VALUES ('delete', OLD.rowid, OLD.title, OLD.body);
END;

CREATE TRIGGER "ConversationSearch_update"
AFTER UPDATE ON "ConversationSearch"
WHEN NEW."title" IS NOT OLD."title" OR NEW."body" IS NOT OLD."body"
BEGIN
    INSERT INTO "ConversationSearchIndex"
        ("ConversationSearchIndex", rowid, title, body)
    VALUES ('delete', OLD.rowid, OLD.title, OLD.body);
    INSERT INTO "ConversationSearchIndex" (rowid, title, body)
    VALUES (NEW.rowid, NEW.title, NEW.body);
END;

-- The entries follow the conversations and messages.
CREATE TRIGGER "Conversation_search_insert"
AFTER INSERT ON "Conversation"
BEGIN
    INSERT INTO "ConversationSearch" ("conversationId", "title", "body")
    VALUES (NEW."id", replace(replace(NEW."title", char(2), ''), char(3), ''), '');
END;

CREATE TRIGGER "Conversation_search_title"
AFTER UPDATE OF "title" ON "Conversation"
WHEN NEW."title" IS NOT OLD."title"
BEGIN
    UPDATE "ConversationSearch"
    SET "title" = replace(replace(NEW."title", char(2), ''), char(3), '')
    WHERE "conversationId" = NEW."id";
END;

CREATE TRIGGER "Conversation_search_delete"
AFTER DELETE ON "Conversation"
BEGIN
    DELETE FROM "ConversationSearch" WHERE "conversationId" = OLD."id";
END;

-- A reply is inserted with no parts and filled in by one update when it
-- ends. json_valid guards against a malformed row, which must never make
-- the write itself fail.
CREATE TRIGGER "Message_search_insert"
AFTER INSERT ON "Message"
WHEN NEW."parts" <> '[]'
BEGIN
    INSERT INTO "ConversationSearch"
        ("conversationId", "messageId", "title", "body")
    SELECT NEW."conversationId", NEW."id", coalesce(
        (SELECT replace(replace(c."title", char(2), ''), char(3), '')
        FROM "Conversation" AS c WHERE c."id" = NEW."conversationId"), ''), coalesce((
        SELECT group_concat(replace(replace(
            json_extract(part.value, '$.text'), char(2), ''), char(3), ''),
            char(10))
        FROM json_each(CASE WHEN json_valid(NEW."parts")
            THEN NEW."parts" ELSE '[]' END) AS part
        WHERE json_extract(part.value, '$.type') = 'text'
    ), '');
END;

CREATE TRIGGER "Message_search_update"
AFTER UPDATE OF "parts" ON "Message"
BEGIN
    INSERT INTO "ConversationSearch"
        ("conversationId", "messageId", "title", "body")
    SELECT NEW."conversationId", NEW."id", coalesce(
        (SELECT replace(replace(c."title", char(2), ''), char(3), '')
        FROM "Conversation" AS c WHERE c."id" = NEW."conversationId"), ''), coalesce((
        SELECT group_concat(replace(replace(
            json_extract(part.value, '$.text'), char(2), ''), char(3), ''),
            char(10))
        FROM json_each(CASE WHEN json_valid(NEW."parts")
            THEN NEW."parts" ELSE '[]' END) AS part
        WHERE json_extract(part.value, '$.type') = 'text'
    ), '')
    WHERE true
    ON CONFLICT ("messageId") DO UPDATE SET "body" = excluded."body";
END;

CREATE TRIGGER "Message_search_delete"
AFTER DELETE ON "Message"
BEGIN
    DELETE FROM "ConversationSearch" WHERE "messageId" = OLD."id";
END;

-- Entries for what exists already.
INSERT INTO "ConversationSearch" ("conversationId", "title", "body")
SELECT "id", replace(replace("title", char(2), ''), char(3), ''), ''
FROM "Conversation";

INSERT INTO "ConversationSearch"
    ("conversationId", "messageId", "title", "body")
SELECT m."conversationId", m."id",
    replace(replace(c."title", char(2), ''), char(3), ''), coalesce((
    SELECT group_concat(replace(replace(
        json_extract(part.value, '$.text'), char(2), ''), char(3), ''),
        char(10))
    FROM json_each(CASE WHEN json_valid(m."parts")
        THEN m."parts" ELSE '[]' END) AS part
    WHERE json_extract(part.value, '$.type') = 'text'
), '')
FROM "Message" AS m
JOIN "Conversation" AS c ON c."id" = m."conversationId"
WHERE m."parts" <> '[]';
