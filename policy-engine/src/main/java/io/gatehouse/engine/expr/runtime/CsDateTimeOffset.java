package io.gatehouse.engine.expr.runtime;

import java.time.Instant;

/**
 * {@code System.DateTimeOffset}: a clock value plus an offset. {@code UtcNow}, {@code Now}, {@code new
 * DateTimeOffset(DateTime[, TimeSpan])}, {@code FromUnixTimeSeconds}, {@code FromUnixTimeMilliseconds},
 * {@code ToUnixTimeSeconds}, {@code ToUnixTimeMilliseconds}, {@code UtcDateTime}, {@code DateTime},
 * {@code LocalDateTime}, {@code Offset}, {@code UtcTicks}, {@code Ticks}, components, {@code AddX}, comparisons and
 * equality by instant, {@code Parse}, {@code ToString()} ({@code MM/dd/yyyy HH:mm:ss +00:00}) and {@code ToString(fmt)}.
 */
public final class CsDateTimeOffset implements Comparable<CsDateTimeOffset> {
  private final CsDateTime clock;
  private final int offsetMinutes;

  private CsDateTimeOffset(CsDateTime clock, int offsetMinutes) {
    this.clock = CsDateTime.specifyKind(clock, CsDateTimeKind.Unspecified);
    this.offsetMinutes = offsetMinutes;
  }

  /** {@code new DateTimeOffset(DateTime)}: offset 0 for every Kind (local = UTC). */
  public static CsDateTimeOffset of(CsDateTime dt) {
    return new CsDateTimeOffset(dt, 0);
  }

  /** {@code new DateTimeOffset(DateTime, TimeSpan offset)}; a Utc kind with non-zero offset → ArgumentException. */
  public static CsDateTimeOffset of(CsDateTime dt, CsTimeSpan offset) {
    if (offset.ticks() % CsTimeSpan.TICKS_PER_MINUTE != 0) {
      throw CsException.argument("Offset must be specified in whole minutes.", "offset");
    }
    long minutes = offset.ticks() / CsTimeSpan.TICKS_PER_MINUTE;
    if (minutes < -14 * 60 || minutes > 14 * 60) {
      throw CsException.argumentOutOfRange("offset", "Offset must be within plus or minus 14 hours.");
    }
    if (dt.kind() != CsDateTimeKind.Unspecified && minutes != 0) {
      throw CsException.argument(dt.kind() == CsDateTimeKind.Utc
          ? "The UTC Offset for Utc DateTime instances must be 0."
          : "The UTC Offset of the local dateTime parameter does not match the offset argument.", "offset");
    }
    return new CsDateTimeOffset(dt, (int) minutes);
  }

  /** {@code DateTimeOffset.UtcNow}. */
  public static CsDateTimeOffset utcNow(Instant now) {
    return new CsDateTimeOffset(CsDateTime.utcNow(now), 0);
  }

  /** {@code DateTimeOffset.Now} (offset 0: local = UTC). */
  public static CsDateTimeOffset now(Instant now) {
    return utcNow(now);
  }

  /** {@code DateTimeOffset.FromUnixTimeSeconds(long)}. */
  public static CsDateTimeOffset fromUnixTimeSeconds(long seconds) {
    if (seconds < -62135596800L || seconds > 253402300799L) {
      throw CsException.argumentOutOfRange("seconds", "Valid values are between -62135596800 and 253402300799, inclusive.");
    }
    return new CsDateTimeOffset(CsDateTime.ofTicks(CsDateTime.UNIX_EPOCH_TICKS + seconds * CsTimeSpan.TICKS_PER_SECOND,
        CsDateTimeKind.Unspecified), 0);
  }

  /** {@code DateTimeOffset.FromUnixTimeMilliseconds(long)}. */
  public static CsDateTimeOffset fromUnixTimeMilliseconds(long ms) {
    if (ms < -62135596800000L || ms > 253402300799999L) {
      throw CsException.argumentOutOfRange("milliseconds",
          "Valid values are between -62135596800000 and 253402300799999, inclusive.");
    }
    return new CsDateTimeOffset(CsDateTime.ofTicks(CsDateTime.UNIX_EPOCH_TICKS + ms * CsTimeSpan.TICKS_PER_MILLISECOND,
        CsDateTimeKind.Unspecified), 0);
  }

  /** {@code UtcTicks}. */
  public long utcTicks() {
    return clock.ticks() - offsetMinutes * CsTimeSpan.TICKS_PER_MINUTE;
  }

  /** {@code Ticks} (clock ticks). */
  public long ticks() {
    return clock.ticks();
  }

  /** {@code ToUnixTimeSeconds()} (floor division, as .NET). */
  public long toUnixTimeSeconds() {
    return Math.floorDiv(utcTicks() - CsDateTime.UNIX_EPOCH_TICKS, CsTimeSpan.TICKS_PER_SECOND);
  }

