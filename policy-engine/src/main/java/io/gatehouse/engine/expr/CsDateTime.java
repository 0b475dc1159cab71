package io.gatehouse.engine.expr;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A .NET {@code DateTime}: 100-ns ticks since 0001-01-01 plus a {@link DateKind}. Local time is UTC (spec 6.6).
 * Private helper of the compiler until the runtime library provides DateTime.
 */
record CsDateTime(long ticks, DateKind kind) implements Comparable<CsDateTime> {
  enum DateKind { Unspecified, Utc, Local }

  static final long EPOCH_TICKS = 621_355_968_000_000_000L;

  static CsDateTime of(Instant instant, DateKind kind) {
    long t = EPOCH_TICKS + Math.multiplyExact(instant.getEpochSecond(), 10_000_000L) + instant.getNano() / 100;
    return new CsDateTime(t, kind);
  }

  LocalDateTime local() {
    long rel = ticks - EPOCH_TICKS;
    long sec = Math.floorDiv(rel, 10_000_000L);
    int nanos = (int) Math.floorMod(rel, 10_000_000L) * 100;
    return LocalDateTime.ofEpochSecond(sec, nanos, ZoneOffset.UTC);
  }

  CsDateTime addTicks(long delta) {
    long t = ticks + delta;
    if (t < 0 || t > 3_155_378_975_999_999_999L) {
      throw Values.fail("ArgumentOutOfRangeException",
          "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')");
    }
    return new CsDateTime(t, kind);
  }

  CsDateTime addMonths(int months) {
    return of(local().plusMonths(months).toInstant(ZoneOffset.UTC), kind);
  }

  @Override
  public int compareTo(CsDateTime o) {
    return Long.compare(ticks, o.ticks);
  }

  @Override
  public String toString() {
    return format("MM/dd/yyyy HH:mm:ss");
  }

  /** {@code DateTime.ToString(format)} with the invariant culture. */
  String format(String fmt) {
    if (fmt == null || fmt.isEmpty()) {
      return toString();
    }
    if (fmt.length() == 1) {
      switch (fmt.charAt(0)) {
        case 'o', 'O' -> {
          String k = switch (kind) {
            case Utc -> "Z";
            case Local -> "+00:00";
            case Unspecified -> "";
          };
          return format("yyyy-MM-ddTHH:mm:ss.fffffff") + k;
        }
        case 'r', 'R' -> {
          return format("ddd, dd MMM yyyy HH:mm:ss 'GMT'");
        }
        case 's' -> {
          return format("yyyy-MM-ddTHH:mm:ss");
        }
        case 'u' -> {
          return format("yyyy-MM-dd HH:mm:ss'Z'");
        }
        case 'd' -> {
          return format("MM/dd/yyyy");
        }
        case 'D' -> {
          return format("dddd, dd MMMM yyyy");
        }
        case 'g' -> {
          return format("MM/dd/yyyy HH:mm");
        }
        case 'G' -> {
          return toString();
        }
        case 't' -> {
          return format("HH:mm");
        }
        case 'T' -> {
          return format("HH:mm:ss");
        }
        default -> throw Values.fail("FormatException", "Input string was not in a correct format.");
      }
    }
    LocalDateTime t = local();
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      int n = 1;
      while (i + n < fmt.length() && fmt.charAt(i + n) == c) {
        n++;
      }
      switch (c) {
        case 'y' -> sb.append(n <= 2 ? pad(t.getYear() % 100, n) : pad(t.getYear(), n));
        case 'M' -> sb.append(n <= 2 ? pad(t.getMonthValue(), n)
            : t.getMonth().getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ROOT));
        case 'd' -> sb.append(n <= 2 ? pad(t.getDayOfMonth(), n) : dayName(t.getDayOfWeek(), n));
        case 'H' -> sb.append(pad(t.getHour(), Math.min(n, 2)));
        case 'h' -> sb.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, Math.min(n, 2)));
        case 'm' -> sb.append(pad(t.getMinute(), Math.min(n, 2)));
        case 's' -> sb.append(pad(t.getSecond(), Math.min(n, 2)));
        case 'f', 'F' -> {
          String frac = String.format(Locale.ROOT, "%07d", Math.floorMod(ticks, 10_000_000L)).substring(0, Math.min(n, 7));
          if (c == 'F') {
            frac = frac.replaceAll("0+$", "");
          }
          sb.append(frac);
        }
        case 't' -> sb.append(n == 1 ? (t.getHour() < 12 ? "A" : "P") : (t.getHour() < 12 ? "AM" : "PM"));
        case 'K' -> sb.append(kind == DateKind.Utc ? "Z" : kind == DateKind.Local ? "+00:00" : "");
        case 'z' -> sb.append(n == 1 ? "+0" : n == 2 ? "+00" : "+00:00");
        case '\'', '"' -> {
          int end = fmt.indexOf(c, i + 1);
          if (end < 0) {
            throw Values.fail("FormatException", "Cannot find a matching quote character for the character '" + c + "'.");
          }
          sb.append(fmt, i + 1, end);
          n = end - i + 1;
        }
        case '\\' -> {
          if (i + 1 < fmt.length()) {
            sb.append(fmt.charAt(i + 1));
          }
          n = 2;
        }
        default -> sb.append(String.valueOf(c).repeat(n));
      }
      i += n;
    }
    return sb.toString();
  }

  private static String dayName(DayOfWeek d, int n) {
    return d.getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ROOT);
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
