package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * C# text conversion of runtime values: {@code ToString()} of any value ({@link #toDisplayString(Object)}),
 * {@code ToString(format)} of formattable values ({@link #toFormattedString(Object, String)}) and composite formatting
 * ({@code string.Format}, interpolation holes) with the invariant culture.
 */
public final class CsFormat {
  private CsFormat() {}

  /**
   * C# {@code ToString()} of any runtime value; {@code null} → {@code ""} (as in concatenation, {@code string.Format},
   * {@code string.Join} and interpolation).
   */
  public static String toDisplayString(Object value) {
    if (value == null) {
      return "";
    } else if (value instanceof String s) {
      return s;
    } else if (value instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (value instanceof Double d) {
      return CsNumberFormat.formatDouble(d);
    } else if (value instanceof Float f) {
      return CsNumberFormat.formatFloat(f);
    } else if (value instanceof BigDecimal d) {
      return CsNumberFormat.formatDecimal(d);
    } else if (value instanceof Byte b) {
      return Integer.toString(Byte.toUnsignedInt(b));
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Character || value instanceof java.math.BigInteger) {
      return value.toString();
    } else if (value instanceof UUID u) {
      return u.toString();
    } else if (value instanceof CsException e) {
      return e.toString();
    } else if (value instanceof java.util.Map.Entry<?, ?> kv) {
      return "[" + toDisplayString(kv.getKey()) + ", " + toDisplayString(kv.getValue()) + "]";
    } else if (value instanceof Object[] || value instanceof byte[] || value instanceof int[]
        || value instanceof char[] || value instanceof long[] || value instanceof double[]
        || value instanceof boolean[] || value instanceof java.util.List || value instanceof java.util.Map
        || value instanceof java.util.Set) {
      return CsTypes.netTypeName(value);
    }
    return value.toString();
  }

  /**
   * {@code ToString(format)} of a formattable value (numbers, {@code DateTime}, {@code DateTimeOffset},
   * {@code TimeSpan}, {@code Guid}); other values ignore the format. {@code null} → {@code ""}.
   */
  public static String toFormattedString(Object value, String format) {
    if (format == null || format.isEmpty()) {
      return toDisplayString(value);
    }
    if (value instanceof Number) {
      return CsNumberFormat.format(value, format);
    } else if (value instanceof CsDateTime dt) {
      return dt.toString(format);
    } else if (value instanceof CsDateTimeOffset dto) {
      return dto.toString(format);
    } else if (value instanceof CsTimeSpan ts) {
      return ts.toString(format);
    } else if (value instanceof UUID u) {
      return CsGuid.toString(u, format);
    }
    return toDisplayString(value);
  }

  /** {@code string.Format(format, args)} ({@code {0}}, {@code {1:000}}, {@code {0,-8}}, {@code {{ }}}). */
  public static String composite(String format, Object... args) {
    if (format == null) {
      throw CsException.argumentNull("format");
    }
    Object[] a = args == null ? new Object[] {null} : args;
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c == '{') {
        if (i + 1 < n && format.charAt(i + 1) == '{') {
          sb.append('{');
          i += 2;
          continue;
        }
        i = hole(format, i + 1, a, sb);
      } else if (c == '}') {
        if (i + 1 < n && format.charAt(i + 1) == '}') {
          sb.append('}');
          i += 2;
          continue;
        }
        throw badFormat();
      } else {
        sb.append(c);
        i++;
      }
      CsException.checkLength(sb.length());
    }
    return sb.toString();
  }

  /** Applies an interpolation/composite alignment: positive right-aligns, negative left-aligns. */
  public static String align(String text, int alignment) {
    int width = Math.abs(alignment);
    if (text.length() >= width) {
      return text;
    }
    CsException.checkLength(width);
    String pad = " ".repeat(width - text.length());
    return alignment > 0 ? pad + text : text + pad;
  }

  /** One interpolation hole: {@code ToString(format)} then alignment (format/alignment may be null/0). */
  public static String hole(Object value, int alignment, String format) {
    return align(toFormattedString(value, format), alignment);
  }

  private static int hole(String f, int i, Object[] args, StringBuilder sb) {
    int n = f.length();
    int start = i;
    while (i < n && Character.isDigit(f.charAt(i))) {
      i++;
    }
    if (i == start || i - start > 6) {
      throw badFormat();
    }
    int index = Integer.parseInt(f.substring(start, i));
    while (i < n && f.charAt(i) == ' ') {
      i++;
    }
    int alignment = 0;
    if (i < n && f.charAt(i) == ',') {
      i++;
      while (i < n && f.charAt(i) == ' ') {
        i++;
      }
      boolean neg = false;
      if (i < n && f.charAt(i) == '-') {
        neg = true;
        i++;
      }
      int s = i;
      while (i < n && Character.isDigit(f.charAt(i))) {
        i++;
      }
      if (i == s || i - s > 7) {
        throw badFormat();
      }
      alignment = Integer.parseInt(f.substring(s, i)) * (neg ? -1 : 1);
      while (i < n && f.charAt(i) == ' ') {
        i++;
      }
    }
    String fmt = null;
    if (i < n && f.charAt(i) == ':') {
      i++;
      StringBuilder fb = new StringBuilder();
      while (true) {
        if (i >= n) {
          throw badFormat();
        }
        char c = f.charAt(i);
        if (c == '}') {
          if (i + 1 < n && f.charAt(i + 1) == '}') {
            fb.append('}');
            i += 2;
            continue;
          }
          break;
        }
        if (c == '{') {
          if (i + 1 < n && f.charAt(i + 1) == '{') {
            fb.append('{');
            i += 2;
            continue;
          }
          throw badFormat();
        }
        fb.append(c);
        i++;
      }
      fmt = fb.toString();
    }
    if (i >= n || f.charAt(i) != '}') {
      throw badFormat();
    }
    if (index >= args.length) {
      throw CsException.format("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
    }
    sb.append(hole(args[index], alignment, fmt));
    return i + 1;
  }

  private static CsException badFormat() {
    return CsException.format("Input string was not in a correct format.");
  }
}