  /** {@code ToUnixTimeMilliseconds()}. */
  public long toUnixTimeMilliseconds() {
    return Math.floorDiv(utcTicks() - CsDateTime.UNIX_EPOCH_TICKS, CsTimeSpan.TICKS_PER_MILLISECOND);
  }

  /** {@code UtcDateTime} (Kind Utc). */
  public CsDateTime utcDateTime() {
    return CsDateTime.ofTicks(utcTicks(), CsDateTimeKind.Utc);
  }

  /** {@code DateTime} (clock time, Kind Unspecified). */
  public CsDateTime dateTime() {
    return clock;
  }

  /** {@code LocalDateTime} (Kind Local; local = UTC). */
  public CsDateTime localDateTime() {
    return CsDateTime.ofTicks(utcTicks(), CsDateTimeKind.Local);
  }

  /** {@code Offset}. */
  public CsTimeSpan offset() {
    return CsTimeSpan.ofTicks(offsetMinutes * CsTimeSpan.TICKS_PER_MINUTE);
  }

  /** {@code Year}. */
  public int year() {
    return clock.year();
  }

  /** {@code Month}. */
  public int month() {
    return clock.month();
  }

  /** {@code Day}. */
  public int day() {
    return clock.day();
  }

  /** {@code Hour}. */
  public int hour() {
    return clock.hour();
  }

  /** {@code Minute}. */
  public int minute() {
    return clock.minute();
  }

  /** {@code Second}. */
  public int second() {
    return clock.second();
  }

  /** {@code Millisecond}. */
  public int millisecond() {
    return clock.millisecond();
  }

  /** {@code AddSeconds}. */
  public CsDateTimeOffset addSeconds(double v) {
    return new CsDateTimeOffset(clock.addSeconds(v), offsetMinutes);
  }

  /** {@code AddMinutes}. */
  public CsDateTimeOffset addMinutes(double v) {
    return new CsDateTimeOffset(clock.addMinutes(v), offsetMinutes);
  }

  /** {@code AddHours}. */
  public CsDateTimeOffset addHours(double v) {
    return new CsDateTimeOffset(clock.addHours(v), offsetMinutes);
  }

  /** {@code AddDays}. */
  public CsDateTimeOffset addDays(double v) {
    return new CsDateTimeOffset(clock.addDays(v), offsetMinutes);
  }

  /** {@code AddMilliseconds}. */
  public CsDateTimeOffset addMilliseconds(double v) {
    return new CsDateTimeOffset(clock.addMilliseconds(v), offsetMinutes);
  }

  /** {@code AddMonths}. */
  public CsDateTimeOffset addMonths(int v) {
    return new CsDateTimeOffset(clock.addMonths(v), offsetMinutes);
  }

  /** {@code AddYears}. */
  public CsDateTimeOffset addYears(int v) {
    return new CsDateTimeOffset(clock.addYears(v), offsetMinutes);
  }

  /** {@code Add(TimeSpan)}. */
  public CsDateTimeOffset add(CsTimeSpan v) {
    return new CsDateTimeOffset(clock.add(v), offsetMinutes);
  }

  /** {@code a - b} → TimeSpan between instants. */
  public CsTimeSpan subtract(CsDateTimeOffset other) {
    return CsTimeSpan.ofTicks(utcTicks() - other.utcTicks());
  }

  private static final java.util.regex.Pattern TRAILING_OFFSET =
      java.util.regex.Pattern.compile("([+-])(\\d{2}):?(\\d{2})?\\s*$");

  /** {@code DateTimeOffset.Parse(s)}: as DateTime.Parse; the zone designator becomes the offset (0 when absent). */
  public static CsDateTimeOffset parse(String s) {
    CsDateTime d = CsDateTime.parse(s);
    java.util.regex.Matcher m = TRAILING_OFFSET.matcher(s.strip());
    if (d.kind() == CsDateTimeKind.Local && m.find() && s.strip().length() > 10) {
      int minutes = Integer.parseInt(m.group(2)) * 60 + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
      minutes *= m.group(1).equals("-") ? -1 : 1;
      return new CsDateTimeOffset(d.addTicks(minutes * CsTimeSpan.TICKS_PER_MINUTE), minutes);
    }
    return new CsDateTimeOffset(d, 0);
  }

  @Override
  public int compareTo(CsDateTimeOffset o) {
    return Long.compare(utcTicks(), o.utcTicks());
  }

  /** {@code ==}: same instant. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CsDateTimeOffset d && d.utcTicks() == utcTicks();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(utcTicks());
  }

  /** {@code ToString()}: {@code MM/dd/yyyy HH:mm:ss +00:00}. */
  @Override
  public String toString() {
    return CsDateTimeFormat.format(clock.ticks(), null, offsetMinutes, null);
  }

  /** {@code ToString(format)}. */
  public String toString(String format) {
    return CsDateTimeFormat.format(clock.ticks(), null, offsetMinutes, format);
  }
}
