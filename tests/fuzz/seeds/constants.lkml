constant: schema { value: "prod" export: none }
view: a { sql_table_name: @{schema}.a ;; dimension: t { type: time timeframes: [raw] convert_tz: no } }
