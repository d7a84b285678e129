WITH customer_facts AS (SELECT
    *,
    lifetime_value / NULLIF(order_count, 0) AS value_per_order
FROM (
SELECT
    orders.customer_id AS customer_id,
    COUNT(*) AS order_count,
    COALESCE(SUM(orders.amount), 0) AS lifetime_value
FROM public.orders AS orders
WHERE ((orders.status <> 'cancelled' OR orders.status IS NULL))
GROUP BY 1
ORDER BY 3 DESC
LIMIT 100
) AS customer_facts_source)
SELECT
    customers.region AS "customers.region",
    COALESCE(SUM(customer_facts.lifetime_value), 0) AS "customer_facts.total_value"
FROM public.customers AS customers
LEFT JOIN customer_facts ON customers.id = customer_facts.customer_id
GROUP BY 1
ORDER BY 2 DESC
