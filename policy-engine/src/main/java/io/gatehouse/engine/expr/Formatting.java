package io.gatehouse.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Composite formatting ({@code String.Format}, interpolation holes) and format strings, invariant culture. */
final class Formatting {
  private Formatting() {}

  static String align(String text, int alignment) {
    int width = Math.abs(alignment);
    if (text.length() >= width) {
      return text;
    }
    String pad = " ".repeat(width - text.length());
    return alignment < 0 ? text + pad : pad + text;
  }

  /** {@code value.ToString(format)}. */
  static String format(Object v, String fmt) {
    if (v == null) {
      return "";
    }
    if (fmt == null || fmt.isEmpty()) {
      return Values.toText(v);
    }
    if (v instanceof CsDateTime d) {
      return d.format(fmt);
    }
    if (v instanceof Number || v instanceof Character) {
      return number(v instanceof Character c ? (Object) (int) c : v, fmt);
    }
    return Values.toText(v);
  }

  private static String number(Object v, String fmt) {
    char c = Character.toUpperCase(fmt.charAt(0));
    String rest = fmt.substring(1);
    boolean standard = "DNFXGEP".indexOf(c) >= 0 && rest.chars().allMatch(Character::isDigit);
    boolean integral = v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    BigDecimal bd = v instanceof BigDecimal b ? b : integral ? BigDecimal.valueOf(((Number) v).longValue())
        : new BigDecimal(Values.formatDouble(((Number) v).doubleValue()).replace("E+", "E"));
    if (standard) {
      int p = rest.isEmpty() ? -1 : Integer.parseInt(rest);
      switch (c) {
        case 'D' -> {
          if (!integral) {
            throw Values.fail("FormatException", "Format specifier was invalid.");
          }
          String s = bd.abs().toPlainString();
          s = p > s.length() ? "0".repeat(p - s.length()) + s : s;
          return bd.signum() < 0 ? "-" + s : s;
        }
        case 'X' -> {
          String s = Long.toHexString(((Number) v).longValue());
          if (v instanceof Integer) {
            s = Integer.toHexString((Integer) v);
          }
          s = p > s.length() ? "0".repeat(p - s.length()) + s : s;
          return fmt.charAt(0) == 'x' ? s : s.toUpperCase(Locale.ROOT);
        }
        case 'F', 'N' -> {
          BigDecimal r = bd.setScale(p < 0 ? 2 : p, RoundingMode.HALF_EVEN);
          if (c == 'F') {
            return r.toPlainString();
          }
          DecimalFormat df = new DecimalFormat("#,##0" + (r.scale() > 0 ? "." + "0".repeat(r.scale()) : ""),
              DecimalFormatSymbols.getInstance(Locale.ROOT));
          return df.format(r);
        }
        case 'P' -> {
          BigDecimal r = bd.movePointRight(2).setScale(p < 0 ? 2 : p, RoundingMode.HALF_EVEN);
          return r.toPlainString() + " %";
        }
        case 'G' -> {
          return Values.toText(v);
        }
        default -> {
          return String.format(Locale.ROOT, "%." + (p < 0 ? 6 : p) + "E", bd).replace("E+", "E+0")
              .replace("E-", "E-0");
        }
      }
    }
    String pattern = fmt.replace("'", "''");
    DecimalFormat df = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    df.setRoundingMode(RoundingMode.HALF_UP);
    return df.format(bd);
  }

  /** {@code String.Format(format, args)}. */
  static String composite(String format, Object[] args) {
    if (format == null) {
      throw Values.fail("ArgumentNullException", "Value cannot be null. (Parameter 'format')");
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char ch = format.charAt(i);
      if (ch == '{') {
        if (i + 1 < format.length() && format.charAt(i + 1) == '{') {
          sb.append('{');
          i += 2;
          continue;
        }
        int close = format.indexOf('}', i);
        if (close < 0) {
          throw badFormat();
        }
        String spec = format.substring(i + 1, close);
        String fmt = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
          fmt = spec.substring(colon + 1);
          spec = spec.substring(0, colon);
        }
        int align = 0;
        int comma = spec.indexOf(',');
        try {
          if (comma >= 0) {
            align = Integer.parseInt(spec.substring(comma + 1).strip());
            spec = spec.substring(0, comma);
          }
          int index = Integer.parseInt(spec.strip());
          if (index < 0 || index >= args.length) {
            throw Values.fail("FormatException",
                "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
          }
          sb.append(align(format(args[index], fmt), align));
        } catch (NumberFormatException e) {
          throw badFormat();
        }
        i = close + 1;
      } else if (ch == '}') {
        if (i + 1 < format.length() && format.charAt(i + 1) == '}') {
          sb.append('}');
          i += 2;
          continue;
        }
        throw badFormat();
      } else {
        sb.append(ch);
        i++;
      }
    }
    return sb.toString();
  }

  private static ExpressionFailure badFormat() {
    return Values.fail("FormatException", "Input string was not in a correct format.");
  }
}
