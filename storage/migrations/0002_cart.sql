-- The cart: the lines the user is putting together before placing them, kept across restarts
-- (and carried over to the next key, issue 7) until they are placed. A line is one offer plus
-- SKU; adding the same again raises its quantity.
CREATE TABLE cart_lines (
    id               INTEGER PRIMARY KEY,
    offer_id         TEXT NOT NULL,
    spec_id          TEXT NOT NULL DEFAULT '', -- '' for a single-SKU offer
    sku_text         TEXT NOT NULL DEFAULT '', -- the SKU's attributes as shown, e.g. '颜色:红色'
    title            TEXT NOT NULL DEFAULT '',
    image_url        TEXT NOT NULL DEFAULT '',
    seller_member_id TEXT NOT NULL DEFAULT '',
    seller_login_id  TEXT NOT NULL DEFAULT '',
    unit_price_fen   INTEGER NOT NULL DEFAULT 0,
    min_quantity     INTEGER NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
    quantity         INTEGER NOT NULL CHECK (quantity >= 1),
    note             TEXT NOT NULL DEFAULT '', -- the user's own note, e.g. from a CSV row; never sent
    added_at         INTEGER NOT NULL,
    UNIQUE (offer_id, spec_id)
) STRICT;
