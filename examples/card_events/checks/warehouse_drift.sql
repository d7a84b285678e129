\ir lib/card_state.sql
SELECT s.card_id, s.status, c.status, s.credit_limit, c.credit_limit,
       to_char(s.status_changed_at, 'YYYY-MM-DD HH24:MI:SS'), to_char(c.updated_at, 'YYYY-MM-DD HH24:MI:SS')
FROM check_card_state s LEFT JOIN cards c ON c.card_id = s.card_id
WHERE (c.card_id, c.status, c.credit_limit, c.user_id) IS DISTINCT FROM
      (s.card_id, s.status, s.credit_limit, s.user_id)
ORDER BY s.card_id;
