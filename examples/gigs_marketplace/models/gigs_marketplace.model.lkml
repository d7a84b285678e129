# gigs_marketplace: freelancers, the gigs they offer and their skills (many to many).
# Every explore that crosses user_skills fans rows out; the measures stay exact because each
# view has a primary key and lkml switches to fan-out-safe (symmetric) aggregates.

connection: "postgres"
label: "Gigs Marketplace"

include: "/models/access_grants.lkml"
include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"
