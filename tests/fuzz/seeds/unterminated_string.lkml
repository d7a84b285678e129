view: a { label: "abc }
