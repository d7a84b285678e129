-- card_events: a small card-issuing warehouse fed by two event streams.
--   raw_user_events   the `users` stream: user_created events
--   raw_card_events   the `cards` stream: card_created and card_updated events
-- Both raw tables keep every event as received, malformed ones included (missing fields are
-- NULL). The nightly ETL rebuilds the current-state tables `users` and `cards` from the valid
-- events received before its watermark (etl_runs). PostgreSQL 13+; idempotent.
DROP TABLE IF EXISTS cards;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS etl_runs;
DROP TABLE IF EXISTS raw_card_events;
DROP TABLE IF EXISTS raw_user_events;

CREATE TABLE raw_user_events (
  event_id     bigint PRIMARY KEY,          -- offset in the stream
  received_at  timestamp NOT NULL,          -- when the warehouse received it
  event_type   text NOT NULL,               -- always user_created
  user_id      integer,                     -- required
  email        text,                        -- required
  full_name    text,
  partner      text,                        -- required: the bank that issues the user's cards
  occurred_at  timestamp                    -- required: when it happened in the source system
);

CREATE TABLE raw_card_events (
  event_id      bigint PRIMARY KEY,
  received_at   timestamp NOT NULL,
  event_type    text NOT NULL CHECK (event_type IN ('card_created', 'card_updated')),
  card_id       integer,                    -- required
  user_id       integer,                    -- required on card_created, absent on updates
  status        text,                       -- required: pending, active, frozen, closed
  credit_limit  numeric(10, 2),             -- required on card_created; on updates NULL = unchanged
  occurred_at   timestamp                   -- required
);

CREATE TABLE etl_runs (
  run_id     integer PRIMARY KEY,
  watermark  timestamp NOT NULL             -- events received before this were applied
);

-- Current state, as the ETL last wrote it.
CREATE TABLE users (
  user_id     integer PRIMARY KEY,
  email       text NOT NULL,
  full_name   text,
  partner     text NOT NULL,
  created_at  timestamp NOT NULL
);

CREATE TABLE cards (
  card_id       integer PRIMARY KEY,
  user_id       integer REFERENCES users (user_id),   -- NULL: its card_created was rejected
  status        text NOT NULL,
  credit_limit  numeric(10, 2),
  created_at    timestamp,
  updated_at    timestamp NOT NULL
);
