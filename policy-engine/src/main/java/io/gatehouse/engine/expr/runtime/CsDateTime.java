package io.gatehouse.engine.expr.runtime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code System.DateTime}: ticks since 0001-01-01 plus a {@link CsDateTimeKind}. Local time zone = UTC (DECISION), so
 * {@code Now} equals {@code UtcNow} with Kind Local. Clocks are supplied by the caller as an {@link Instant}.
 *
 * <p>Members: {@code UtcNow}, {@code Now}, {@code Today}, {@code MinValue}, {@code MaxValue}, constructors,
 * {@code Year … Millisecond}, {@code Ticks}, {@code Kind}, {@code Date}, {@code DayOfWeek}, {@code DayOfYear},
 * {@code TimeOfDay}, {@code AddX}, {@code Add}, {@code Subtract}, comparisons (ticks only, Kind ignored),
 * {@code ToUniversalTime}, {@code ToLocalTime}, {@code SpecifyKind}, {@code IsLeapYear}, {@code DaysInMonth},
 * {@code Parse}/{@code TryParse}, {@code ToString()} ({@code MM/dd/yyyy HH:mm:ss}) and {@code ToString(format)}.
 */
public final class CsDateTime implements Comparable<CsDateTime> {
  /** Ticks at 1970-01-01T00:00:00. */
  public static final long UNIX_EPOCH_TICKS = 621_355_968_000_000_000L;
  /** Ticks of {@code DateTime.MaxValue}. */
  public static final long MAX_TICKS = 3_155_378_975_999_999_999L;
  /** {@code DateTime.MinValue}. */
  public static final CsDateTime MIN_VALUE = new CsDateTime(0, CsDateTimeKind.Unspecified);
  /** {@code DateTime.MaxValue}. */
  public static final CsDateTime MAX_VALUE = new CsDateTime(MAX_TICKS, CsDateTimeKind.Unspecified);
  /** {@code DateTime.UnixEpoch} (Kind Utc). */
  public static final CsDateTime UNIX_EPOCH = new CsDateTime(UNIX_EPOCH_TICKS, CsDateTimeKind.Utc);

