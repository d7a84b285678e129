-- Deterministic data for gigs_marketplace: skills from skills.csv (hand-written), users,
-- user_skills and gigs generated with integer arithmetic only.
-- Run from this directory:  psql -v ON_ERROR_STOP=1 -f schema.sql -f data.sql
\copy skills (skill_id, name, category) FROM 'skills.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')

-- 80 users in 8 countries.
INSERT INTO users (user_id, username, display_name, country, joined_at)
SELECT u,
       'user' || lpad(u::text, 3, '0'),
       (ARRAY['Ana Souza','Łukasz Wiśniewski','佐藤 花子','Zoë Martin','Jörg Müller','Priya Nair',
              'José Núñez','Chloé Dubois','Björn Åberg','Ayşe Yılmaz'])[1 + u % 10] || ' ' || u,
       (ARRAY['DE','PL','BR','JP','FR','US','IN','ES'])[1 + (u * 5) % 8],
       TIMESTAMP '2022-01-01 00:00:00' + ((u * 7919) % 700) * INTERVAL '1 day'
                                       + ((u * 3637) % 86400) * INTERVAL '1 second'
FROM generate_series(1, 80) AS u;

-- About three skills per user; every 13th user has listed no skill at all.
INSERT INTO user_skills (user_id, skill_id, years_experience)
SELECT u, s, 1 + (u * 7 + s * 3) % 12
FROM generate_series(1, 80) AS u, generate_series(1, 16) AS s
WHERE u % 13 <> 0
  AND (u::bigint * s * 2654435761 + u * 31 + s * 17) % 97 < 18;

-- 600 gigs. The owner comes from a multiplicative hash over users 1..79; multiples of 11
-- never post (their draws go to the next user), nor does user 80. Every 23rd gig has no budget.
INSERT INTO gigs (gig_id, user_id, title, budget, status, posted_at)
SELECT g,
       CASE WHEN h % 11 = 0 THEN h + 1 ELSE h END,
       (ARRAY['Build a sales dashboard','Clean up a CRM export','Landing page redesign',
              'Translate the help centre','Write API documentation','Set up CI for a monorepo',
              'Illustrate a children''s book','Migrate cron jobs to Kubernetes',
              'User interviews for a fintech app','Model revenue in dbt','Fix CSS on checkout',
              'Ghostwrite a newsletter'])[1 + g % 12] || ' #' || g,
       CASE WHEN g % 23 = 0 THEN NULL ELSE (5000 + (g * 7907) % 195000) / 100.0 END,
       (ARRAY['completed','completed','completed','completed','open','open',
              'in_progress','in_progress','cancelled','completed'])[1 + (g * 3) % 10],
       TIMESTAMP '2024-01-01 08:00:00' + ((g * 2953) % 366) * INTERVAL '1 day'
                                       + ((g * 7841) % 36000) * INTERVAL '1 second'
FROM (SELECT g, 1 + ((g::bigint * 2654435761) % 4294967296 / 65536) % 79 AS h
      FROM generate_series(1, 600) AS g) AS draws;

ANALYZE;
