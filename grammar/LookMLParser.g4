// LookML syntax: a file is a sequence of members, `key: value`, where a value is a scalar,
// a block (optionally named), a list, or the text of a `;;`-terminated SQL block.
parser grammar LookMLParser;

options { tokenVocab = LookMLLexer; }

document : member* EOF ;

member
  : SQL_KEY SQL_TEXT* SQL_END        # sqlMember
  | LITERAL COLON value              # keyMember
  ;

value
  : scalar body?                     # scalarValue
  | body                             # anonymousBlock
  | list                             # listValue
  ;

body   : LBRACE member* RBRACE ;
scalar : LITERAL | STRING ;
list   : LBRACKET (item (COMMA item)* COMMA?)? RBRACKET ;
item   : scalar (COLON scalar)? ;
