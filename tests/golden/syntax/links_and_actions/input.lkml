view: users {
  dimension: email {
    sql: ${TABLE}.email ;;
    link: {
      label: "Search"
      url: "https://www.google.com/search?q={{ value | url_encode }}"
      icon_url: "https://google.com/favicon.ico"
    }
    link: {
      label: "Profile"
      url: "/dashboards/12?email={{ value }}"
    }
    action: {
      label: "Send email"
      url: "https://hooks.example.com/send"
      param: {
        name: "to"
        value: "{{ value }}"
      }
      form_param: {
        name: "subject"
        type: string
        required: yes
      }
    }
  }
}