  private static final Pattern ISO = Pattern.compile(
      "\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,7})\\d*)?)?)?"
          + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern US = Pattern.compile(
      "\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7})\\d*)?)?\\s*(AM|PM)?)?"
          + "\\s*(Z|[+-]\\d{2}:?\\d{2})?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern RFC1123 = Pattern.compile(
      "\\s*(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(GMT|UTC|Z)?\\s*");

  private final long ticks;
  private final CsDateTimeKind kind;

  private CsDateTime(long ticks, CsDateTimeKind kind) {
    this.ticks = ticks;
    this.kind = kind;
  }

  /** {@code new DateTime(ticks[, kind])}; out of range → ArgumentOutOfRangeException. */
  public static CsDateTime ofTicks(long ticks, CsDateTimeKind kind) {
    if (ticks < 0 || ticks > MAX_TICKS) {
      throw CsException.argumentOutOfRange("ticks",
          "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
    }
    return new CsDateTime(ticks, kind == null ? CsDateTimeKind.Unspecified : kind);
  }

  /** {@code new DateTime(y, m, d)}. */
  public static CsDateTime of(int year, int month, int day) {
    return of(year, month, day, 0, 0, 0, 0, CsDateTimeKind.Unspecified);
  }

  /** {@code new DateTime(y, m, d, h, mi, s[, ms][, kind])}; invalid components → ArgumentOutOfRangeException. */
  public static CsDateTime of(int year, int month, int day, int hour, int minute, int second, int millisecond,
      CsDateTimeKind kind) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
        || millisecond < 0 || millisecond > 999) {
      throw CsException.argumentOutOfRange(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
    }
    LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
    return new CsDateTime(fromLocalDateTime(t) + millisecond * CsTimeSpan.TICKS_PER_MILLISECOND,
        kind == null ? CsDateTimeKind.Unspecified : kind);
  }

  /** {@code DateTime.UtcNow} for the given clock reading. */
  public static CsDateTime utcNow(Instant now) {
    return fromInstant(now, CsDateTimeKind.Utc);
  }

  /** {@code DateTime.Now}: same value as UtcNow, Kind Local (DECISION: local zone = UTC). */
  public static CsDateTime now(Instant now) {
    return fromInstant(now, CsDateTimeKind.Local);
  }

  /** {@code DateTime.Today}: midnight of {@code Now}, Kind Local. */
  public static CsDateTime today(Instant now) {
    return now(now).date();
  }

  /** The DateTime of an instant with the given kind (clock time in UTC = local). */
  public static CsDateTime fromInstant(Instant i, CsDateTimeKind kind) {
    long ticks = Math.addExact(Math.addExact(Math.multiplyExact(i.getEpochSecond(), CsTimeSpan.TICKS_PER_SECOND),
        i.getNano() / 100), UNIX_EPOCH_TICKS);
    return ofTicks(ticks, kind);
  }

  /** This value as an instant, reading the clock as UTC (all kinds, since local = UTC). */
  public Instant toInstant() {
    long t = ticks - UNIX_EPOCH_TICKS;
    return Instant.ofEpochSecond(Math.floorDiv(t, CsTimeSpan.TICKS_PER_SECOND),
        Math.floorMod(t, CsTimeSpan.TICKS_PER_SECOND) * 100);
  }

  static LocalDateTime toLocalDateTime(long ticks) {
    long t = ticks - UNIX_EPOCH_TICKS;
    return LocalDateTime.ofEpochSecond(Math.floorDiv(t, CsTimeSpan.TICKS_PER_SECOND),
        (int) (Math.floorMod(t, CsTimeSpan.TICKS_PER_SECOND) * 100), ZoneOffset.UTC);
  }

  static long fromLocalDateTime(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * CsTimeSpan.TICKS_PER_SECOND + t.getNano() / 100 + UNIX_EPOCH_TICKS;
  }

  private LocalDateTime ldt() {
    return toLocalDateTime(ticks);
  }

  /** {@code Ticks}. */
  public long ticks() {
    return ticks;
  }

  /** {@code Kind}. */
  public CsDateTimeKind kind() {
    return kind;
  }

  /** {@code Year}. */
  public int year() {
    return ldt().getYear();
  }

  /** {@code Month}. */
  public int month() {
    return ldt().getMonthValue();
  }

  /** {@code Day}. */
  public int day() {
    return ldt().getDayOfMonth();
  }

  /** {@code Hour}. */
  public int hour() {
    return ldt().getHour();
  }

  /** {@code Minute}. */
  public int minute() {
    return ldt().getMinute();
  }

  /** {@code Second}. */
  public int second() {
    return ldt().getSecond();
  }

  /** {@code Millisecond}. */
  public int millisecond() {
    return (int) (ticks / CsTimeSpan.TICKS_PER_MILLISECOND % 1000);
  }

  /** {@code DayOfWeek}. */
  public CsDayOfWeek dayOfWeek() {
    return CsDayOfWeek.values()[ldt().getDayOfWeek().getValue() % 7];
  }

  /** {@code DayOfYear}. */
  public int dayOfYear() {
    return ldt().getDayOfYear();
  }

  /** {@code Date}: midnight, same Kind. */
  public CsDateTime date() {
    return new CsDateTime(ticks - ticks % CsTimeSpan.TICKS_PER_DAY, kind);
  }

  /** {@code TimeOfDay}. */
  public CsTimeSpan timeOfDay() {
    return CsTimeSpan.ofTicks(ticks % CsTimeSpan.TICKS_PER_DAY);
  }

  /** {@code AddTicks}. */
  public CsDateTime addTicks(long value) {
    long t = ticks + value;
    if (value > MAX_TICKS || value < -MAX_TICKS || t < 0 || t > MAX_TICKS) {
      throw CsException.argumentOutOfRange("value",
          "The added or subtracted value results in an un-representable DateTime.");
    }
    return new CsDateTime(t, kind);
  }

  /** {@code Add(TimeSpan)} / {@code +}. */
  public CsDateTime add(CsTimeSpan span) {
    return addTicks(span.ticks());
  }

  /** {@code AddMilliseconds(double)}: rounded to whole milliseconds (.NET Framework/Mono and .NET ≤ 6 behaviour). */
  public CsDateTime addMilliseconds(double value) {
    return addScaled(value, 1);
  }

  /** {@code AddSeconds(double)}. */
  public CsDateTime addSeconds(double value) {
    return addScaled(value, 1000);
  }

  /** {@code AddMinutes(double)}. */
  public CsDateTime addMinutes(double value) {
    return addScaled(value, 60_000);
  }

  /** {@code AddHours(double)}. */
  public CsDateTime addHours(double value) {
    return addScaled(value, 3_600_000);
  }

  /** {@code AddDays(double)}. */
  public CsDateTime addDays(double value) {
    return addScaled(value, 86_400_000);
  }

  private CsDateTime addScaled(double value, long scale) {
    double millis = value * scale + (value >= 0 ? 0.5 : -0.5);
    if (Double.isNaN(millis) || millis <= -315537897600000.0 || millis >= 315537897600000.0) {
      throw CsException.argumentOutOfRange("value", "Value to add was out of range.");
    }
    return addTicks((long) millis * CsTimeSpan.TICKS_PER_MILLISECOND);
  }

  /** {@code AddMonths(int)}: day clamped to the target month's length. */
  public CsDateTime addMonths(int months) {
    if (months < -120000 || months > 120000) {
      throw CsException.argumentOutOfRange("months", "Months value must be between +/-120000.");
    }
    LocalDateTime t = ldt().plusMonths(months);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      throw CsException.argumentOutOfRange("months", "The added or subtracted value results in an un-representable DateTime.");
    }
    return new CsDateTime(fromLocalDateTime(t), kind);
  }

