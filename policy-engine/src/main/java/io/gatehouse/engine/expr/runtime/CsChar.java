package io.gatehouse.engine.expr.runtime;

/**
 * {@code System.Char} statics with .NET semantics: {@code IsWhiteSpace} (Unicode White_Space), {@code IsDigit}
 * (decimal digits), {@code IsLetter}, {@code IsLetterOrDigit}, {@code IsUpper}, {@code IsLower},
 * {@code IsPunctuation}, {@code IsNumber}, {@code ToUpper}/{@code ToLower} (invariant, one char to one char).
 */
public final class CsChar {
  private CsChar() {}

  /** {@code char.IsWhiteSpace}: Unicode White_Space (includes U+00A0, U+0085, U+2028; excludes U+200B). */
  public static boolean isWhiteSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00a0' || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f'
        || c == '\u3000';
  }

  /** {@code char.IsDigit}: Unicode category Nd. */
  public static boolean isDigit(char c) {
    return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** {@code char.IsNumber}: categories Nd, Nl, No. */
  public static boolean isNumber(char c) {
    int t = Character.getType(c);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  /** {@code char.IsLetter}: categories Lu, Ll, Lt, Lm, Lo. */
  public static boolean isLetter(char c) {
    int t = Character.getType(c);
    return t == Character.UPPERCASE_LETTER || t == Character.LOWERCASE_LETTER || t == Character.TITLECASE_LETTER
        || t == Character.MODIFIER_LETTER || t == Character.OTHER_LETTER;
  }

  /** {@code char.IsLetterOrDigit}. */
  public static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }

  /** {@code char.IsUpper}. */
  public static boolean isUpper(char c) {
    return Character.getType(c) == Character.UPPERCASE_LETTER;
  }

  /** {@code char.IsLower}. */
  public static boolean isLower(char c) {
    return Character.getType(c) == Character.LOWERCASE_LETTER;
  }

  /** {@code char.IsPunctuation}: categories Pc, Pd, Ps, Pe, Pi, Pf, Po. */
  public static boolean isPunctuation(char c) {
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  /** {@code char.ToUpper} / {@code ToUpperInvariant}: simple one-to-one mapping; the Turkish dotless i is kept. */
  public static char toUpper(char c) {
    return c == '\u0131' ? c : Character.toUpperCase(c);
  }

  /** {@code char.ToLower} / {@code ToLowerInvariant}: simple one-to-one mapping; the Turkish dotted I is kept. */
  public static char toLower(char c) {
    return c == '\u0130' ? '\u0130' : Character.toLowerCase(c);
  }

  /** {@code char.ToString()}. */
  public static String toString(char c) {
    return String.valueOf(c);
  }
}
