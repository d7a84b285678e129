SELECT pl.county, pl.city, COUNT(*),
       MIN(EXTRACT(YEAR FROM pe.date_of_birth)), MAX(EXTRACT(YEAR FROM pe.date_of_birth))
FROM people pe JOIN places pl ON pl.place_id = pe.birth_place_id
WHERE pl.country = 'Polska'
GROUP BY pl.county, pl.city
ORDER BY pl.county, pl.city;