  /** {@code AddYears(int)}. */
  public CsDateTime addYears(int years) {
    if (years < -10000 || years > 10000) {
      throw CsException.argumentOutOfRange("years", "The added or subtracted value results in an un-representable DateTime.");
    }
    return addMonths(years * 12);
  }

  /** {@code Subtract(DateTime)} / {@code a - b} → TimeSpan (Kind ignored). */
  public CsTimeSpan subtract(CsDateTime other) {
    return CsTimeSpan.ofTicks(ticks - other.ticks);
  }

  /** {@code Subtract(TimeSpan)} / {@code a - span}. */
  public CsDateTime subtract(CsTimeSpan span) {
    return addTicks(-span.ticks());
  }

  /** {@code ToUniversalTime()}: Kind Utc, same clock value (local = UTC). */
  public CsDateTime toUniversalTime() {
    return new CsDateTime(ticks, CsDateTimeKind.Utc);
  }

  /** {@code ToLocalTime()}: Kind Local, same clock value. */
  public CsDateTime toLocalTime() {
    return new CsDateTime(ticks, CsDateTimeKind.Local);
  }

  /** {@code DateTime.SpecifyKind(value, kind)}. */
  public static CsDateTime specifyKind(CsDateTime value, CsDateTimeKind kind) {
    return new CsDateTime(value.ticks, kind);
  }

  /** {@code IsDaylightSavingTime()}: always false (UTC). */
  public boolean isDaylightSavingTime() {
    return false;
  }

  /** {@code DateTime.IsLeapYear(year)}. */
  public static boolean isLeapYear(int year) {
    if (year < 1 || year > 9999) {
      throw CsException.argumentOutOfRange("year", "Year must be between 1 and 9999.");
    }
    return java.time.Year.isLeap(year);
  }

