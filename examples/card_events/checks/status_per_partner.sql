\ir lib/card_state.sql
SELECT u.partner, s.status, COUNT(*), COALESCE(SUM(s.credit_limit), 0)
FROM check_card_state s LEFT JOIN users u ON u.user_id = s.user_id
GROUP BY 1, 2
ORDER BY 1 NULLS LAST, 2;
