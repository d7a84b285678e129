view: a {
	sql: x
 ;;
}
