-- Every country of the gazetteer with the number of people born there (0 when nobody was).
-- Counted per country first, so a country with no births keeps its row.
SELECT c.country, COALESCE(b.births, 0) AS people
FROM (SELECT DISTINCT country FROM places) AS c
LEFT JOIN (SELECT pl.country, COUNT(*) AS births
           FROM people pe JOIN places pl ON pl.place_id = pe.birth_place_id
           GROUP BY pl.country) AS b ON b.country = c.country
ORDER BY c.country;
