// LookML tokens. This grammar is the specification of the token stream; the hand-written
// lexer in lexer.cpp must produce the same tokens (proved by tests/unit/grammar/lexer_diff_test).
lexer grammar LookMLLexer;

@lexer::members {
  // `;;` keys never occur inside lists, where a key is a field name such as `sql_flag`.
  int bracketDepth = 0;
}

BOM      : '\uFEFF' -> skip ;
WS       : [ \t\r\n\f]+ -> skip ;
COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN) ;

// A key whose value runs up to `;;` (sql, sql_on, html, expression, ...), colon included.
SQL_KEY  : ('sql' | 'html' | 'expr') [a-zA-Z0-9_]* [ \t\r\n\f]* ':' {bracketDepth == 0}?
           -> pushMode(SQL_MODE) ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' {bracketDepth++;} ;
RBRACKET : ']' {if (bracketDepth > 0) bracketDepth--;} ;
COMMA    : ',' ;
COLON    : ':' ;
STRING   : '"' ( '\\' . | ~["\\] )* '"' ;
// Unquoted literal: identifiers, numbers, view.field, set*, -field, +refinement,
// America/Los_Angeles, @{constant} ...
LITERAL  : ( '@{' ~[}]* '}' | ~[ \t\r\n\f:{}[\],"#\uFEFF] )+ ;
// Anything else (an unterminated string) is reported by the parser as an unexpected token.
ERROR_CHAR : . ;

mode SQL_MODE;
SQL_END  : ';;' -> popMode ;
SQL_TEXT : ( ~';' | ';' ~';' )+ ;
SQL_SEMI : ';' -> type(SQL_TEXT) ;
