// LookML syntax: a file is a sequence of members, `key: value`, where a value is a scalar,
// a block (optionally named), a list, or the text of a `;;`-terminated SQL block.
parser grammar LookMLParser;

options { tokenVocab = LookMLLexer; }

document : member* EOF ;

// `measure:: name` (a doubled colon) is accepted; parse() warns about it (LKML115).
member
  : SQL_KEY SQL_TEXT* SQL_END        # sqlMember
  | LITERAL COLON doubledColon? value  # keyMember
  ;

doubledColon : COLON ;

value
  : scalar body?                     # scalarValue
  | body                             # anonymousBlock
  | list                             # listValue
  ;

body   : LBRACE member* RBRACE ;
scalar : LITERAL | STRING ;
// A leading comma (`[, a, b]`) is accepted, as both open-source LookML parsers do (`[,]` is
// then an empty list). Written before the optional items, not inside them, so that ANTLR's
// error recovery in lists stays as it was.
list   : LBRACKET COMMA? (item (COMMA item)* COMMA?)? RBRACKET ;
item   : scalar (COLON scalar)? ;
