-- Schema for the data_checks project: no keys are declared, so uniqueness is decided by
-- probing the data (GROUP BY key HAVING count(*) > 1), and derived tables are probed.
CREATE TABLE public.accounts (id integer, name text, region text);
INSERT INTO public.accounts VALUES (1, 'Acme', 'eu'), (2, 'Globex', 'us'), (2, 'Globex (dup)', 'us'),
  (3, 'Initech', 'eu');
CREATE TABLE public.events (id integer, account_id integer, kind text, amount numeric(10,2));
INSERT INTO public.events VALUES (10, 1, 'buy', 5), (11, 1, 'buy', 7), (12, 3, 'refund', 2);
CREATE TABLE public.regions (code text, label text);
INSERT INTO public.regions VALUES ('eu', 'Europe'), ('eu', 'European Union'), ('us', 'United States');
CREATE TABLE public.owners (account_id integer, owner text);
INSERT INTO public.owners VALUES (1, 'ann'), (2, 'bob'), (3, NULL);
