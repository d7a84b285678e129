SELECT pl.country, date_part('decade', pe.date_of_birth) * 10 AS decade, COUNT(*),
       AVG(date_part('year', pe.date_of_birth))
FROM people pe JOIN places pl ON pl.place_id = pe.birth_place_id
WHERE pl.country IN ('日本', 'Schweiz', 'Россия') AND pe.date_of_birth >= DATE '1960-01-01'
GROUP BY 1, 2

ORDER BY 1, 2;
