package io.gatehouse.engine.expr.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code System.TimeSpan}: a signed tick count (100 ns). {@code FromDays/Hours/Minutes/Seconds/Milliseconds/Ticks},
 * {@code Days … Milliseconds}, {@code TotalDays … TotalMilliseconds}, {@code Ticks}, {@code Add}, {@code Subtract},
 * {@code Negate}, {@code Duration}, comparisons, {@code Parse} (constant format), {@code ToString()}
 * ({@code [-][d.]hh:mm:ss[.fffffff]}) and {@code ToString("c"|"g"|"G"|custom)}.
 */
public final class CsTimeSpan implements Comparable<CsTimeSpan> {
  /** Ticks per millisecond. */
  public static final long TICKS_PER_MILLISECOND = 10_000L;
  /** Ticks per second. */
  public static final long TICKS_PER_SECOND = 10_000_000L;
  /** Ticks per minute. */
  public static final long TICKS_PER_MINUTE = 600_000_000L;
  /** Ticks per hour. */
  public static final long TICKS_PER_HOUR = 36_000_000_000L;
  /** Ticks per day. */
  public static final long TICKS_PER_DAY = 864_000_000_000L;
  /** {@code TimeSpan.Zero}. */
  public static final CsTimeSpan ZERO = new CsTimeSpan(0);
  /** {@code TimeSpan.MaxValue}. */
  public static final CsTimeSpan MAX_VALUE = new CsTimeSpan(Long.MAX_VALUE);
  /** {@code TimeSpan.MinValue}. */
  public static final CsTimeSpan MIN_VALUE = new CsTimeSpan(Long.MIN_VALUE);

  private static final Pattern CONSTANT =
      Pattern.compile("\\s*(-)?(?:(\\d{1,8})[.:])?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?\\s*");
  private static final Pattern DAYS_ONLY = Pattern.compile("\\s*(-)?(\\d{1,8})\\s*");

  private final long ticks;

  private CsTimeSpan(long ticks) {
    this.ticks = ticks;
  }

  /** {@code new TimeSpan(ticks)}. */
  public static CsTimeSpan ofTicks(long ticks) {
    return new CsTimeSpan(ticks);
  }

  /** {@code new TimeSpan(h, m, s)}. */
  public static CsTimeSpan of(int hours, int minutes, int seconds) {
    return of(0, hours, minutes, seconds, 0);
  }

  /** {@code new TimeSpan(d, h, m, s[, ms])}. */
  public static CsTimeSpan of(int days, int hours, int minutes, int seconds, int milliseconds) {
    java.math.BigInteger t = java.math.BigInteger.valueOf(days).multiply(java.math.BigInteger.valueOf(TICKS_PER_DAY))
        .add(java.math.BigInteger.valueOf(hours * 3600L + minutes * 60L + seconds)
            .multiply(java.math.BigInteger.valueOf(TICKS_PER_SECOND)))
        .add(java.math.BigInteger.valueOf(milliseconds * TICKS_PER_MILLISECOND));
    if (t.bitLength() > 63) {
      throw CsException.argumentOutOfRange(null, "TimeSpan overflowed because the duration is too long.");
    }
    return new CsTimeSpan(t.longValue());
  }

  /** {@code TimeSpan.FromDays(double)}. */
  public static CsTimeSpan fromDays(double v) {
    return interval(v, TICKS_PER_DAY);
  }

  /** {@code TimeSpan.FromHours(double)}. */
  public static CsTimeSpan fromHours(double v) {
    return interval(v, TICKS_PER_HOUR);
  }

  /** {@code TimeSpan.FromMinutes(double)}. */
  public static CsTimeSpan fromMinutes(double v) {
    return interval(v, TICKS_PER_MINUTE);
  }

  /** {@code TimeSpan.FromSeconds(double)}. */
  public static CsTimeSpan fromSeconds(double v) {
    return interval(v, TICKS_PER_SECOND);
  }

  /** {@code TimeSpan.FromMilliseconds(double)}. */
  public static CsTimeSpan fromMilliseconds(double v) {
    return interval(v, TICKS_PER_MILLISECOND);
  }

  /** {@code TimeSpan.FromTicks(long)}. */
  public static CsTimeSpan fromTicks(long v) {
    return new CsTimeSpan(v);
  }

