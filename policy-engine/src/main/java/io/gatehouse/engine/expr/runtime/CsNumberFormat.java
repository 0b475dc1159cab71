package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * .NET numeric formatting with the invariant culture: {@code ToString()} and {@code ToString(format)} of
 * {@code int long short byte double float decimal}.
 *
 * <p>Standard formats {@code C D E F G N P R X} (with precision) and custom formats built from {@code 0 # . , % ‰ E+0},
 * quoted literals, {@code \x} escapes and {@code ;} sections. Midpoints round away from zero, as .NET formatting does
 * (only {@code Math.Round} rounds to even).
 */
public final class CsNumberFormat {
  private static final int DOUBLE_PRECISION = 15;
  private static final int FLOAT_PRECISION = 7;

  private CsNumberFormat() {}

  /** {@code double.ToString()}: shortest round-trip text, .NET Core 3.0+ (3, 0.30000000000000004, 1E+21, 1E-07). */
  public static String formatDouble(double d) {
    if (!CsRuntimeSettings.SHORTEST_ROUND_TRIP_DOUBLES) {
      return format(d, "G15");
    }
    return format(d, null);
  }

  /** {@code float.ToString()}: shortest round-trip text for a 32-bit float. */
  public static String formatFloat(float f) {
    return format(f, null);
  }

  /** {@code decimal.ToString()}: plain digits, scale preserved ({@code 1.10m} → {@code 1.10}). */
  public static String formatDecimal(BigDecimal d) {
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** {@code value.ToString(format)} for any boxed C# numeric value; null/empty format = {@code ToString()}. */
  public static String format(Object value, String format) {
    if (value instanceof Double d) {
      return formatFloating(d, format, false);
    } else if (value instanceof Float f) {
      return formatFloating(f.doubleValue(), format, true);
    } else if (value instanceof BigDecimal bd) {
      return formatExact(bd, format, Kind.DECIMAL, 0);
    } else if (value instanceof Integer i) {
      return formatExact(BigDecimal.valueOf(i), format, Kind.INTEGER, 32);
    } else if (value instanceof Long l) {
      return formatExact(BigDecimal.valueOf(l), format, Kind.INTEGER, 64);
    } else if (value instanceof Short s) {
      return formatExact(BigDecimal.valueOf(s), format, Kind.INTEGER, 16);
    } else if (value instanceof Byte b) {
      return formatExact(BigDecimal.valueOf(Byte.toUnsignedInt(b)), format, Kind.INTEGER, 8);
    } else if (value instanceof BigInteger bi) {
      return formatExact(new BigDecimal(bi), format, Kind.INTEGER, 0);
    } else if (value instanceof Character c) {
      return formatExact(BigDecimal.valueOf(c), format, Kind.INTEGER, 16);
    }
    throw CsException.format("Format specifier was invalid.");
  }

  private enum Kind { INTEGER, DECIMAL, DOUBLE }

  // ---------------------------------------------------------------- floating point

  private static String formatFloating(double d, String format, boolean isFloat) {
    char fmt = standardChar(format);
    int precision = standardPrecision(format);
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (fmt == 0) {
      // custom format: .NET first rounds doubles to 15 significant digits (7 for float)
      BigDecimal v = shortest(d, isFloat);
      if (v.signum() != 0) {
        v = v.round(new MathContext(isFloat ? FLOAT_PRECISION : DOUBLE_PRECISION, RoundingMode.HALF_UP));
      }
      return custom(v, format, d < 0 || isNegativeZero(d));
    }
    if ((fmt == 'G' || fmt == 'R') && (precision <= 0 || fmt == 'R')) {
      BigDecimal v = shortest(d, isFloat);
      Digits digits = Digits.of(v, isNegativeZero(d));
      int maxDigits = Math.max(digits.digits.length(), isFloat ? FLOAT_PRECISION : DOUBLE_PRECISION);
      boolean lower = format != null && !format.isEmpty() && (format.charAt(0) == 'g' || format.charAt(0) == 'r');
      return general(digits, maxDigits, lower ? 'e' : 'E', 2);
    }
    if (fmt == 'D' || fmt == 'X') {
      throw CsException.format("Format specifier was invalid.");
    }
    return standard(new BigDecimal(d), fmt, precision, format.charAt(0), Kind.DOUBLE, 0, isNegativeZero(d));
  }

  private static boolean isNegativeZero(double d) {
    return d == 0 && Double.doubleToRawLongBits(d) != 0;
  }

  /** The shortest decimal that round-trips to {@code d} (correctly rounded among the shortest). */
  static BigDecimal shortest(double d, boolean isFloat) {
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (isFloat ? Float.parseFloat(r.toString()) == (float) d : Double.parseDouble(r.toString()) == d) {
        return r;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  // ---------------------------------------------------------------- exact values (integers, decimal)

  private static String formatExact(BigDecimal v, String format, Kind kind, int bits) {
    char fmt = standardChar(format);
    int precision = standardPrecision(format);
    if (fmt == 0) {
      return custom(v, format, false);
    }
    if (fmt == 'G' && precision <= 0) {
      if (kind == Kind.DECIMAL) {
        return formatDecimal(v);
      }
      return v.toPlainString();
    }
    if ((fmt == 'D' || fmt == 'X') && kind != Kind.INTEGER) {
      throw CsException.format("Format specifier was invalid.");
    }
    if (fmt == 'R' && kind != Kind.INTEGER) {
      throw CsException.format("Format specifier was invalid.");
    }
    return standard(v, fmt, precision, format.charAt(0), kind, bits, false);
  }

  // ---------------------------------------------------------------- standard formats

  private static String standard(BigDecimal v, char fmt, int precision, char letter, Kind kind, int bits,
      boolean negZero) {
    boolean neg = v.signum() < 0 || negZero;
    // .NET Core 3.0+ keeps the sign of negative doubles that round to zero ("-0.00"); exact types drop it
    boolean keepSign = kind == Kind.DOUBLE;
    BigDecimal abs = v.abs();
    switch (fmt) {
      case 'D': {
        String s = abs.toBigInteger().toString();
        return (neg ? "-" : "") + zeroPad(s, precision);
      }
      case 'X': {
        BigInteger bi = v.toBigIntegerExact();
        if (bi.signum() < 0 && bits > 0) {
          bi = bi.add(BigInteger.ONE.shiftLeft(bits));
        }
        String s = bi.toString(16);
        s = letter == 'X' ? s.toUpperCase(java.util.Locale.ROOT) : s;
        return zeroPad(s, precision);
      }
      case 'F': {
        int p = precision < 0 ? 2 : precision;
        BigDecimal r = abs.setScale(p, RoundingMode.HALF_UP);
        return sign(neg && (keepSign || r.signum() != 0)) + r.toPlainString();
      }
      case 'N': {
        int p = precision < 0 ? 2 : precision;
        BigDecimal r = abs.setScale(p, RoundingMode.HALF_UP);
        return sign(neg && (keepSign || r.signum() != 0)) + group(r.toPlainString());
      }
      case 'C': {
        int p = precision < 0 ? 2 : precision;
        BigDecimal r = abs.setScale(p, RoundingMode.HALF_UP);
        String body = "\u00a4" + group(r.toPlainString());
        return neg && (keepSign || r.signum() != 0) ? "(" + body + ")" : body;
      }
      case 'P': {
        int p = precision < 0 ? 2 : precision;
        BigDecimal r = abs.movePointRight(2).setScale(p, RoundingMode.HALF_UP);
        return sign(neg && (keepSign || r.signum() != 0)) + group(r.toPlainString()) + " %";
      }
      case 'E': {
        int p = precision < 0 ? 6 : precision;
        Digits d = Digits.of(abs.signum() == 0 ? abs : abs.round(new MathContext(p + 1, RoundingMode.HALF_UP)), false);
        String mant = d.digits + "0".repeat(Math.max(0, p + 1 - d.digits.length()));
        mant = mant.substring(0, p + 1);
        int exp = abs.signum() == 0 ? 0 : d.pointPos - 1;
        String out = mant.charAt(0) + (p > 0 ? "." + mant.substring(1) : "") + (letter == 'e' ? "e" : "E")
            + (exp < 0 ? "-" : "+") + zeroPad(Integer.toString(Math.abs(exp)), 3);
        return sign(neg) + out;
      }
      case 'G': {
        BigDecimal r = abs.signum() == 0 ? abs : abs.round(new MathContext(precision, RoundingMode.HALF_UP));
        Digits d = Digits.of(neg ? r.negate() : r, negZero);
        return general(d, precision, letter == 'g' ? 'e' : 'E', 2);
      }
      case 'R':
        return v.toPlainString();
      default:
        throw CsException.format("Format specifier was invalid.");
    }
  }

  /** .NET "G" layout: scientific when the exponent is >= maxDigits or < -5. */
  private static String general(Digits d, int maxDigits, char expChar, int minExpDigits) {
    if (d.digits.isEmpty()) {
      return d.negative ? "-0" : "0";
    }
    StringBuilder sb = new StringBuilder();
    if (d.negative) {
      sb.append('-');
    }
    int pos = d.pointPos;
    if (pos > maxDigits || pos < -3) {
      sb.append(d.digits.charAt(0));
      if (d.digits.length() > 1) {
        sb.append('.').append(d.digits, 1, d.digits.length());
      }
      int exp = pos - 1;
      sb.append(expChar).append(exp < 0 ? '-' : '+').append(zeroPad(Integer.toString(Math.abs(exp)), minExpDigits));
    } else if (pos <= 0) {
      sb.append("0.").append("0".repeat(-pos)).append(d.digits);
    } else if (pos >= d.digits.length()) {
      sb.append(d.digits).append("0".repeat(pos - d.digits.length()));
    } else {
      sb.append(d.digits, 0, pos).append('.').append(d.digits, pos, d.digits.length());
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- custom formats

  private static String custom(BigDecimal value, String format, boolean keepSign) {
    String[] sections = splitSections(format);
    String section = sections[0];
    boolean addMinus = true;
    if (value.signum() < 0 && sections.length > 1 && !sections[1].isEmpty()) {
      section = sections[1];
      addMinus = false;
    } else if (value.signum() == 0 && sections.length > 2 && !sections[2].isEmpty()) {
      section = sections[2];
    }
    return CustomPattern.parse(section).apply(value, addMinus, keepSign);
  }

  private static String[] splitSections(String format) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\\' && i + 1 < format.length()) {
        cur.append(c).append(format.charAt(++i));
      } else if (c == '\'' || c == '"') {
        quote = c;
        cur.append(c);
      } else if (c == ';' && parts.size() < 2) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts.toArray(new String[0]);
  }

  /** One parsed section of a custom numeric format. */
  private static final class CustomPattern {
    final String pattern;
    int intPlaceholders;
    int intMin;
    int fracMin;
    int fracMax;
    boolean grouping;
    int scaleDiv;
    int percent;
    int permille;
    boolean scientific;
    boolean expPlus;
    int expDigits;
    char expChar;
    int expStart = -1;
    int expEnd = -1;

    private CustomPattern(String pattern) {
      this.pattern = pattern;
    }

    static CustomPattern parse(String p) {
      CustomPattern cp = new CustomPattern(p);
      boolean inFrac = false;
      boolean seenZero = false;
      int pendingCommas = 0;
      boolean digitSeen = false;
      int lastFracZero = -1;
      int fracCount = 0;
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c == '\'' || c == '"') {
          int end = p.indexOf(c, i + 1);
          i = end < 0 ? p.length() : end;
          continue;
        }
        if (c == '\\') {
          i++;
          continue;
        }
        switch (c) {
          case '0', '#' -> {
            if (pendingCommas > 0 && digitSeen && !inFrac) {
              cp.grouping = true;
            }
            pendingCommas = 0;
            digitSeen = true;
            if (inFrac) {
              fracCount++;
              if (c == '0') {
                lastFracZero = fracCount;
              }
            } else {
              cp.intPlaceholders++;
              if (c == '0') {
                seenZero = true;
              }
              if (seenZero) {
                cp.intMin++;
              }
            }
          }
          case '.' -> {
            if (!inFrac) {
              inFrac = true;
              cp.scaleDiv += digitSeen ? pendingCommas : 0;
              pendingCommas = 0;
            }
          }
          case ',' -> {
            if (!inFrac) {
              pendingCommas++;
            }
          }
          case '%' -> cp.percent++;
          case '\u2030' -> cp.permille++;
          case 'E', 'e' -> {
            int j = i + 1;
            boolean plus = false;
            if (j < p.length() && (p.charAt(j) == '+' || p.charAt(j) == '-')) {
              plus = p.charAt(j) == '+';
              j++;
            }
            int z = 0;
            while (j < p.length() && p.charAt(j) == '0') {
              z++;
              j++;
            }
            if (z > 0 && !cp.scientific) {
              cp.scientific = true;
              cp.expPlus = plus;
              cp.expDigits = z;
              cp.expChar = c;
              cp.expStart = i;
              cp.expEnd = j;
              i = j - 1;
            }
          }
          default -> { }
        }
      }
      if (!inFrac && digitSeen) {
        cp.scaleDiv += pendingCommas;
      }
      cp.fracMax = fracCount;
      cp.fracMin = Math.max(lastFracZero, 0);
      return cp;
    }

    String apply(BigDecimal value, boolean addMinus, boolean keepSign) {
      BigDecimal v = value.abs();
      v = v.movePointRight(2 * percent + 3 * permille - 3 * scaleDiv);
      int exponent = 0;
      if (scientific && v.signum() != 0) {
        int ip = Math.max(intPlaceholders, 1);
        exponent = v.precision() - v.scale() - ip;
        v = v.movePointLeft(exponent);
        BigDecimal r = v.setScale(fracMax, RoundingMode.HALF_UP);
        if (r.precision() - r.scale() > ip) {
          exponent++;
          v = v.movePointLeft(1);
        }
      }
      BigDecimal r = v.setScale(fracMax, RoundingMode.HALF_UP);
      boolean negative = value.signum() < 0 && r.signum() != 0 || keepSign;
      String plain = r.toPlainString();
      int dot = plain.indexOf('.');
      String intDigits = dot < 0 ? plain : plain.substring(0, dot);
      String frac = dot < 0 ? "" : plain.substring(dot + 1);
      if (intDigits.equals("0")) {
        intDigits = "";
      }
      if (intDigits.length() < intMin) {
        intDigits = "0".repeat(intMin - intDigits.length()) + intDigits;
      }
      int keep = frac.length();
      while (keep > fracMin && frac.charAt(keep - 1) == '0') {
        keep--;
      }
      frac = frac.substring(0, keep);
      StringBuilder out = new StringBuilder();
      if (negative && addMinus) {
        out.append('-');
      }
      int placeholder = 0;
      int emitted = 0;
      int fracIdx = 0;
      boolean inFrac = false;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (i == expStart) {
          out.append(expChar);
          if (exponent < 0) {
            out.append('-');
          } else if (expPlus) {
            out.append('+');
          }
          out.append(zeroPad(Integer.toString(Math.abs(exponent)), expDigits));
          i = expEnd - 1;
          continue;
        }
        if (c == '\'' || c == '"') {
          int end = pattern.indexOf(c, i + 1);
          out.append(pattern, i + 1, end < 0 ? pattern.length() : end);
          i = end < 0 ? pattern.length() : end;
          continue;
        }
        if (c == '\\') {
          if (i + 1 < pattern.length()) {
            out.append(pattern.charAt(++i));
          }
          continue;
        }
        switch (c) {
          case '0', '#' -> {
            if (inFrac) {
              if (fracIdx < frac.length()) {
                out.append(frac.charAt(fracIdx));
              }
              fracIdx++;
            } else {
              int remainingPlaceholders = intPlaceholders - placeholder - 1;
              int from;
              int to = intDigits.length() - remainingPlaceholders;
              from = placeholder == 0 ? 0 : to - 1;
              for (int k = Math.max(from, 0); k < to; k++) {
                out.append(intDigits.charAt(k));
                emitted++;
                int left = intDigits.length() - k - 1;
                if (grouping && left > 0 && left % 3 == 0) {
                  out.append(',');
                }
              }
              placeholder++;
            }
          }
          case '.' -> {
            if (!inFrac) {
              inFrac = true;
              if (!frac.isEmpty()) {
                out.append('.');
              }
            }
          }
          case ',' -> { }
          case '%' -> out.append('%');
          case '\u2030' -> out.append('\u2030');
          default -> out.append(c);
        }
      }
      return out.toString();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static char standardChar(String format) {
    if (format == null || format.isEmpty()) {
      return 'G';
    }
    char c = format.charAt(0);
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      return 0;
    }
    for (int i = 1; i < format.length(); i++) {
      if (format.charAt(i) < '0' || format.charAt(i) > '9') {
        return 0;
      }
    }
    if (format.length() > 10) {
      throw CsException.format("Format specifier was invalid.");
    }
    char u = Character.toUpperCase(c);
    if ("CDEFGNPRX".indexOf(u) < 0) {
      throw CsException.format("Format specifier was invalid.");
    }
    return u;
  }

  private static int standardPrecision(String format) {
    if (format == null || format.length() <= 1) {
      return -1;
    }
    char c = format.charAt(0);
    if (!Character.isLetter(c)) {
      return -1;
    }
    try {
      int p = Integer.parseInt(format.substring(1));
      if (p > 999) {
        throw CsException.format("Format specifier was invalid.");
      }
      return p;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String zeroPad(String s, int width) {
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private static String sign(boolean neg) {
    return neg ? "-" : "";
  }

  /** Inserts {@code ,} thousands separators into the integer part of a plain number. */
  private static String group(String plain) {
    int dot = plain.indexOf('.');
    String ip = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ip.length(); i++) {
      if (i > 0 && (ip.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(ip.charAt(i));
    }
    return sb + (dot < 0 ? "" : plain.substring(dot));
  }

  /** Significant digits (no leading/trailing zeros) and decimal point position: value = 0.DIGITS × 10^pointPos. */
  private record Digits(String digits, int pointPos, boolean negative) {
    static Digits of(BigDecimal v, boolean negZero) {
      if (v.signum() == 0) {
        return new Digits("", 0, negZero);
      }
      BigDecimal s = v.abs().stripTrailingZeros();
      String u = s.unscaledValue().toString();
      return new Digits(u, u.length() - s.scale(), v.signum() < 0);
    }
  }
}
