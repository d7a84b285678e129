-- Schema for the root_causes project: findings that follow from another finding.
CREATE TABLE public.customers (id integer PRIMARY KEY, name text);
CREATE TABLE public.orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES public.customers (id),
  status text,
  amount numeric(10,2)
);
INSERT INTO public.customers VALUES (1, 'Ada');
INSERT INTO public.orders VALUES (1, 1, 'complete', 10);
