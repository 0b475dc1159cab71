package io.gatehouse.engine.expr.runtime;

import java.time.LocalDateTime;

/**
 * Invariant-culture {@code DateTime}/{@code DateTimeOffset} formatting: standard formats {@code d D f F g G m M o O r R
 * s t T u U y Y} and custom specifiers {@code yyyy yy y MM M MMM MMMM dd d ddd dddd HH H hh h mm m ss s f…fffffff F…
 * tt t K z zz zzz g : /}, quoted literals and {@code \x}; any other character is literal.
 */
final class CsDateTimeFormat {
  static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

  private CsDateTimeFormat() {}

  /**
   * Formats a clock value.
   *
   * @param ticks local clock ticks (DateTime ticks, or DateTimeOffset's clock time)
   * @param kind the DateTime kind (null for DateTimeOffset)
   * @param offsetMinutes the offset (DateTimeOffset) or the local offset (DateTime)
   */
  static String format(long ticks, CsDateTimeKind kind, int offsetMinutes, String format) {
    boolean isOffset = kind == null;
    if (format == null || format.isEmpty()) {
      return custom(ticks, kind, offsetMinutes, isOffset ? "MM/dd/yyyy HH:mm:ss zzz" : "MM/dd/yyyy HH:mm:ss");
    }
    if (format.length() == 1) {
      char c = format.charAt(0);
      switch (c) {
        case 'd': return custom(ticks, kind, offsetMinutes, "MM/dd/yyyy");
        case 'D': return custom(ticks, kind, offsetMinutes, "dddd, dd MMMM yyyy");
        case 'f': return custom(ticks, kind, offsetMinutes, "dddd, dd MMMM yyyy HH:mm");
        case 'F': return custom(ticks, kind, offsetMinutes, "dddd, dd MMMM yyyy HH:mm:ss");
        case 'g': return custom(ticks, kind, offsetMinutes, "MM/dd/yyyy HH:mm");
        case 'G': return custom(ticks, kind, offsetMinutes, "MM/dd/yyyy HH:mm:ss");
        case 'm': case 'M': return custom(ticks, kind, offsetMinutes, "MMMM dd");
        case 'o': case 'O':
          if (isOffset) {
            return custom(ticks, null, offsetMinutes, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffzzz");
          }
          return custom(ticks, kind, offsetMinutes, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK");
        case 'r': case 'R':
          return custom(isOffset ? ticks - offsetMinutes * CsTimeSpan.TICKS_PER_MINUTE : ticks, kind, 0,
              "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'");
        case 's': return custom(ticks, kind, offsetMinutes, "yyyy'-'MM'-'dd'T'HH':'mm':'ss");
        case 't': return custom(ticks, kind, offsetMinutes, "HH:mm");
        case 'T': return custom(ticks, kind, offsetMinutes, "HH:mm:ss");
        case 'u':
          return custom(isOffset ? ticks - offsetMinutes * CsTimeSpan.TICKS_PER_MINUTE : ticks, kind, 0,
              "yyyy'-'MM'-'dd HH':'mm':'ss'Z'");
        case 'U':
          if (isOffset) {
            throw CsException.format("Input string was not in a correct format.");
          }
          return custom(ticks, kind, offsetMinutes, "dddd, dd MMMM yyyy HH:mm:ss");
        case 'y': case 'Y': return custom(ticks, kind, offsetMinutes, "yyyy MMMM");
        default: throw CsException.format("Input string was not in a correct format.");
      }
    }
    return custom(ticks, kind, offsetMinutes, format);
  }

  private static String custom(long ticks, CsDateTimeKind kind, int offsetMinutes, String f) {
    LocalDateTime t = CsDateTime.toLocalDateTime(ticks);
    long fraction = ticks % CsTimeSpan.TICKS_PER_SECOND;
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < f.length()) {
      char c = f.charAt(i);
      int n = 1;
      while (i + n < f.length() && f.charAt(i + n) == c) {
        n++;
      }
      switch (c) {
        case 'y' -> {
          int y = t.getYear();
          sb.append(n <= 2 ? pad(y % 100, n) : pad(y, n));
        }
        case 'M' -> sb.append(n >= 4 ? MONTHS[t.getMonthValue() - 1]
            : n == 3 ? MONTHS[t.getMonthValue() - 1].substring(0, 3) : pad(t.getMonthValue(), n));
        case 'd' -> {
          int dow = t.getDayOfWeek().getValue() % 7;
          sb.append(n >= 4 ? DAYS[dow] : n == 3 ? DAYS[dow].substring(0, 3) : pad(t.getDayOfMonth(), n));
        }
        case 'H' -> sb.append(pad(t.getHour(), Math.min(n, 2)));
        case 'h' -> sb.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, Math.min(n, 2)));
        case 'm' -> sb.append(pad(t.getMinute(), Math.min(n, 2)));
        case 's' -> sb.append(pad(t.getSecond(), Math.min(n, 2)));
        case 'f', 'F' -> {
          if (n > 7) {
            throw CsException.format("Input string was not in a correct format.");
          }
          String digits = String.format("%07d", fraction).substring(0, n);
          if (c == 'F') {
            digits = digits.replaceAll("0+$", "");
            if (digits.isEmpty() && sb.length() > 0 && sb.charAt(sb.length() - 1) == '.') {
              sb.setLength(sb.length() - 1);
            }
          }
          sb.append(digits);
        }
        case 't' -> {
          String ampm = t.getHour() < 12 ? "AM" : "PM";
          sb.append(n == 1 ? ampm.substring(0, 1) : ampm);
        }
        case 'g' -> sb.append("A.D.");
        case 'K' -> {
          for (int k = 0; k < n; k++) {
            if (kind == null || kind == CsDateTimeKind.Local) {
              sb.append(offset(offsetMinutes, 3));
            } else if (kind == CsDateTimeKind.Utc) {
              sb.append('Z');
            }
          }
        }
        case 'z' -> sb.append(offset(offsetMinutes, Math.min(n, 3)));
        case ':' -> sb.append(repeat(':', n));
        case '/' -> sb.append(repeat('/', n));
        case '\'', '"' -> {
          int end = f.indexOf(c, i + 1);
          if (end < 0) {
            throw CsException.format("Cannot find a matching quote character for the character '" + c + "'.");
          }
          sb.append(f, i + 1, end);
          i = end + 1;
          continue;
        }
        case '\\' -> {
          if (i + 1 >= f.length()) {
            throw CsException.format("Input string was not in a correct format.");
          }
          sb.append(f.charAt(i + 1));
          i += 2;
          continue;
        }
        case '%' -> {
          if (i + 1 >= f.length() || f.charAt(i + 1) == '%') {
            throw CsException.format("Input string was not in a correct format.");
          }
          i++;
          continue;
        }
        default -> sb.append(repeat(c, n));
      }
      i += n;
    }
    return sb.toString();
  }

  private static String offset(int minutes, int style) {
    String sign = minutes < 0 ? "-" : "+";
    int abs = Math.abs(minutes);
    int h = abs / 60;
    int m = abs % 60;
    return switch (style) {
      case 1 -> sign + h;
      case 2 -> sign + pad(h, 2);
      default -> sign + pad(h, 2) + ":" + pad(m, 2);
    };
  }

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
