view: multi_statement {
  derived_table: {
    sql_create:
      CREATE TABLE ${SQL_TABLE_NAME} AS SELECT 1 AS x;
      INSERT INTO ${SQL_TABLE_NAME} VALUES (2);
    ;;
  }
  dimension: semi {
    sql: CASE WHEN ${TABLE}.x = ';' THEN 1 END ;;
  }
}
