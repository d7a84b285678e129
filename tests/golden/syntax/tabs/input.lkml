view:	orders	{
	dimension: id {
		type:	number
		sql:	${TABLE}.id	;;
	}
	measure:	count	{	type:	count	}
}
