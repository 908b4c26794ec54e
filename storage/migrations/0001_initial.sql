-- Migration 1: the tables of DESIGN §3.
-- Money: INTEGER fen. 1688 ids: TEXT. Instants: INTEGER Unix ms, UTC, in *_at columns.
-- Calendar days: TEXT 'YYYY-MM-DD' in China time (UTC+8). Flags: INTEGER 0 or 1.
-- STRICT tables reject a value of the wrong type, e.g. a time.Time bound as text.

-- One row per 1688 key (app). The limits have no defaults here: app/keys.go owns them.
CREATE TABLE keys (
    id               INTEGER PRIMARY KEY,
    app_key          TEXT UNIQUE,        -- AppKey; NULL while the wizard has not reached 订购成功
    label            TEXT NOT NULL DEFAULT '',
    product_limit    INTEGER NOT NULL,   -- products the key may be used for (1688.md §6)
    daily_call_limit INTEGER NOT NULL,   -- 应用流量, calls per China day
    products_before  INTEGER NOT NULL DEFAULT 0, -- products used before caigou knew the key; the meter adds them
    valid_from       TEXT,               -- 生效时间 as shown on 订购成功, China day
    valid_until      TEXT,               -- its end; days left count to it
    active           INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    practice         INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1)), -- the simulator's demo key
    app_secret       TEXT,               -- only where no OS keychain exists (DESIGN §3); never exported
    created_at       INTEGER NOT NULL
) STRICT;
-- Several keys are kept, one of them active.
CREATE UNIQUE INDEX keys_one_active ON keys (active) WHERE active = 1;

-- The 1688 users authorized under a key (授权配置, up to 5) and the state of their token.
CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    key_id           INTEGER NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
    login_id         TEXT NOT NULL,      -- 用户名称 as typed under 授权配置
    member_id        TEXT NOT NULL DEFAULT '', -- b2b-…, what a message's userInfo names
    token_state      TEXT NOT NULL DEFAULT 'unchecked'
                     CHECK (token_state IN ('unchecked', 'ok', 'expired', 'rejected')),
    token_checked_at INTEGER,
    token_expires_at INTEGER,            -- NULL for the console's long-lived 已授权token
    access_token     TEXT,               -- only where no OS keychain exists; never exported
    refresh_token    TEXT,               -- likewise
    created_at       INTEGER NOT NULL,
    UNIQUE (key_id, login_id)
) STRICT;

-- Where the setup wizard stands for a key: one row per step, so it resumes where it stopped.
CREATE TABLE wizard_progress (
    key_id      INTEGER NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
    step        TEXT NOT NULL,           -- stable step id; the order of steps lives in app/wizard.go
    state       TEXT NOT NULL DEFAULT 'todo' CHECK (state IN ('todo', 'done', 'skipped')),
    inputs      TEXT NOT NULL DEFAULT '{}', -- JSON of what the user typed on the page, secrets left out
    checked_at  INTEGER,                 -- when the step's live check last passed
    check_error TEXT NOT NULL DEFAULT '', -- the kind of its last failure, shown on return
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (key_id, step)
) STRICT, WITHOUT ROWID;

