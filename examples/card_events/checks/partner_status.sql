\ir lib/card_state.sql
SELECT u.partner, s.status, COUNT(*)
FROM check_card_state s JOIN users u ON u.user_id = s.user_id
WHERE u.partner = 'nordbank'
GROUP BY 1, 2
ORDER BY 2;
