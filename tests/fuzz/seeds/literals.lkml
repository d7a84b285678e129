timezone: America/Los_Angeles
name: "a\"b\\"
x: -10.5e3
