view: customer_facts {
  derived_table: {
    sql:
      SELECT customer_id,
             COUNT(*) AS order_count,
             SUM(amount) AS lifetime_value
      FROM orders
      WHERE {% condition order_date %} created_at {% endcondition %}
      GROUP BY 1 ;;
    datagroup_trigger: nightly
    indexes: ["customer_id"]
  }
  dimension: customer_id {
    primary_key: yes
    sql: ${TABLE}.customer_id ;;
  }
}
