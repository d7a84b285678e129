-- Rejected events per first missing field, stated per stream without the LookML's CASE.
SELECT 'cards' AS stream, event_type,
       'missing ' || (ARRAY['card_id', 'status', 'occurred_at', 'user_id', 'credit_limit'])[
         array_position(ARRAY[card_id IS NULL, status IS NULL, occurred_at IS NULL,
                              event_type = 'card_created' AND user_id IS NULL,
                              event_type = 'card_created' AND credit_limit IS NULL], true)] AS reason,
       COUNT(*)
FROM raw_card_events
WHERE card_id IS NULL OR status IS NULL OR occurred_at IS NULL
   OR (event_type = 'card_created' AND (user_id IS NULL OR credit_limit IS NULL))
GROUP BY 1, 2, 3
UNION ALL
SELECT 'users', event_type,
       'missing ' || (ARRAY['user_id', 'email', 'partner', 'occurred_at'])[
         array_position(ARRAY[user_id IS NULL, email IS NULL, partner IS NULL, occurred_at IS NULL], true)],
       COUNT(*)
FROM raw_user_events
WHERE user_id IS NULL OR email IS NULL OR partner IS NULL OR occurred_at IS NULL
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
