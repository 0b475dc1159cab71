package io.gatehouse.engine.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryCounterStoreTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Runs {@code threads} threads that each hit one key {@code perThread} times; returns the admitted hits. */
  private static long hammer(InMemoryCounterStore store, String key, CounterWindow window, long limit,
      ManualClock clock, int threads, int perThread) throws InterruptedException {
    AtomicLong admitted = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long mine = 0;
        for (int i = 0; i < perThread; i++) {
          if (store.hit(key, window, 1, limit, clock.instant()).toCompletableFuture().join().admitted()) {
            mine++;
          }
        }
        admitted.addAndGet(mine);
      });
      worker.start();
      workers.add(worker);
    }
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    return admitted.get();
  }

  @Test
  void eightThreadsOnOneKeyAdmitExactlyTheLimitPerWindow() throws InterruptedException {
    ManualClock clock = new ManualClock(START);
    InMemoryCounterStore store = InMemoryCounterStore.builder().clock(clock).build();
    CounterWindow sliding = CounterWindow.sliding(Duration.ofSeconds(60));
    CounterWindow fixed = CounterWindow.fixed(Duration.ofSeconds(60), START);
    for (int round = 0; round < 3; round++) {
      assertThat(hammer(store, "k", sliding, 1_000, clock, 8, 10_000)).as("sliding, round %d", round)
          .isEqualTo(1_000);
      assertThat(hammer(store, "k", fixed, 2_500, clock, 8, 10_000)).as("fixed, round %d", round)
          .isEqualTo(2_500);
      // the sliding window has fully passed once one window and one bucket have elapsed; the fixed one resets
      clock.advance(Duration.ofSeconds(66));
    }
  }

  @Test
  void concurrentHitsWhileTheClockCrossesBucketsNeverOvershootTheWindow() throws InterruptedException {
    // real threads and a clock moving under them: at most `limit` admitted in the first window and the second
    ManualClock clock = new ManualClock(START);
    InMemoryCounterStore store = InMemoryCounterStore.builder().clock(clock).build();
    CounterWindow window = CounterWindow.sliding(Duration.ofSeconds(10));
    Thread ticker = new Thread(() -> {
      for (int i = 0; i < 9; i++) {
        clock.advance(Duration.ofSeconds(1));
        Thread.onSpinWait();
      }
    });
    ticker.start();
    long admitted = hammer(store, "moving", window, 500, clock, 8, 5_000);
    ticker.join();
    // everything happened within 9 s < the 10 s window
    assertThat(admitted).isEqualTo(500);
  }

  @Test
  void aMillionDistinctKeysStayWithinTheCapacityAndItsMemoryBound() {
    ManualClock clock = new ManualClock(START);
    long capacity = 50_000;
    InMemoryCounterStore store = InMemoryCounterStore.builder().clock(clock).maximumKeys(capacity).build();
    CounterWindow window = CounterWindow.sliding(Duration.ofSeconds(60));
    long before = usedHeapAfterGc();
    for (int i = 0; i < 1_000_000; i++) {
      store.hitNow("client-" + i, window, 1, 10, clock.millis());
    }
    assertThat(store.size()).isLessThanOrEqualTo(capacity);
    long retained = usedHeapAfterGc() - before;
    // documented bound: BYTES_PER_KEY per counter (keys here are ≤ 14 chars), 25 % tolerance for GC noise
    assertThat(retained).as("retained bytes").isLessThan((long) (capacity * InMemoryCounterStore.BYTES_PER_KEY * 1.25));
    // idle counters expire on the engine clock: one window + one bucket + the two-window re-arm slack, and
    // Caffeine's timer wheel removes them within one of its buckets (≈ 69 s at this range) after that
    clock.advance(Duration.ofSeconds(60 + 6 + 120 + 70));
    assertThat(store.size()).isZero();
    assertThat(store).isNotNull(); // keep the store reachable until the measurement above
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  @Test
  void quotaCountersLiveUntilTheirPeriodEndsAndEndlessOnesStay() {
    ManualClock clock = new ManualClock(START);
    InMemoryCounterStore store = InMemoryCounterStore.builder().clock(clock).build();
    CounterWindow hourly = CounterWindow.fixed(Duration.ofHours(1), START);
    CounterWindow endless = CounterWindow.fixed(Duration.ZERO, START);
    store.hitNow("q", hourly, 5, 10, clock.millis());
    store.hitNow("q", endless, 5, 10, clock.millis());
    clock.advance(Duration.ofMinutes(59));
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.hitNow("q", hourly, 5, 10, clock.millis()).count()).isEqualTo(10);
    clock.advance(Duration.ofMinutes(1));
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.hitNow("q", hourly, 1, 10, clock.millis()).count()).isEqualTo(1);
    clock.advance(Duration.ofDays(400));
    assertThat(store.hitNow("q", endless, 5, 10, clock.millis()).count()).isEqualTo(10);
  }

  @Test
  void concurrencySlotsAreBoundedAndFreedWhenReleased() throws InterruptedException {
    InMemoryCounterStore store = new InMemoryCounterStore();
    assertThat(store.tryAcquire("c", 2).toCompletableFuture().join()).isTrue();
    assertThat(store.tryAcquire("c", 2).toCompletableFuture().join()).isTrue();
    assertThat(store.tryAcquire("c", 2).toCompletableFuture().join()).isFalse();
    store.release("c");
    assertThat(store.slotsInUse("c")).isEqualTo(1);
    store.release("c");
    assertThat(store.slotsInUse("c")).isZero();
    // 8 threads acquiring and releasing: never more than max-count inside at once
    AtomicLong inside = new AtomicLong();
    AtomicLong worst = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          if (store.tryAcquire("c", 3).toCompletableFuture().join()) {
            long n = inside.incrementAndGet();
            worst.accumulateAndGet(n, Math::max);
            inside.decrementAndGet();
            store.release("c");
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(worst.get()).isBetween(1L, 3L);
    assertThat(store.slotsInUse("c")).isZero();
  }
}
