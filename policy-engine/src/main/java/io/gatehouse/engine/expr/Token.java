package io.gatehouse.engine.expr;

/**
 * One lexical token.
 *
 * @param kind what it is
 * @param text identifier/keyword/punctuator text (for literals the raw source text)
 * @param value literal value: Integer/Long/Double/Float/BigDecimal/Character/String, or the parts of an interpolated
 *     string ({@link Lexer.Hole} and String items)
 * @param start offset of the first character in the expression text
 * @param end offset after the last character
 */
record Token(Kind kind, String text, Object value, int start, int end) {
  enum Kind { IDENT, KEYWORD, INT, UINT, LONG, ULONG, DOUBLE, FLOAT, DECIMAL, CHAR, STRING, INTERPOLATED, PUNCT, EOF }

  boolean is(String punctOrKeyword) {
    return (kind == Kind.PUNCT || kind == Kind.KEYWORD) && text.equals(punctOrKeyword);
  }

  boolean isIdent() {
    return kind == Kind.IDENT;
  }
}
