package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * {@code int/long/short/byte/double/float/decimal/bool .Parse} and {@code TryParse} with the invariant culture.
 *
 * <p>Integers: NumberStyles.Integer (surrounding whitespace, leading sign). Floating point: NumberStyles.Float |
 * AllowThousands (also {@code Infinity}, {@code -Infinity}, {@code NaN}, case-insensitive; too large → ±Infinity as
 * on .NET Core 3.0+). Decimal: NumberStyles.Number (no exponent). {@code TryParse} returns {@code null} on failure;
 * the compiler maps that to {@code false} + {@code default(T)}.
 */
public final class CsParse {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile("[+-]?(?:[0-9][0-9,]*(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9][0-9,]*(?:\\.[0-9]*)?|\\.[0-9]+)[+-]?");
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private CsParse() {}

  /** {@code int.Parse(s)}. */
  public static int parseInt(String s) {
    return (int) parseInteger(s, Integer.MIN_VALUE, Integer.MAX_VALUE, "Int32");
  }

  /** {@code long.Parse(s)}. */
  public static long parseLong(String s) {
    return parseInteger(s, Long.MIN_VALUE, Long.MAX_VALUE, "Int64");
  }

  /** {@code short.Parse(s)}. */
  public static short parseShort(String s) {
    return (short) parseInteger(s, Short.MIN_VALUE, Short.MAX_VALUE, "Int16");
  }

  /** {@code byte.Parse(s)} (unsigned 0..255, returned as the shared {@link Byte} representation). */
  public static byte parseByte(String s) {
    return (byte) parseInteger(s, 0, 255, "Byte");
  }

  /** {@code double.Parse(s)}. */
  public static double parseDouble(String s) {
    Double d = tryParseDouble(requireNonNull(s));
    if (d == null) {
      throw CsException.badNumber(s);
    }
    return d;
  }

  /** {@code float.Parse(s)}. */
  public static float parseFloat(String s) {
    return (float) parseDouble(s);
  }

  /** {@code decimal.Parse(s)}. */
  public static BigDecimal parseDecimal(String s) {
    String t = trim(requireNonNull(s));
    if (!NUMBER.matcher(t).matches() || t.length() > 1 && isSign(t.charAt(0)) && isSign(t.charAt(t.length() - 1))) {
      throw CsException.badNumber(s);
    }
    boolean neg = t.startsWith("-") || t.endsWith("-");
    String body = t.replace(",", "").replace("+", "").replace("-", "");
    if (body.endsWith(".")) {
      body = body.substring(0, body.length() - 1);
    }
    BigDecimal v = new BigDecimal(body.startsWith(".") ? "0" + body : body);
    return CsDecimal.normalize(neg ? v.negate() : v);
  }

  /** {@code bool.Parse(s)}: {@code true}/{@code false} in any case, surrounding whitespace allowed. */
  public static boolean parseBool(String s) {
    if (s == null) {
      throw CsException.argumentNull("value");
    }
    Boolean b = tryParseBool(s);
    if (b == null) {
      throw CsException.format("String '" + s + "' was not recognized as a valid Boolean.");
    }
    return b;
  }

  /** {@code int.TryParse}: the value, or null on failure. */
  public static Integer tryParseInt(String s) {
    return tryParse(() -> parseInt(s));
  }

  /** {@code long.TryParse}. */
  public static Long tryParseLong(String s) {
    return tryParse(() -> parseLong(s));
  }

  /** {@code short.TryParse}. */
  public static Short tryParseShort(String s) {
    return tryParse(() -> parseShort(s));
  }

  /** {@code byte.TryParse}. */
  public static Byte tryParseByte(String s) {
    return tryParse(() -> parseByte(s));
  }

  /** {@code decimal.TryParse}. */
  public static BigDecimal tryParseDecimal(String s) {
    return tryParse(() -> parseDecimal(s));
  }

  /** {@code float.TryParse}. */
  public static Float tryParseFloat(String s) {
    return tryParse(() -> parseFloat(s));
  }

  /** {@code double.TryParse}: the value, or null on failure (null input included). */
  public static Double tryParseDouble(String s) {
    if (s == null) {
      return null;
    }
    String t = trim(s);
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case "infinity", "+infinity", "\u221e", "+\u221e":
        return Double.POSITIVE_INFINITY;
      case "-infinity", "-\u221e":
        return Double.NEGATIVE_INFINITY;
      case "nan", "+nan", "-nan":
        return Double.NaN;
      default:
        break;
    }
    if (!FLOAT.matcher(t).matches()) {
      return null;
    }
    String body = t.replace(",", "");
    if (body.length() > 100_000) {
      return null;
    }
    return Double.parseDouble(body);
  }

  /** {@code bool.TryParse}. */
  public static Boolean tryParseBool(String s) {
    if (s == null) {
      return null;
    }
    String t = trimWithNul(s);
    if (t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static long parseInteger(String s, long min, long max, String typeName) {
    String t = trim(requireNonNull(s));
    if (!INTEGER.matcher(t).matches()) {
      throw CsException.badNumber(s);
    }
    BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw CsException.overflow(typeName);
    }
    return v.longValue();
  }

  private static String requireNonNull(String s) {
    if (s == null) {
      throw CsException.argumentNull("s");
    }
    return s;
  }

  private static boolean isSign(char c) {
    return c == '+' || c == '-';
  }

  /** .NET number-parsing whitespace: U+0009..U+000D and U+0020. */
  static boolean isParseWhite(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isParseWhite(s.charAt(a))) {
      a++;
    }
    while (b > a && isParseWhite(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static String trimWithNul(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (Character.isWhitespace(s.charAt(a)) || Character.isSpaceChar(s.charAt(a)))) {
      a++;
    }
    while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || Character.isSpaceChar(s.charAt(b - 1))
        || s.charAt(b - 1) == '\0')) {
      b--;
    }
    return s.substring(a, b);
  }

  private static <T> T tryParse(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (CsException e) {
      return null;
    }
  }

  static boolean fitsInt(BigInteger v) {
    return v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0;
  }
}