  private static CsTimeSpan interval(double value, long scale) {
    if (Double.isNaN(value)) {
      throw CsException.argument("TimeSpan does not accept floating point Not-a-Number values.", null);
    }
    double t = value * scale;
    if (t > Long.MAX_VALUE || t < Long.MIN_VALUE) {
      throw new CsException("OverflowException", "TimeSpan overflowed because the duration is too long.");
    }
    return new CsTimeSpan((long) t);
  }

  /** {@code Ticks}. */
  public long ticks() {
    return ticks;
  }

  /** {@code Days}. */
  public int days() {
    return (int) (ticks / TICKS_PER_DAY);
  }

  /** {@code Hours}. */
  public int hours() {
    return (int) (ticks / TICKS_PER_HOUR % 24);
  }

  /** {@code Minutes}. */
  public int minutes() {
    return (int) (ticks / TICKS_PER_MINUTE % 60);
  }

  /** {@code Seconds}. */
  public int seconds() {
    return (int) (ticks / TICKS_PER_SECOND % 60);
  }

  /** {@code Milliseconds}. */
  public int milliseconds() {
    return (int) (ticks / TICKS_PER_MILLISECOND % 1000);
  }

  /** {@code TotalDays}. */
  public double totalDays() {
    return (double) ticks / TICKS_PER_DAY;
  }

  /** {@code TotalHours}. */
  public double totalHours() {
    return (double) ticks / TICKS_PER_HOUR;
  }

  /** {@code TotalMinutes}. */
  public double totalMinutes() {
    return (double) ticks / TICKS_PER_MINUTE;
  }

  /** {@code TotalSeconds}. */
  public double totalSeconds() {
    return (double) ticks / TICKS_PER_SECOND;
  }

  /** {@code TotalMilliseconds}. */
  public double totalMilliseconds() {
    return (double) ticks / TICKS_PER_MILLISECOND;
  }

  /** {@code Add(TimeSpan)} / {@code +}; overflow → OverflowException. */
  public CsTimeSpan add(CsTimeSpan other) {
    try {
      return new CsTimeSpan(Math.addExact(ticks, other.ticks));
    } catch (ArithmeticException e) {
      throw new CsException("OverflowException", "TimeSpan overflowed because the duration is too long.");
    }
  }

  /** {@code Subtract(TimeSpan)} / {@code -}. */
  public CsTimeSpan subtract(CsTimeSpan other) {
    try {
      return new CsTimeSpan(Math.subtractExact(ticks, other.ticks));
    } catch (ArithmeticException e) {
      throw new CsException("OverflowException", "TimeSpan overflowed because the duration is too long.");
    }
  }

  /** {@code Negate()} / unary {@code -}. */
  public CsTimeSpan negate() {
    if (ticks == Long.MIN_VALUE) {
      throw new CsException("OverflowException", "Negating the minimum value of a twos complement number is invalid.");
    }
    return new CsTimeSpan(-ticks);
  }

  /** {@code Duration()}: absolute value. */
  public CsTimeSpan duration() {
    return ticks < 0 ? negate() : this;
  }

  @Override
  public int compareTo(CsTimeSpan o) {
    return Long.compare(ticks, o.ticks);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsTimeSpan t && t.ticks == ticks;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(ticks);
  }

  /** {@code TimeSpan.Parse(s)} in the constant format {@code [-][d.]hh:mm[:ss[.fffffff]]} or {@code [-]d}. */
  public static CsTimeSpan parse(String s) {
    if (s == null) {
      throw CsException.argumentNull("input");
    }
    CsTimeSpan t = tryParse(s);
    if (t == null) {
      throw CsException.format("String '" + s + "' was not recognized as a valid TimeSpan.");
    }
    return t;
  }

  /** {@code TimeSpan.TryParse}: the value or null. */
  public static CsTimeSpan tryParse(String s) {
    if (s == null) {
      return null;
    }
    Matcher d = DAYS_ONLY.matcher(s);
    if (d.matches()) {
      long days = Long.parseLong(d.group(2));
      return days > 10675199 ? null : new CsTimeSpan((d.group(1) != null ? -1 : 1) * days * TICKS_PER_DAY);
    }
    Matcher m = CONSTANT.matcher(s);
    if (!m.matches()) {
      return null;
    }
    long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    int h = Integer.parseInt(m.group(3));
    int mi = Integer.parseInt(m.group(4));
    int sec = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
    if (h > 23 || mi > 59 || sec > 59 || days > 10675199) {
      return null;
    }
    String f = m.group(6) == null ? "" : m.group(6);
    long frac = f.isEmpty() ? 0 : Long.parseLong((f + "0000000").substring(0, 7));
    long t = days * TICKS_PER_DAY + h * TICKS_PER_HOUR + mi * TICKS_PER_MINUTE + sec * TICKS_PER_SECOND + frac;
    return new CsTimeSpan(m.group(1) != null ? -t : t);
  }

