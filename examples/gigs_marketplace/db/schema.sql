-- gigs_marketplace: freelancers (users) list gigs; users have skills (many to many through
-- user_skills). PostgreSQL 13+; idempotent.
DROP TABLE IF EXISTS gigs;
DROP TABLE IF EXISTS user_skills;
DROP TABLE IF EXISTS skills;
DROP TABLE IF EXISTS users;

CREATE TABLE users (
  user_id       integer PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  country       char(2) NOT NULL,          -- ISO 3166-1 alpha-2
  joined_at     timestamp NOT NULL
);

CREATE TABLE skills (
  skill_id  integer PRIMARY KEY,
  name      text NOT NULL UNIQUE,
  category  text NOT NULL
);

CREATE TABLE user_skills (
  user_id           integer NOT NULL REFERENCES users (user_id),
  skill_id          integer NOT NULL REFERENCES skills (skill_id),
  years_experience  integer NOT NULL CHECK (years_experience >= 0),
  PRIMARY KEY (user_id, skill_id)
);
CREATE INDEX user_skills_skill_idx ON user_skills (skill_id);

CREATE TABLE gigs (
  gig_id     integer PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (user_id),   -- the freelancer offering the gig
  title      text NOT NULL,
  budget     numeric(10, 2),                                -- NULL: "budget on request"
  status     text NOT NULL CHECK (status IN ('open', 'in_progress', 'completed', 'cancelled')),
  posted_at  timestamp NOT NULL
);
CREATE INDEX gigs_user_idx ON gigs (user_id);
