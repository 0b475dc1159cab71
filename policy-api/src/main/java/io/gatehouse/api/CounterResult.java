package io.gatehouse.api;

/**
 * What a {@link CounterStore} reports about one counter.
 *
 * @param admitted whether the hit stays within the limit (for {@link CounterStore#peek}: whether it would)
 * @param count the counter's value in the current window after the call ({@code -1} when unknown, see
 *     {@link #unknown()})
 * @param retryAfterMillis when not admitted, how long until a hit of the same amount can be admitted
 *     ({@link Long#MAX_VALUE} for a window that never resets); 0 when admitted
 */
public record CounterResult(boolean admitted, long count, long retryAfterMillis) {
  private static final CounterResult UNKNOWN = new CounterResult(true, -1, 0);

  /** The answer of a fail-open store that could not reach its backing service: admitted, count unknown. */
  public static CounterResult unknown() {
    return UNKNOWN;
  }

  /** Whether the count is known (false after a fail-open answer). */
  public boolean known() {
    return count >= 0;
  }

  /** Calls left before the limit, never negative; {@code limit} when the count is unknown. */
  public long remaining(long limit) {
    return count < 0 ? limit : Math.max(0, limit - count);
  }
}
