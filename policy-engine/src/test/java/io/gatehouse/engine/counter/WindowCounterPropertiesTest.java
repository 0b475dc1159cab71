package io.gatehouse.engine.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Window arithmetic of the in-memory counters on a simulated clock (no threads; each hit at a known instant). */
class WindowCounterPropertiesTest {
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** Gaps between hits in milliseconds: bursts (0), sub-bucket steps and pauses longer than the window. */
  @Property(tries = 300)
  void slidingNeverAdmitsMoreThanCallsInAnyWindow(
      @ForAll @IntRange(min = 1, max = 20) int calls,
      @ForAll @IntRange(min = 1, max = 300) int periodSeconds,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 40_000) Integer> gaps,
      @ForAll @LongRange(min = 0, max = 999) long offsetMillis) {
    long period = periodSeconds * 1000L;
    SlidingWindowCounter counter = new SlidingWindowCounter(CounterWindow.sliding(Duration.ofMillis(period)),
        START + offsetMillis);
    List<Long> admitted = new ArrayList<>();
    long now = START + offsetMillis;
    for (int gap : gaps) {
      now += gap * (long) periodSeconds / 10; // scale gaps to the period so windows really slide
      CounterResult r = counter.hit(1, calls, now);
      if (r.admitted()) {
        admitted.add(now);
      } else {
        assertThat(r.retryAfterMillis()).isBetween(1L, period + period / 10 + 1);
      }
    }
    // any window (a, a + period] holds at most `calls` admitted hits: check the window ending at every hit
    for (int i = 0; i < admitted.size(); i++) {
      long end = admitted.get(i);
      long inWindow = admitted.stream().filter(t -> t > end - period && t <= end).count();
      assertThat(inWindow).as("admitted in the window ending at %d", end).isLessThanOrEqualTo(calls);
    }
  }

  @Property(tries = 200)
  void slidingAdmitsAgainOnceTheRetryAfterHasPassed(
      @ForAll @IntRange(min = 1, max = 20) int calls,
      @ForAll @IntRange(min = 1, max = 300) int periodSeconds,
      @ForAll @IntRange(min = 1, max = 60) int burst,
      @ForAll @LongRange(min = 0, max = 100_000) long offsetMillis) {
    long now = START + offsetMillis;
    SlidingWindowCounter counter = new SlidingWindowCounter(
        CounterWindow.sliding(Duration.ofSeconds(periodSeconds)), now);
    CounterResult last = null;
    for (int i = 0; i < calls + burst; i++) {
      last = counter.hit(1, calls, now);
      assertThat(last.admitted()).isEqualTo(i < calls);
    }
    long wait = last.retryAfterMillis();
    // the error bound: never longer than one window plus one bucket
    assertThat(wait).isBetween(1L, periodSeconds * 1100L);
    assertThat(counter.peek(1, calls, now + wait - 1).admitted()).isFalse();
    assertThat(counter.peek(1, calls, now + wait).admitted()).isTrue();
    assertThat(counter.hit(1, calls, now + wait).admitted()).isTrue();
  }

  @Property(tries = 300)
  void fixedNeverAdmitsMoreThanCallsPerPeriod(
      @ForAll @IntRange(min = 1, max = 20) int calls,
      @ForAll @IntRange(min = 1, max = 5000) int periodSeconds,
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 500_000) Integer> gaps,
      @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long originOffset) {
    long period = periodSeconds * 1000L;
    long origin = START + originOffset;
    CounterWindow window = CounterWindow.fixed(Duration.ofMillis(period), Instant.ofEpochMilli(origin));
    long now = START;
    FixedWindowCounter counter = new FixedWindowCounter(window, now);
    java.util.Map<Long, Integer> perPeriod = new java.util.HashMap<>();
    for (int gap : gaps) {
      now += gap * (long) periodSeconds / 100;
      CounterResult r = counter.hit(1, calls, now);
      long index = Math.floorDiv(now - origin, period);
      if (r.admitted()) {
        perPeriod.merge(index, 1, Integer::sum);
      } else {
        assertThat(now + r.retryAfterMillis()).isEqualTo(origin + (index + 1) * period);
      }
    }
    perPeriod.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(calls));
  }

  @Property(tries = 100)
  void fixedWindowOfLengthZeroNeverResets(
      @ForAll @IntRange(min = 1, max = 20) int calls,
      @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> gaps) {
    long now = START;
    FixedWindowCounter counter = new FixedWindowCounter(CounterWindow.fixed(Duration.ZERO, Instant.EPOCH), now);
    int admitted = 0;
    for (int gap : gaps) {
      now += gap;
      CounterResult r = counter.hit(1, calls, now);
      if (r.admitted()) {
        admitted++;
      } else {
        assertThat(r.retryAfterMillis()).isEqualTo(Long.MAX_VALUE);
      }
    }
    assertThat(admitted).isEqualTo(Math.min(calls, gaps.size()));
  }
}
