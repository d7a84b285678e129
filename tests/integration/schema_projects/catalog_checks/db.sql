-- Schema for the catalog_checks project: every problem in its LookML is decidable from the
-- catalog alone, so `lkml lint --db` and `lkml lint --schema SNAPSHOT` report the same.
CREATE SCHEMA sales;
CREATE TABLE sales.customers (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text UNIQUE,
  signup_date date,
  external_id uuid,
  is_vip integer
);
CREATE TABLE sales.products (id integer PRIMARY KEY, sku text UNIQUE, title text);
CREATE TABLE sales.orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES sales.customers (id),
  status text,
  amount numeric(10,2),
  created_epoch bigint
);
CREATE TABLE sales.order_items (
  id integer PRIMARY KEY,
  order_id integer REFERENCES sales.orders (id),
  product_id integer REFERENCES sales.products (id),
  quantity integer,
  price text
);
CREATE TABLE sales.refunds (id integer PRIMARY KEY, order_id integer, amount numeric);
INSERT INTO sales.customers VALUES (1, 'Ada', 'ada@example.com', '2024-01-02', NULL, 1);
INSERT INTO sales.products VALUES (1, 'A-1', 'Widget');
INSERT INTO sales.orders VALUES (1, 1, 'complete', 10.50, 1700000000);
INSERT INTO sales.order_items VALUES (1, 1, 1, 2, '5.25');
