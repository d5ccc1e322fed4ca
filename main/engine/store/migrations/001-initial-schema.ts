import type { SqlRunner } from '../sql.js';

/**
 * The first schema. Plain SQL both SQLite and PostgreSQL accept where easy (TEXT times in ISO UTC,
 * INTEGER ids). Times always come in as parameters, never from the database clock, so replaying
 * the journal reproduces the same state.
 */
export const initialSchema = {
  version: 1,
  name: 'initial schema',
  up(db: SqlRunner): void {
    const statements = [
      `CREATE TABLE account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mode TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE merchants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        folders_json TEXT,
        error_contacts_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE cart_connections (
        id INTEGER PRIMARY KEY,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id),
        platform TEXT NOT NULL,
        name TEXT NOT NULL,
        order_source TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        credentials_sealed TEXT,
        earliest_order_date TEXT NOT NULL,
        reject_unmapped INTEGER NOT NULL DEFAULT 0,
        min_inventory_level INTEGER NOT NULL DEFAULT 0,
        sync_cursor TEXT,
        auth_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE wms (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        kind TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        secrets_sealed TEXT,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE schedules (
        service TEXT NOT NULL,
        target_id INTEGER NOT NULL,
        minutes INTEGER,
        paused INTEGER NOT NULL DEFAULT 0,
        pause_reason TEXT,
        last_run_at TEXT,
        PRIMARY KEY (service, target_id)
      )`,
      `CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        cart_id INTEGER NOT NULL,
        merchant_id INTEGER NOT NULL,
        cart_order_id TEXT NOT NULL,
        order_number TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT,
        ship_code TEXT NOT NULL,
        mapped_ship_code TEXT,
        cart_updated_at TEXT NOT NULL,
        order_date TEXT NOT NULL,
        data_json TEXT NOT NULL,
        changed_after_delivery INTEGER NOT NULL DEFAULT 0,
        failed_sends INTEGER NOT NULL DEFAULT 0,
        batch_id TEXT,
        at_wms_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (cart_id, cart_order_id)
      )`,
      `CREATE INDEX orders_by_merchant_status ON orders (merchant_id, status)`,
      `CREATE INDEX orders_by_number ON orders (merchant_id, order_number)`,
      `CREATE INDEX orders_by_cart_status ON orders (cart_id, status)`,
      `CREATE TABLE order_history (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        note TEXT
      )`,
      `CREATE INDEX order_history_by_order ON order_history (order_id)`,
      `CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        merchant_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        file_name TEXT,
        order_count INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      )`,
      `CREATE INDEX batches_by_merchant_status ON batches (merchant_id, status)`,
      `CREATE TABLE batch_orders (
        batch_id TEXT NOT NULL,
        order_id INTEGER NOT NULL,
        PRIMARY KEY (batch_id, order_id)
      )`,
      `CREATE TABLE shipments (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL,
        cart_id INTEGER NOT NULL,
        tracking_number TEXT NOT NULL,
        carrier TEXT NOT NULL,
        service TEXT,
        tracking_url TEXT,
        ship_date TEXT NOT NULL,
        items_json TEXT NOT NULL,
        cost TEXT,
        weight TEXT,
        source_file TEXT,
        status TEXT NOT NULL,
        error TEXT,
        remote_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        uploaded_at TEXT,
        UNIQUE (order_id, tracking_number)
      )`,
      `CREATE INDEX shipments_by_cart_status ON shipments (cart_id, status)`,
      `CREATE TABLE ship_methods (
        code TEXT PRIMARY KEY,
        description TEXT NOT NULL,
        carrier TEXT NOT NULL
      )`,
      `CREATE TABLE ship_code_map (
        cart_id INTEGER NOT NULL,
        cart_code TEXT NOT NULL,
        wms_code TEXT,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (cart_id, cart_code)
      )`,
      `CREATE TABLE inventory (
        merchant_id INTEGER NOT NULL,
        sku TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        location TEXT,
        snapshot_at TEXT NOT NULL,
        source_file TEXT,
        PRIMARY KEY (merchant_id, sku)
      )`,
      `CREATE TABLE inventory_pushed (
        cart_id INTEGER NOT NULL,
        sku TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        pushed_at TEXT NOT NULL,
        PRIMARY KEY (cart_id, sku)
      )`,
      `CREATE TABLE inbound_files (
        id INTEGER PRIMARY KEY,
        merchant_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        processed_at TEXT NOT NULL,
        rows_applied INTEGER NOT NULL,
        row_errors_json TEXT NOT NULL
      )`,
      `CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        target_id INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        counts_json TEXT NOT NULL DEFAULT '{}',
        errors_json TEXT NOT NULL DEFAULT '[]',
        message TEXT,
        progress REAL
      )`,
      `CREATE INDEX runs_by_job ON runs (service, target_id, id)`,
      `CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        alert_key TEXT NOT NULL UNIQUE,
        severity TEXT NOT NULL,
        target_type TEXT,
        target_id INTEGER,
        message TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        cleared_at TEXT
      )`,
    ];
    for (const sql of statements) db.run(sql);
  },
};
