SELECT 'Yes', COUNT(*) FROM people WHERE birth_place_id IS NOT NULL
UNION ALL
SELECT 'No', COUNT(*) FROM people WHERE birth_place_id IS NULL;
