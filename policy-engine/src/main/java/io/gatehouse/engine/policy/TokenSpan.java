package io.gatehouse.engine.policy;

/**
 * Where a token is: {@code text[begin, end)}, never empty. A bearer token is read in place in its header value
 * rather than copied out of it.
 */
record TokenSpan(String text, int begin, int end) {
  /** The span of {@code s[begin, end)} without leading and trailing whitespace ({@link String#strip()}), or null. */
  static TokenSpan stripped(String s, int begin, int end) {
    int b = skipWhitespace(s, begin, end);
    int e = trimEnd(s, b, end);
    return b == e ? null : new TokenSpan(s, b, e);
  }

  /** The end of {@code s[begin, end)} without trailing whitespace. */
  static int trimEnd(String s, int begin, int end) {
    int e = end;
    while (e > begin && Character.isWhitespace(s.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** The first index in {@code [begin, end)} that is not whitespace, or {@code end}. */
  static int skipWhitespace(String s, int begin, int end) {
    int b = begin;
    while (b < end && Character.isWhitespace(s.charAt(b))) {
      b++;
    }
    return b;
  }

  /** The token as a string of its own. */
  @Override
  public String toString() {
    return text.substring(begin, end);
  }
}
