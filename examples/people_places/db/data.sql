-- Loads places from places.csv (hand-written) and generates 10,000 people deterministically
-- with integer arithmetic only (same rows on every PostgreSQL version and platform).
-- Run from this directory:  psql -v ON_ERROR_STOP=1 -f schema.sql -f data.sql
\copy places (place_id, city, county, country) FROM 'places.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')

-- Birth places are weighted: place p gets weight 1 + (p * 37) % 11 (1..11). Places in Ísland
-- get weight 0, so nobody in the register was born there. Person g draws the number
-- ((g * 1103515245 + 12345) mod 2^31) / 1024 mod total_weight (one step of the classic LCG)
-- and takes the place whose cumulative range [lo, hi) contains it.
-- Dates of birth come from a second, independent hash (Knuth's multiplicative hash of g):
-- 1930-01-01 plus 0..26999 days. Every 211th person has an unknown place of birth (NULL).
WITH weights AS (
  SELECT place_id, CASE WHEN country = 'Ísland' THEN 0 ELSE 1 + (place_id * 37) % 11 END AS weight
  FROM places
), ranges AS (
  SELECT place_id,
         SUM(weight) OVER (ORDER BY place_id) - weight AS lo,
         SUM(weight) OVER (ORDER BY place_id) AS hi
  FROM weights
), total AS (
  SELECT SUM(weight) AS w FROM weights
), names AS (
  SELECT ARRAY['Anna','Łukasz','José','Zoë','Søren','Björn','François','Ümit','Ærin','Chloé',
               'Mateusz','João','Jürg','Иван','Ольга','さくら','健太','Γιώργος','Ελένη','민준',
               'Seo-yeon','Ana','Lucía','Pedro','Zofia','Małgorzata','Noël','Renée','Øystein','Agnès',
               'Mehmet','Ayşe','Jiří','Kateřina','Dmitri','Yuki','Wei','芳','Maria','Erik'] AS first_names,
         ARRAY['Nowak','Kowalski','Wiśniewska','Silva','Santos','Müller','Meier','Schäfer','Dubois','Lefèvre',
               'García','Fernández','Núñez','Иванов','Смирнова','佐藤','鈴木','高橋','Παπαδόπουλος','김',
               'Yılmaz','Öztürk','Novák','Dvořák','Jensen','Sørensen','Andersson','Åberg','Straße','O''Connor',
               'D''Amico','Da Costa','Van der Berg','王','李','Łęcki','Gómez','Bianchi','Rossi','Hernández'] AS last_names
)
INSERT INTO people (person_id, first_name, last_name, date_of_birth, birth_place_id)
SELECT g,
       n.first_names[1 + (g * 31 + g / 7) % 40],
       n.last_names[1 + (g * 17 + g / 11) % 40],
       DATE '1930-01-01' + ((g::bigint * 2654435761 + 97) % 4294967296 / 65536 % 27000)::integer,
       CASE WHEN g % 211 = 0 THEN NULL
            ELSE (SELECT r.place_id FROM ranges r
                  WHERE (g::bigint * 1103515245 + 12345) % 2147483648 / 1024 % t.w >= r.lo
                    AND (g::bigint * 1103515245 + 12345) % 2147483648 / 1024 % t.w < r.hi)
       END
FROM generate_series(1, 10000) AS g, names n, total t;

ANALYZE places;
ANALYZE people;
