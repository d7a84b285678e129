-- A Schweiz office asking for Polska gets nothing: the access filter and the query's own
-- filter are ANDed.
SELECT pl.country, COUNT(*)
FROM people pe JOIN places pl ON pl.place_id = pe.birth_place_id
WHERE pl.country = 'Polska' AND pl.country = 'Schweiz'
GROUP BY 1;
