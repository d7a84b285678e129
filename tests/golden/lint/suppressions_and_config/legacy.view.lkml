# lkml: disable-file=LKML254
view: legacy {
  dimension: ID { primary_key: yes }
  dimension: CamelCase {}
}
