package io.gatehouse.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The time window a counter counts in.
 *
 * <p>A <b>sliding</b> window ({@code rate-limit}, {@code rate-limit-by-key}) counts the hits of the last
 * {@code lengthMillis}; stores must never let more than the limit through in any interval of that length (they may
 * be conservative: the in-memory and Redis stores count in {@link #SLIDING_BUCKETS} sub-buckets plus the partial
 * oldest one). A <b>fixed</b> window ({@code quota}, {@code quota-by-key}) counts from
 * {@code originMillis + k * lengthMillis} to the next such instant; {@code lengthMillis == 0} never resets.
 *
 * @param sliding sliding (true) or fixed (false)
 * @param lengthMillis window length in milliseconds; {@code > 0} for sliding windows, {@code >= 0} for fixed ones
 * @param originMillis epoch milliseconds the fixed periods are aligned to; 0 for sliding windows
 */
public record CounterWindow(boolean sliding, long lengthMillis, long originMillis) {
  /** Number of sub-buckets a sliding window is divided into; the error bound is one bucket (1/10 of the window). */
  public static final int SLIDING_BUCKETS = 10;

  public CounterWindow {
    if (sliding ? lengthMillis <= 0 : lengthMillis < 0) {
      throw new IllegalArgumentException("window length must be positive (fixed windows: 0 = never resets)");
    }
    if (sliding && originMillis != 0) {
      throw new IllegalArgumentException("sliding windows have no origin");
    }
  }

  /** A sliding window of {@code length}. */
  public static CounterWindow sliding(Duration length) {
    return new CounterWindow(true, length.toMillis(), 0);
  }

  /** Fixed periods of {@code length} starting at {@code origin}; {@link Duration#ZERO} never resets. */
  public static CounterWindow fixed(Duration length, Instant origin) {
    return new CounterWindow(false, length.toMillis(), origin.toEpochMilli());
  }

  /** Whether the window never resets (a fixed window of length 0). */
  public boolean neverResets() {
    return !sliding && lengthMillis == 0;
  }

  /** Width of one sliding sub-bucket in milliseconds: {@code ceil(length / SLIDING_BUCKETS)}, so B buckets cover it. */
  public long bucketMillis() {
    return Math.max(1, (lengthMillis + SLIDING_BUCKETS - 1) / SLIDING_BUCKETS);
  }

  /** The fixed period containing {@code nowMillis} (0 when the window never resets; negative before the origin). */
  public long period(long nowMillis) {
    return lengthMillis == 0 ? 0 : Math.floorDiv(nowMillis - originMillis, lengthMillis);
  }

  /** Epoch milliseconds at which fixed period {@code period} ends ({@link Long#MAX_VALUE} if it never does). */
  public long periodEnd(long period) {
    return lengthMillis == 0 ? Long.MAX_VALUE : originMillis + (period + 1) * lengthMillis;
  }

  /** A short stable text form for store keys: {@code s60000} or {@code f3600000@1700000000000}. */
  public String id() {
    return sliding ? "s" + lengthMillis : "f" + lengthMillis + "@" + originMillis;
  }
}
