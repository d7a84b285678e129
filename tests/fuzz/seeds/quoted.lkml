view: "quoted name" { }
dimension: x { }
