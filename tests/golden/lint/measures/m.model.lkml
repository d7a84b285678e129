connection: "db"
include: "/*.view"
explore: orders {}