-- The user's delivery addresses (addressParam of createOrder.preview and fastCreateOrder).
CREATE TABLE addresses (
    id             INTEGER PRIMARY KEY,
    label          TEXT NOT NULL DEFAULT '',
    full_name      TEXT NOT NULL,
    mobile         TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    post_code      TEXT NOT NULL DEFAULT '',
    province       TEXT NOT NULL DEFAULT '', -- provinceText
    city           TEXT NOT NULL DEFAULT '', -- cityText
    area           TEXT NOT NULL DEFAULT '', -- areaText
    town           TEXT NOT NULL DEFAULT '', -- townText
    address        TEXT NOT NULL,            -- street and house
    district_code  TEXT NOT NULL DEFAULT '',
    ali_address_id TEXT,                     -- addressId in the 1688 address book; sent instead of the fields
    is_default     INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX addresses_one_default ON addresses (is_default) WHERE is_default = 1;

-- How a 1688 status (1688.md §3.10) is shown: its rank, its Tracking bucket and the user's own
-- status. Statuses missing here go to the 'other' bucket with rank 0.
CREATE TABLE status_map (
    status     TEXT PRIMARY KEY,         -- baseInfo.status / a message's currentStatus
    rank       INTEGER NOT NULL,         -- an order's status only moves to a higher rank
    bucket     TEXT NOT NULL CHECK (bucket IN ('awaiting_payment', 'awaiting_shipment',
                   'in_transit', 'received', 'closed', 'other')),
    own_status TEXT NOT NULL             -- editable in Settings; ids translated by i18n:
                                         -- paid, ordered, received, unable_to_deliver
) STRICT, WITHOUT ROWID;

-- The default mapping of 1688.md §9. cancel and terminated rank highest: they can follow any
-- state, even success (a refund closes the trade).
INSERT INTO status_map (status, rank, bucket, own_status) VALUES
    ('waitbuyerpay',                  10, 'awaiting_payment',  'paid'),
    ('waitsellersend',                20, 'awaiting_shipment', 'ordered'),
    ('waitlogisticstakein',           30, 'in_transit',        'ordered'),
    ('waitbuyerreceive',              40, 'in_transit',        'ordered'),
    ('waitbuyersign',                 40, 'in_transit',        'ordered'),
    ('signinsuccess',                 50, 'received',          'received'),
    ('confirm_goods',                 60, 'received',          'received'),
    ('confirm_goods_and_has_subsidy', 60, 'received',          'received'),
    ('confirm_goods_but_not_fund',    60, 'received',          'received'),
    ('success',                       70, 'received',          'received'),
    ('cancel',                        90, 'closed',            'unable_to_deliver'),
    ('terminated',                    90, 'closed',            'unable_to_deliver');

-- Orders: placed through caigou, synced from 1688 (getBuyerOrderList, e.g. bought on the
-- website) or imported from CSV.
CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    ali_order_id     TEXT UNIQUE,        -- 1688 orderId (17–19 digits); NULL until 1688 has the order
    out_order_id     TEXT UNIQUE,        -- our outOrderId, stored before fastCreateOrder so a retry cannot order twice
    key_id           INTEGER REFERENCES keys (id) ON DELETE SET NULL, -- orders outlive their key
    origin           TEXT NOT NULL CHECK (origin IN ('placed', 'synced', 'csv', 'message')),
                         -- only 'placed' counts on the meter; 'message': a stub seen only in
                         -- messages, which the next sync (sync_due_at) fills in
    status           TEXT NOT NULL DEFAULT '', -- 1688 status; '' until 1688 has the order
    status_rank      INTEGER NOT NULL DEFAULT 0, -- status_map.rank, so SQL can refuse a move backwards
    bucket           TEXT NOT NULL DEFAULT 'other' CHECK (bucket IN ('awaiting_payment',
                         'awaiting_shipment', 'in_transit', 'received', 'closed', 'other')), -- status_map.bucket
    title            TEXT NOT NULL DEFAULT '', -- the first line's product name: the list row needs no join
    seller_login_id  TEXT NOT NULL DEFAULT '',
    seller_member_id TEXT NOT NULL DEFAULT '', -- sellerID, b2b-…
    buyer_login_id   TEXT NOT NULL DEFAULT '', -- the authorized account that bought
    total_fen        INTEGER NOT NULL DEFAULT 0, -- totalAmount: goods plus shipping (1688 sends yuan)
    shipping_fen     INTEGER NOT NULL DEFAULT 0, -- shippingFee
    refund_fen       INTEGER NOT NULL DEFAULT 0, -- refund
    refund_status    TEXT NOT NULL DEFAULT '',
    close_reason     TEXT NOT NULL DEFAULT '', -- buyerCancel, sellerGoodsLack, other
    address_id       INTEGER REFERENCES addresses (id) ON DELETE SET NULL, -- the address it was placed with
    seller_message   TEXT NOT NULL DEFAULT '', -- the buyer's message to the seller (fastCreateOrder message)
    note             TEXT NOT NULL DEFAULT '', -- the user's own note; never sent
    created_at       INTEGER NOT NULL,   -- 1688 createTime; before that, when the user created the order
    paid_at          INTEGER,            -- payTime
    shipped_at       INTEGER,            -- allDeliveredTime
    received_at      INTEGER,            -- receivingTime
    completed_at     INTEGER,            -- completeTime
    modified_at      INTEGER,            -- 1688 modifyTime: a sync that brings no newer one changes nothing
    synced_at        INTEGER,            -- the last get.buyerView
    sync_due_at      INTEGER,            -- when the scheduler should sync it next; NULL once messages settled it
    updated_at       INTEGER NOT NULL    -- the last local change
) STRICT;
CREATE INDEX orders_by_bucket ON orders (bucket, created_at);
CREATE INDEX orders_by_created ON orders (created_at);
CREATE INDEX orders_by_key ON orders (key_id, origin);
CREATE INDEX orders_sync_due ON orders (sync_due_at) WHERE sync_due_at IS NOT NULL;

