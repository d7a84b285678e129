measure: m { type: sum filters: { field: status value: "done" } }
join: j { type : inner }