  /** {@code DateTime.DaysInMonth(year, month)}. */
  public static int daysInMonth(int year, int month) {
    if (month < 1 || month > 12) {
      throw CsException.argumentOutOfRange("month", "Month must be between one and twelve.");
    }
    return java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  @Override
  public int compareTo(CsDateTime o) {
    return Long.compare(ticks, o.ticks);
  }

  /** {@code DateTime.Compare(a, b)}. */
  public static int compare(CsDateTime a, CsDateTime b) {
    return a.compareTo(b);
  }

  /** {@code ==}: ticks only, Kind ignored (as .NET). */
  @Override
  public boolean equals(Object o) {
    return o instanceof CsDateTime d && d.ticks == ticks;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(ticks);
  }

  /** {@code ToString()}: {@code MM/dd/yyyy HH:mm:ss} (invariant culture). */
  @Override
  public String toString() {
    return CsDateTimeFormat.format(ticks, kind, 0, null);
  }

  /** {@code ToString(format)}. */
  public String toString(String format) {
    return CsDateTimeFormat.format(ticks, kind, 0, format);
  }

  /**
   * {@code DateTime.Parse(s)} with the invariant culture: ISO 8601 ({@code yyyy-MM-dd[THH:mm[:ss[.f…]]][Z|±hh:mm]}),
   * {@code MM/dd/yyyy[ HH:mm[:ss][ AM|PM]]} and RFC 1123. A zone designator gives Kind Local (converted to local =
   * UTC); otherwise Unspecified. Failure → FormatException.
   */
  public static CsDateTime parse(String s) {
    if (s == null) {
      throw CsException.argumentNull("s");
    }
    CsDateTime d = tryParse(s);
    if (d == null) {
      throw CsException.format("String '" + s + "' was not recognized as a valid DateTime.");
    }
    return d;
  }

  /** {@code DateTime.TryParse}: the value or null. */
  public static CsDateTime tryParse(String s) {
    if (s == null) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            m.group(4), m.group(5), m.group(6), m.group(7), null, m.group(8));
      }
      m = US.matcher(s);
      if (m.matches()) {
        return build(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            m.group(4), m.group(5), m.group(6), m.group(7), m.group(8), m.group(9));
      }
      m = RFC1123.matcher(s);
      if (m.matches()) {
        int month = -1;
        for (int i = 0; i < 12; i++) {
          if (CsDateTimeFormat.MONTHS[i].substring(0, 3).equalsIgnoreCase(m.group(2))) {
            month = i + 1;
          }
        }
        if (month < 0) {
          return null;
        }
        return build(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)), m.group(4), m.group(5),
            m.group(6), null, null, m.group(7) == null ? null : "Z");
      }
    } catch (CsException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static CsDateTime build(int y, int mo, int d, String h, String mi, String s, String frac, String ampm,
      String zone) {
    int hour = h == null ? 0 : Integer.parseInt(h);
    if (ampm != null) {
      if (hour < 1 || hour > 12) {
        return null;
      }
      hour = hour % 12 + (ampm.equalsIgnoreCase("PM") ? 12 : 0);
    }
    CsDateTime base = of(y, mo, d, hour, mi == null ? 0 : Integer.parseInt(mi), s == null ? 0 : Integer.parseInt(s),
        0, CsDateTimeKind.Unspecified);
    long t = base.ticks;
    if (frac != null) {
      t += Long.parseLong((frac + "000000").substring(0, 7));
    }
    if (zone == null) {
      return ofTicks(t, CsDateTimeKind.Unspecified);
    }
    if (!zone.equalsIgnoreCase("Z")) {
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      String digits = zone.substring(1).replace(":", "");
      int oh = Integer.parseInt(digits.substring(0, 2));
      int om = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
      t -= sign * (oh * CsTimeSpan.TICKS_PER_HOUR + om * CsTimeSpan.TICKS_PER_MINUTE);
    }
    return ofTicks(t + CsRuntimeSettings.LOCAL_OFFSET.getTotalSeconds() * CsTimeSpan.TICKS_PER_SECOND,
        CsDateTimeKind.Local);
  }
}