-- The lines of an order: one offer plus SKU each. Each line placed through a key is one product
-- on the key's meter (DESIGN §1).
CREATE TABLE order_lines (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          INTEGER NOT NULL,   -- 1, 2, … within the order
    offer_id         TEXT NOT NULL,      -- offerId = productID
    spec_id          TEXT NOT NULL DEFAULT '', -- SKU specId (32 hex); '' for a single-SKU offer
    sku_id           TEXT NOT NULL DEFAULT '',
    sub_item_id      TEXT NOT NULL DEFAULT '', -- subItemIDString; logistics orderEntryIds name it
    title            TEXT NOT NULL DEFAULT '', -- name
    sku_text         TEXT NOT NULL DEFAULT '', -- skuInfos, e.g. '颜色:黑色;尺码:XL'
    image_url        TEXT NOT NULL DEFAULT '',
    quantity         REAL NOT NULL,      -- 1688 types quantities as doubles
    unit             TEXT NOT NULL DEFAULT '',
    unit_price_fen   INTEGER NOT NULL DEFAULT 0, -- price
    amount_fen       INTEGER NOT NULL DEFAULT 0, -- itemAmount: what was paid for the line
    status           TEXT NOT NULL DEFAULT '',
    logistics_status INTEGER NOT NULL DEFAULT 0, -- 1 not shipped … 8 no logistics order yet; 0 unknown
    refund_status    TEXT NOT NULL DEFAULT '',
    UNIQUE (order_id, line_no)
) STRICT;

-- The inbox of pushed messages (1688.md §5). A message is stored and applied to its order in
-- one transaction, and only then confirmed (DESIGN §4).
CREATE TABLE messages (
    msg_id       TEXT PRIMARY KEY,       -- msgId: the dedupe key, a redelivery conflicts here
    key_id       INTEGER REFERENCES keys (id) ON DELETE CASCADE, -- the key whose channel delivered it
    type         TEXT NOT NULL DEFAULT '', -- topic, e.g. ORDER_BUYER_VIEW_ORDER_PAY
    member_id    TEXT NOT NULL DEFAULT '', -- userInfo
    ali_order_id TEXT NOT NULL DEFAULT '', -- data.orderId, when the topic has one
    msg_source   TEXT NOT NULL DEFAULT '', -- REAL, or MOCK for the console's test messages
    born_at      INTEGER,                -- gmtBorn
    received_at  INTEGER NOT NULL,
    body         TEXT NOT NULL,          -- the message JSON as received, for diagnostics and re-applying
    applied_at   INTEGER,                -- NULL until applied to its order
    error        TEXT                    -- why it could not be parsed or applied; shown in diagnostics
) STRICT;
CREATE INDEX messages_by_received ON messages (received_at);
CREATE INDEX messages_unapplied ON messages (received_at) WHERE applied_at IS NULL;

-- An order's timeline: messages, syncs and the user's actions, in the order they happened.
CREATE TABLE order_events (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at       INTEGER NOT NULL,           -- gmtBorn for a message, the call for a sync, the click for the user
    kind     TEXT NOT NULL CHECK (kind IN ('message', 'sync', 'user')),
    status   TEXT NOT NULL DEFAULT '',   -- the 1688 status it reported, even one the order has passed
    msg_id   TEXT REFERENCES messages (msg_id) ON DELETE SET NULL,
    detail   TEXT NOT NULL DEFAULT ''    -- message type, API name or user action
) STRICT;
CREATE INDEX order_events_by_order ON order_events (order_id, at);
CREATE INDEX order_events_by_msg ON order_events (msg_id) WHERE msg_id IS NOT NULL;

-- Logistics orders (parcels) of an order and their trace. One parcel can carry several orders.
CREATE TABLE logistics (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    logistics_id TEXT NOT NULL,          -- logisticsId, e.g. BX…
    bill_no      TEXT NOT NULL DEFAULT '', -- logisticsBillNo / mailNo: the tracking number
    company      TEXT NOT NULL DEFAULT '', -- logisticsCompanyName
    company_code TEXT NOT NULL DEFAULT '', -- logisticsCompanyNo / cpCode
    status       TEXT NOT NULL DEFAULT '', -- WAITACCEPT … SIGN, or a trace message's statusChanged
    status_at    INTEGER,                -- when status was reported (changeTime): an older report,
                                         -- delivered late, does not overwrite a newer one
    entry_ids    TEXT NOT NULL DEFAULT '', -- orderEntryIds: the sub_item_ids it carries, comma-separated
    trace        TEXT NOT NULL DEFAULT '[]', -- JSON [{"at": ms, "remark": "…"}], oldest first
    sent_at      INTEGER,                -- gmtSystemSend
    traced_at    INTEGER,                -- the last getLogisticsTraceInfo
    updated_at   INTEGER NOT NULL,
    UNIQUE (order_id, logistics_id)
) STRICT;

-- Calls to the 1688 gateway per AppKey per China day, failed ones included: the daily budget.
-- Keyed by the AppKey, as the platform meters it, not by keys.id: the wizard checks an AppKey
-- before it has saved it, and those calls count too. A key's meter joins on keys.app_key.
CREATE TABLE api_calls (
    app_key   TEXT NOT NULL,
    china_day TEXT NOT NULL,             -- 'YYYY-MM-DD' in UTC+8
    calls     INTEGER NOT NULL DEFAULT 0,
    failed    INTEGER NOT NULL DEFAULT 0, -- of calls, those that failed
    PRIMARY KEY (app_key, china_day)
) STRICT, WITHOUT ROWID;

-- Preferences: language, window size, theme and the like.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
