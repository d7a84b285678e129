view: a { label: "ÿþ" }
