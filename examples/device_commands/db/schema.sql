-- device_commands: smart-home telemetry. Every message from the app or a device lands in one
-- raw table; `item_data` is the JSON payload. Delivery is at-least-once, so rows repeat.
-- PostgreSQL 13+; idempotent.
DROP TABLE IF EXISTS telemetry;
DROP TABLE IF EXISTS devices;
DROP TABLE IF EXISTS users;

CREATE TABLE users (
  user_id  integer PRIMARY KEY,
  name     text NOT NULL
);

CREATE TABLE devices (
  device_id  text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (user_id),
  kind       text NOT NULL CHECK (kind IN ('lock', 'humidifier')),
  name       text NOT NULL
);

CREATE TABLE telemetry (
  id            bigint PRIMARY KEY,        -- ingestion order
  device_id     text NOT NULL,
  item_key      text NOT NULL,             -- Command, CommandResult, Lock, Humidity
  item_data     jsonb NOT NULL,
  date_created  timestamp NOT NULL         -- event time reported by the sender
);
CREATE INDEX telemetry_device_time_idx ON telemetry (device_id, date_created);
CREATE INDEX telemetry_item_key_idx ON telemetry (item_key);
