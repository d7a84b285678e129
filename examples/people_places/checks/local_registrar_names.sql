-- Distinct (city, name, date) rows: two namesakes born the same day in the same city would be
-- one row, as in any grouped explore query.
SELECT DISTINCT pl.city, pe.first_name || ' ' || pe.last_name AS full_name, pe.date_of_birth
FROM people pe JOIN places pl ON pl.place_id = pe.birth_place_id
WHERE pl.country = 'Schweiz' AND pl.city IN ('Zürich', 'Genève')
  AND pe.date_of_birth >= DATE '1993-01-01' AND pe.date_of_birth <= DATE '1997-12-31'
ORDER BY 3, 2, 1;
