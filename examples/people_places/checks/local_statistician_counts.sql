-- The user's country attribute is Россия: only cities of Россия, even without a filter.
SELECT pl.country, pl.city, COUNT(*)
FROM people pe JOIN places pl ON pl.place_id = pe.birth_place_id
WHERE pl.country = 'Россия'
GROUP BY 1, 2
ORDER BY 2;
