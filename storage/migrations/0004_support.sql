-- Migration 4: what Settings, backups and diagnostics need (issue 8).

-- Marks the file as caigou's, so a restore can tell a caigou backup from any other SQLite file.
-- 0x63616967 is "caig". VACUUM INTO and the backup API copy it with the pages.
PRAGMA application_id = 1667328359;

-- A key the user has retired from Settings: kept with its orders and usage, never active again
-- until put back in use. NULL while the key is in use.
ALTER TABLE keys ADD COLUMN retired_at INTEGER;

-- The last failed gateway calls, for the diagnostics file (DESIGN §5: raw bodies go there, never
-- to the screen). app/ keeps the newest 200. body is the start of the answer, secrets removed.
CREATE TABLE gateway_errors (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,           -- when the call failed, Unix ms
    app_key    TEXT NOT NULL DEFAULT '',
    api        TEXT NOT NULL DEFAULT '',   -- e.g. alibaba.trade.get.buyerView
    kind       TEXT NOT NULL DEFAULT '',   -- open1688.Kind's name: auth, signature, network, …
    status     INTEGER NOT NULL DEFAULT 0, -- HTTP status; 0 when no answer came
    code       TEXT NOT NULL DEFAULT '',
    message    TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT ''
) STRICT;
