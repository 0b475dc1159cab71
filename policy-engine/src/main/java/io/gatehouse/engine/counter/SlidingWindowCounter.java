package io.gatehouse.engine.counter;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterWindow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A sliding-window counter that never admits more than the limit in any interval of the window's length.
 *
 * <p><b>Algorithm</b> (conservative sub-bucketed ring): time is cut into buckets of {@code w = length / B}
 * ({@code B =} {@link CounterWindow#SLIDING_BUCKETS}). The count at time {@code t} is the sum of the bucket holding
 * {@code t} and the {@code B} buckets before it, so it covers {@code (t - length, t]} plus at most one extra bucket
 * of older hits. Because every hit inside any interval {@code (a, a + length]} is still counted when the last of
 * them is decided, and a hit is admitted only if the count after it is at most the limit, no interval of
 * {@code length} ever holds more than {@code limit} admitted hits. <b>Error bound:</b> the only error is on the safe
 * side: a hit may be refused because of hits up to {@code length + w} old (the effective window lies between
 * {@code length} and {@code 1.1 * length}).
 *
 * <p><b>Concurrency</b> (lock-free, allocation-free between bucket boundaries): the state is an immutable
 * {@link State} (head bucket, the {@code B} older counts and their sum) plus one atomic head count. A hit is one
 * CAS on the head count. Moving to a new bucket seals the head count (sign bit) by CAS, so no hit can slip into
 * it afterwards, then installs the next state by CAS; a thread finding a sealed head helps install the next state,
 * so no thread waits for another. A thread whose clock reading is older than the head bucket (it read the clock
 * just before another thread moved the head) is counted in the head: its hit is treated as happening at the head
 * bucket's time, which keeps the bound above exact for the times the counter decided on.
 */
final class SlidingWindowCounter implements WindowCounter {
  private static final int B = CounterWindow.SLIDING_BUCKETS;
  private static final long SEALED = Long.MIN_VALUE;
  private static final VarHandle STATE;
  private static final VarHandle HEAD_COUNT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(SlidingWindowCounter.class, "state", State.class);
      HEAD_COUNT = lookup.findVarHandle(State.class, "headCount", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long bucketMillis;
  @SuppressWarnings("unused") // accessed through STATE
  private volatile State state;

  SlidingWindowCounter(CounterWindow window, long nowMillis) {
    this.bucketMillis = window.bucketMillis();
    this.state = new State(Math.floorDiv(nowMillis, bucketMillis), new long[B], 0);
  }

  /** The head bucket, the counts of the {@code B} buckets before it (oldest first) and their sum. */
  static final class State {
    final long head;
    final long[] older;
    final long olderSum;
    @SuppressWarnings("unused") // accessed through HEAD_COUNT
    volatile long headCount;

    State(long head, long[] older, long olderSum) {
      this.head = head;
      this.older = older;
      this.olderSum = olderSum;
    }

    /** Count of bucket {@code epoch} as seen from this state, with {@code headValue} as the head's count. */
    long bucket(long epoch, long headValue) {
      if (epoch == head) {
        return headValue;
      }
      long i = epoch - (head - B);
      return i >= 0 && i < B ? older[(int) i] : 0;
    }
  }

  @Override
  public CounterResult hit(long amount, long limit, long nowMillis) {
    long epoch = Math.floorDiv(nowMillis, bucketMillis);
    for (;;) {
      State s = state;
      long v = s.headCount;
      if (v < 0) {
        advance(s, v, Math.max(epoch, s.head + 1));
      } else if (epoch > s.head) {
        if (HEAD_COUNT.compareAndSet(s, v, v | SEALED)) {
          advance(s, v | SEALED, epoch);
        }
      } else if (HEAD_COUNT.compareAndSet(s, v, v + amount)) {
        long count = s.olderSum + v + amount;
        return count <= limit ? new CounterResult(true, count, 0)
            : new CounterResult(false, count, retryAfter(s, s.head, v + amount, count, amount, limit, nowMillis));
      }
    }
  }

  @Override
  public CounterResult peek(long amount, long limit, long nowMillis) {
    long epoch = Math.floorDiv(nowMillis, bucketMillis);
    State s = state;
    long headValue = s.headCount & ~SEALED;
    long at = Math.max(epoch, s.head);
    long count = 0;
    for (long e = at - B; e <= at; e++) {
      count += s.bucket(e, headValue);
    }
    if (count + amount <= limit) {
      return new CounterResult(true, count, 0);
    }
    return new CounterResult(false, count, retryAfter(s, at, headValue, count, amount, limit, nowMillis));
  }

  @Override
  public void add(long amount, long nowMillis) {
    long epoch = Math.floorDiv(nowMillis, bucketMillis);
    for (;;) {
      State s = state;
      long v = s.headCount;
      if (v < 0) {
        advance(s, v, Math.max(epoch, s.head + 1));
      } else if (epoch > s.head) {
        if (HEAD_COUNT.compareAndSet(s, v, v | SEALED)) {
          advance(s, v | SEALED, epoch);
        }
      } else if (HEAD_COUNT.compareAndSet(s, v, v + amount)) {
        return;
      }
    }
  }

  /** Installs the state whose head is {@code epoch}, built from {@code s} whose head count is sealed at {@code v}. */
  private void advance(State s, long sealed, long epoch) {
    long headValue = sealed & ~SEALED;
    long[] older = new long[B];
    long sum = 0;
    for (int i = 0; i < B; i++) {
      long c = s.bucket(epoch - B + i, headValue);
      older[i] = c;
      sum += c;
    }
    STATE.compareAndSet(this, s, new State(epoch, older, sum));
  }

  /**
   * Milliseconds until a hit of {@code amount} fits: buckets leave the window oldest first, bucket {@code e} at
   * {@code (e + B + 1) * w}.
   */
  private long retryAfter(State s, long at, long headValue, long count, long amount, long limit, long nowMillis) {
    long remaining = count;
    for (long e = at - B; e <= at; e++) {
      remaining -= s.bucket(e, headValue);
      if (remaining + amount <= limit || e == at) {
        return Math.max(1, (e + B + 1) * bucketMillis - nowMillis);
      }
    }
    return Math.max(1, (at + B + 1) * bucketMillis - nowMillis);
  }

  @Override
  public long idleAfter(long nowMillis) {
    return Math.max(0, (state.head + B + 1) * bucketMillis - nowMillis);
  }
}
