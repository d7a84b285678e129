-- people_places: a gazetteer of birth places and a register of people born in them.
-- PostgreSQL 13+; idempotent (drops and recreates the tables in schema public).
DROP TABLE IF EXISTS people;
DROP TABLE IF EXISTS places;

CREATE TABLE places (
  place_id  integer PRIMARY KEY,
  city      text NOT NULL,
  county    text NOT NULL,     -- first-level division: voivodeship, state, canton, 都道府県, ...
  country   text NOT NULL,     -- endonym, e.g. Polska, 日本
  UNIQUE (city, county, country)  -- a city name alone is not unique (Córdoba, AR and ES)
);

CREATE TABLE people (
  person_id       integer PRIMARY KEY,
  first_name      text NOT NULL,
  last_name       text NOT NULL,
  date_of_birth   date NOT NULL,
  birth_place_id  integer REFERENCES places (place_id)   -- NULL: place of birth unknown
);
CREATE INDEX people_birth_place_idx ON people (birth_place_id);
