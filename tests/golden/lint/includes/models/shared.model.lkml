connection: "db"
include: "/views/shared_thing.view"
