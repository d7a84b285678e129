\ir lib/card_state.sql
SELECT u.user_id, u.full_name, u.partner, COUNT(*),
       COUNT(*) FILTER (WHERE s.status = 'active'),
       COUNT(*) FILTER (WHERE s.status = 'frozen'),
       COUNT(*) FILTER (WHERE s.status = 'closed'),
       COALESCE(SUM(s.credit_limit), 0)
FROM check_card_state s LEFT JOIN users u ON u.user_id = s.user_id
WHERE u.partner = 'nordbank' OR u.partner IS NULL
GROUP BY 1, 2, 3
ORDER BY 1 NULLS LAST;
