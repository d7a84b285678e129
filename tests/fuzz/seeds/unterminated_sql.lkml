view: a { sql: select 1
