-- Migration 3: what the Tracking list needs to stay fast with 100 000 orders (DESIGN §8: open
-- ≤ 100 ms, a filter or a search ≤ 30 ms).

-- Sorting by amount, over all orders or within a bucket. Like every index, each ends in the
-- rowid, which breaks ties, so pages never overlap.
CREATE INDEX orders_by_amount ON orders (total_fen);
CREATE INDEX orders_by_bucket_amount ON orders (bucket, total_fen);
-- Searching by offer id: the orders that have a line of the offer.
CREATE INDEX order_lines_by_offer ON order_lines (offer_id);

-- Searching text. LIKE '%…%' over 100 000 titles costs ~15 ms a query, and a search runs three
-- (chip counts, length, first page). FTS5's trigram tokenizer is not in this build of SQLite,
-- but FTS4 is: order_grams holds each order's searchable text (title, seller login and member
-- id, lower-cased) cut into overlapping pairs of characters, "保温杯" as "保温 温杯 杯". A search
-- for "保温杯" is then the phrase "保温 温杯": the pairs next to each other, which is where the
-- text holds it, found in the index without reading an order. Chinese needs no word breaking
-- this way. The docid is orders.id. Triggers keep it in step with orders.
CREATE TABLE gram_positions (n INTEGER PRIMARY KEY) STRICT; -- 1…512: the characters indexed
INSERT INTO gram_positions (n)
    WITH RECURSIVE positions (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM positions WHERE n < 512)
    SELECT n FROM positions;

CREATE VIRTUAL TABLE order_grams USING fts4 (grams, tokenize=simple);

INSERT INTO order_grams (docid, grams)
    SELECT o.id, (SELECT group_concat(substr(t, n, 2), ' ' ORDER BY n)
        FROM (SELECT lower(o.title || ' ' || o.seller_login_id || ' ' || o.seller_member_id) AS t)
        JOIN gram_positions ON n <= length(t))
    FROM orders o;

CREATE TRIGGER order_grams_insert AFTER INSERT ON orders BEGIN
    INSERT INTO order_grams (docid, grams)
        SELECT NEW.id, group_concat(substr(t, n, 2), ' ' ORDER BY n)
        FROM (SELECT lower(NEW.title || ' ' || NEW.seller_login_id || ' ' || NEW.seller_member_id) AS t)
        JOIN gram_positions ON n <= length(t);
END;

CREATE TRIGGER order_grams_update AFTER UPDATE OF title, seller_login_id, seller_member_id ON orders
    WHEN OLD.title IS NOT NEW.title OR OLD.seller_login_id IS NOT NEW.seller_login_id
        OR OLD.seller_member_id IS NOT NEW.seller_member_id
BEGIN
    DELETE FROM order_grams WHERE docid = OLD.id;
    INSERT INTO order_grams (docid, grams)
        SELECT NEW.id, group_concat(substr(t, n, 2), ' ' ORDER BY n)
        FROM (SELECT lower(NEW.title || ' ' || NEW.seller_login_id || ' ' || NEW.seller_member_id) AS t)
        JOIN gram_positions ON n <= length(t);
END;

CREATE TRIGGER order_grams_delete AFTER DELETE ON orders BEGIN
    DELETE FROM order_grams WHERE docid = OLD.id;
END;
