"just a string"
: colon
view: ok { }
, ]
