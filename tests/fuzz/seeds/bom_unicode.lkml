view: café { label: "日本" }
