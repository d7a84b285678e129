-- Schema for the validate_checks project (`lkml validate sql`).
CREATE TABLE public.customers (id integer PRIMARY KEY, name text, country text);
CREATE TABLE public.orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES public.customers (id),
  status text,
  amount numeric(10,2),
  created_at timestamp
);
INSERT INTO public.customers VALUES (1, 'Ada', 'UK');
INSERT INTO public.orders VALUES (1, 1, 'complete', 10, '2024-05-01 10:00');
