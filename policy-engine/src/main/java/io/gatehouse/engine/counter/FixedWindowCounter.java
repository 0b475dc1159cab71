package io.gatehouse.engine.counter;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterWindow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed-window counter (quotas): periods {@code [origin + k*length, origin + (k+1)*length)}, or one endless
 * period when the length is 0.
 *
 * <p>Lock-free: the current period is an immutable-period {@link Period} with an atomic count; moving to a new period
 * swaps the object by CAS. A thread that read its clock before a concurrent one moved the period on is counted in the
 * newer period (conservative: never admits more than the limit per period).
 */
final class FixedWindowCounter implements WindowCounter {
  private static final VarHandle PERIOD;
  private static final VarHandle COUNT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      PERIOD = lookup.findVarHandle(FixedWindowCounter.class, "period", Period.class);
      COUNT = lookup.findVarHandle(Period.class, "count", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final CounterWindow window;
  @SuppressWarnings("unused") // accessed through PERIOD
  private volatile Period period;

  FixedWindowCounter(CounterWindow window, long nowMillis) {
    this.window = window;
    this.period = new Period(window.period(nowMillis));
  }

  /** One period and its count. */
  static final class Period {
    final long index;
    @SuppressWarnings("unused") // accessed through COUNT
    volatile long count;

    Period(long index) {
      this.index = index;
    }
  }

  private Period current(long nowMillis) {
    long index = window.period(nowMillis);
    for (;;) {
      Period p = period;
      if (index <= p.index) {
        return p;
      }
      Period next = new Period(index);
      if (PERIOD.compareAndSet(this, p, next)) {
        return next;
      }
    }
  }

  @Override
  public CounterResult hit(long amount, long limit, long nowMillis) {
    Period p = current(nowMillis);
    long count = (long) COUNT.getAndAdd(p, amount) + amount;
    return result(p, count, limit, nowMillis);
  }

  @Override
  public CounterResult peek(long amount, long limit, long nowMillis) {
    Period p = current(nowMillis);
    long count = p.count;
    CounterResult r = result(p, count + amount, limit, nowMillis);
    return new CounterResult(r.admitted(), count, r.retryAfterMillis());
  }

  private CounterResult result(Period p, long count, long limit, long nowMillis) {
    if (count <= limit) {
      return new CounterResult(true, count, 0);
    }
    long end = window.periodEnd(p.index);
    return new CounterResult(false, count, end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, end - nowMillis));
  }

  @Override
  public void add(long amount, long nowMillis) {
    COUNT.getAndAdd(current(nowMillis), amount);
  }

  @Override
  public long idleAfter(long nowMillis) {
    long end = window.periodEnd(period.index);
    return end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, end - nowMillis);
  }
}
