package io.gatehouse.engine.counter;

import io.gatehouse.api.CounterResult;

/** One counter of the in-memory store: a sliding or fixed window over the engine clock. Thread-safe, lock-free. */
interface WindowCounter {
  /** Adds {@code amount} and reports whether the count is now at most {@code limit}. */
  CounterResult hit(long amount, long limit, long nowMillis);

  /** Whether a hit of {@code amount} would be admitted, without counting it. */
  CounterResult peek(long amount, long limit, long nowMillis);

  /** Adds {@code amount} without a check. */
  void add(long amount, long nowMillis);

  /** Milliseconds after {@code nowMillis} until the counter holds nothing any window could still count. */
  long idleAfter(long nowMillis);
}