  /** {@code ToString()}: {@code [-][d.]hh:mm:ss[.fffffff]}. */
  @Override
  public String toString() {
    return toString("c");
  }

  /** {@code ToString(format)}: {@code c}/{@code t}/{@code T}, {@code g}, {@code G} or a custom format. */
  public String toString(String format) {
    if (format == null || format.isEmpty() || format.equals("c") || format.equals("t") || format.equals("T")) {
      return standard(false, false);
    }
    if (format.equals("g")) {
      return standard(true, false);
    }
    if (format.equals("G")) {
      return standard(true, true);
    }
    if (format.length() == 1) {
      throw CsException.format("Input string was not in a correct format.");
    }
    return custom(format);
  }

  private String standard(boolean general, boolean longForm) {
    StringBuilder sb = new StringBuilder();
    long t = ticks;
    if (t < 0) {
      sb.append('-');
    }
    long abs = Math.abs(t == Long.MIN_VALUE ? t + 1 : t);
    long days = abs / TICKS_PER_DAY;
    long rest = abs % TICKS_PER_DAY;
    long h = rest / TICKS_PER_HOUR;
    long mi = rest / TICKS_PER_MINUTE % 60;
    long s = rest / TICKS_PER_SECOND % 60;
    long frac = rest % TICKS_PER_SECOND;
    if (t == Long.MIN_VALUE) {
      frac++;
    }
    if (!general) {
      if (days != 0) {
        sb.append(days).append('.');
      }
      sb.append(two(h)).append(':').append(two(mi)).append(':').append(two(s));
      if (frac != 0) {
        sb.append('.').append(String.format("%07d", frac));
      }
    } else if (!longForm) {
      if (days != 0) {
        sb.append(days).append(':');
      }
      sb.append(h).append(':').append(two(mi)).append(':').append(two(s));
      if (frac != 0) {
        String f = String.format("%07d", frac).replaceAll("0+$", "");
        sb.append('.').append(f);
      }
    } else {
      sb.append(days).append(':').append(two(h)).append(':').append(two(mi)).append(':').append(two(s))
          .append('.').append(String.format("%07d", frac));
    }
    return sb.toString();
  }

  private String custom(String format) {
    long abs = Math.abs(ticks);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      int n = 1;
      while (i + n < format.length() && format.charAt(i + n) == c) {
        n++;
      }
      switch (c) {
        case 'd' -> {
          if (n > 8) {
            throw CsException.format("Input string was not in a correct format.");
          }
          sb.append(pad(abs / TICKS_PER_DAY, n));
        }
        case 'h' -> sb.append(pad(abs / TICKS_PER_HOUR % 24, checkMax(n, 2)));
        case 'm' -> sb.append(pad(abs / TICKS_PER_MINUTE % 60, checkMax(n, 2)));
        case 's' -> sb.append(pad(abs / TICKS_PER_SECOND % 60, checkMax(n, 2)));
        case 'f', 'F' -> {
          checkMax(n, 7);
          String f = String.format("%07d", abs % TICKS_PER_SECOND).substring(0, n);
          sb.append(c == 'F' ? f.replaceAll("0+$", "") : f);
        }
        case '\'', '"' -> {
          int end = format.indexOf(c, i + 1);
          if (end < 0) {
            throw CsException.format("Input string was not in a correct format.");
          }
          sb.append(format, i + 1, end);
          i = end + 1;
          continue;
        }
        case '\\' -> {
          if (i + 1 >= format.length()) {
            throw CsException.format("Input string was not in a correct format.");
          }
          sb.append(format.charAt(i + 1));
          i += 2;
          continue;
        }
        case '%' -> {
          i++;
          continue;
        }
        default -> throw CsException.format("Input string was not in a correct format.");
      }
      i += n;
    }
    return sb.toString();
  }

  private static int checkMax(int n, int max) {
    if (n > max) {
      throw CsException.format("Input string was not in a correct format.");
    }
    return n;
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private static String two(long v) {
    return v < 10 ? "0" + v : Long.toString(v);
  }
}
