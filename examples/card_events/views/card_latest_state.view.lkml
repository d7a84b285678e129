# Each card's state recomputed from the valid events of the cards stream, whatever the ETL did:
#   status        from the latest event by occurred_at (not by arrival: events can arrive late)
#   credit_limit  from the latest event that carries one (updates may leave it unchanged)
#   user_id       from the card_created event; empty when that event was rejected
# `status_by_arrival` keeps what a naive "last event received wins" consumer would show.

view: card_latest_state {
  derived_table: {
    sql:
      WITH valid AS (
        SELECT * FROM ${all_events.SQL_TABLE_NAME} AS e
        WHERE e.stream = 'cards' AND e.rejection_reason IS NULL
      ), latest AS (
        SELECT DISTINCT ON (card_id) card_id, status, occurred_at
        FROM valid ORDER BY card_id, occurred_at DESC, event_id DESC
      ), latest_limit AS (
        SELECT DISTINCT ON (card_id) card_id, credit_limit
        FROM valid WHERE credit_limit IS NOT NULL
        ORDER BY card_id, occurred_at DESC, event_id DESC
      ), created AS (
        SELECT DISTINCT ON (card_id) card_id, user_id, occurred_at
        FROM valid WHERE event_type = 'card_created'
        ORDER BY card_id, occurred_at, event_id
      ), by_arrival AS (
        SELECT DISTINCT ON (card_id) card_id, status
        FROM valid ORDER BY card_id, received_at DESC, event_id DESC
      ), counts AS (
        SELECT card_id, COUNT(*) AS events, MAX(received_at) AS last_received_at
        FROM valid GROUP BY card_id
      )
      SELECT l.card_id, c.user_id, l.status, ll.credit_limit,
             c.occurred_at AS created_at, l.occurred_at AS status_changed_at,
             n.events, n.last_received_at, a.status AS status_by_arrival
      FROM latest AS l
      LEFT JOIN created AS c ON c.card_id = l.card_id
      LEFT JOIN latest_limit AS ll ON ll.card_id = l.card_id
      JOIN counts AS n ON n.card_id = l.card_id
      JOIN by_arrival AS a ON a.card_id = l.card_id ;;
  }
  label: "Cards (from events)"

  dimension: card_id {
    primary_key: yes
    type: number
    label: "Card ID"
    description: "Card."
    sql: ${TABLE}.card_id ;;
  }

  dimension: user_id {
    type: number
    label: "Owner ID"
    description: "Owner, from the card_created event; empty when that event was rejected."
    sql: ${TABLE}.user_id ;;
  }

  dimension: status {
    type: string
    description: "Latest status: pending, active, frozen or closed."
    sql: ${TABLE}.status ;;
  }

  dimension: credit_limit {
    type: number
    description: "Latest credit limit."
    value_format_name: eur
    required_access_grants: [risk]
    sql: ${TABLE}.credit_limit ;;
  }

  dimension: status_by_arrival {
    type: string
    description: "Status of the last valid event received (what a consumer that trusts arrival order would show)."
    sql: ${TABLE}.status_by_arrival ;;
  }

  dimension: arrived_out_of_order {
    type: yesno
    description: "Yes when the last event received is not the latest one that happened."
    sql: ${TABLE}.status_by_arrival IS DISTINCT FROM ${TABLE}.status ;;
  }

  dimension: event_count {
    type: number
    description: "Valid events of the card."
    sql: ${TABLE}.events ;;
  }

  dimension_group: status_changed {
    type: time
    description: "When the latest status took effect."
    timeframes: [raw, time, date]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.status_changed_at ;;
  }

  dimension: is_in_warehouse_state {
    type: yesno
    label: "Matches Warehouse State"
    description: "Yes when the ETL's `cards` row has the same owner, status and credit limit."
    sql: ${warehouse_card.card_id} IS NOT NULL
         AND ${warehouse_card.status} IS NOT DISTINCT FROM ${status}
         AND ${warehouse_card.credit_limit} IS NOT DISTINCT FROM ${credit_limit}
         AND ${warehouse_card.user_id} IS NOT DISTINCT FROM ${user_id} ;;
  }

  measure: count {
    type: count
    label: "Number of Cards"
    description: "Cards."
    drill_fields: [card_id, status, user_id]
  }

  measure: active_count {
    type: count
    label: "Active Cards"
    description: "Cards whose latest status is active."
    filters: [status: "active"]
  }

  measure: frozen_count {
    type: count
    label: "Frozen Cards"
    description: "Cards whose latest status is frozen."
    filters: [status: "frozen"]
  }

  measure: closed_count {
    type: count
    label: "Closed Cards"
    description: "Cards whose latest status is closed."
    filters: [status: "closed"]
  }

  measure: total_credit_limit {
    type: sum
    description: "Sum of the latest credit limits."
    value_format_name: eur
    required_access_grants: [risk]
    sql: ${credit_limit} ;;
  }
}
