package io.gatehouse.engine.counter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link CounterStore}: counters of one engine, in its heap.
 *
 * <ul>
 *   <li><b>Hot path</b>: a Caffeine lookup plus one CAS on the counter ({@link SlidingWindowCounter},
 *       {@link FixedWindowCounter}); no locks, no allocation between bucket boundaries except the returned result.
 *   <li><b>Bounded</b>: at most {@link Builder#maximumKeys} counters ({@value #DEFAULT_MAXIMUM_KEYS} by default,
 *       about {@value #BYTES_PER_KEY} bytes each with a short key (measured ≈ 340, Caffeine's node and frequency sketch included), so ≈ 36 MB at the default). Beyond
 *       that Caffeine evicts by W-TinyLFU: rarely used keys go first, and an evicted counter starts again from
 *       zero, so size it above the number of keys active within one window.
 *   <li><b>Expiry</b>: a counter is dropped once nothing it holds can be counted any more (its sliding window has
 *       passed, or its fixed period has ended), measured on the engine clock, so idle keys cost nothing.
 *   <li><b>Concurrency slots</b> ({@code limit-concurrency}) live in a separate map only while taken (lock-free CAS;
 *       a key is removed when its last slot is released), so they are never evicted while in use.
 * </ul>
 *
 * <p>Every stage it returns is already complete.
 */
public final class InMemoryCounterStore implements CounterStore {
  /** Default bound on the number of counters. */
  public static final long DEFAULT_MAXIMUM_KEYS = 100_000;
  /** Retained bytes per sliding-window counter with a key of up to 16 characters (measured ≈ 340, rounded up). */
  public static final int BYTES_PER_KEY = 360;

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
  private static final CompletableFuture<Boolean> GRANTED = CompletableFuture.completedFuture(true);
  private static final CompletableFuture<Boolean> REFUSED = CompletableFuture.completedFuture(false);

  private final Clock clock;
  private final Cache<Key, WindowCounter> counters;
  private final ConcurrentHashMap<String, AtomicLong> slots = new ConcurrentHashMap<>();

  /**
   * Cache key: the policy's key and the window geometry (a counter's geometry never changes). Not a record: its
   * generated hashCode and equals cost twice these on every request, and a policy passes the same window object
   * each time.
   */
  private static final class Key {
    final String key;
    final CounterWindow window;
    private final int hash;

    Key(String key, CounterWindow window) {
      this.key = key;
      this.window = window;
      this.hash = 31 * key.hashCode() + Long.hashCode(window.lengthMillis());
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && key.equals(k.key)
          && (window == k.window || window.equals(k.window));
    }
  }

  private InMemoryCounterStore(Builder b) {
    this.clock = b.clock;
    this.counters = Caffeine.newBuilder()
        .maximumSize(b.maximumKeys)
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(new IdleExpiry(clock))
        .executor(Runnable::run)
        .build();
  }

  /** A store with the default capacity on the system clock (use {@link #builder()} to pass the engine clock). */
  public InMemoryCounterStore() {
    this(builder());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Number of counters held, after running the pending maintenance (eviction, expiry) to the end; Caffeine
   * otherwise spreads expiry over later accesses in batches.
   */
  public long size() {
    long size = Long.MAX_VALUE;
    for (int i = 0; i < 100_000 && counters.estimatedSize() < size; i++) {
      size = counters.estimatedSize();
      counters.cleanUp();
    }
    return counters.estimatedSize();
  }

  private WindowCounter counter(String key, CounterWindow window, long nowMillis) {
    Key k = new Key(key, window);
    WindowCounter counter = counters.getIfPresent(k); // the usual case, without a capturing lambda
    return counter != null ? counter : counters.get(k, x -> x.window.sliding()
        ? new SlidingWindowCounter(x.window, nowMillis) : new FixedWindowCounter(x.window, nowMillis));
  }

  @Override
  public CompletionStage<CounterResult> hit(String key, CounterWindow window, long amount, long limit, Instant now) {
    long millis = now.toEpochMilli();
    return CompletableFuture.completedFuture(counter(key, window, millis).hit(amount, limit, millis));
  }

  /** Synchronous {@link #hit}, for callers that know they hold this store (benchmarks, tests). */
  public CounterResult hitNow(String key, CounterWindow window, long amount, long limit, long nowMillis) {
    return counter(key, window, nowMillis).hit(amount, limit, nowMillis);
  }

  @Override
  public CompletionStage<CounterResult> peek(String key, CounterWindow window, long amount, long limit, Instant now) {
    long millis = now.toEpochMilli();
    return CompletableFuture.completedFuture(counter(key, window, millis).peek(amount, limit, millis));
  }

  @Override
  public CompletionStage<Void> add(String key, CounterWindow window, long amount, Instant now) {
    long millis = now.toEpochMilli();
    counter(key, window, millis).add(amount, millis);
    return DONE;
  }

  @Override
  public CompletionStage<Boolean> tryAcquire(String key, long maxCount) {
    for (;;) {
      AtomicLong inUse = slots.get(key);
      if (inUse == null) {
        AtomicLong fresh = new AtomicLong();
        inUse = slots.putIfAbsent(key, fresh);
        if (inUse == null) {
          inUse = fresh;
        }
      }
      long n = inUse.get();
      if (n < 0) {
        slots.remove(key, inUse); // retired by its last release; take a fresh one
      } else if (n >= maxCount) {
        return REFUSED;
      } else if (inUse.compareAndSet(n, n + 1)) {
        return GRANTED;
      }
    }
  }

  @Override
  public CompletionStage<Void> release(String key) {
    AtomicLong inUse = slots.get(key);
    if (inUse == null) {
      return DONE;
    }
    for (;;) {
      long n = inUse.get();
      if (n <= 0) {
        return DONE;
      }
      if (n == 1 ? inUse.compareAndSet(1, -1) : inUse.compareAndSet(n, n - 1)) {
        if (n == 1) {
          slots.remove(key, inUse);
        }
        return DONE;
      }
    }
  }

  /** Slots currently taken for {@code key}. */
  public long slotsInUse(String key) {
    AtomicLong inUse = slots.get(key);
    return inUse == null ? 0 : Math.max(0, inUse.get());
  }

  /** Expires a counter when it can no longer count anything; reads only re-arm when little time is left. */
  private static final class IdleExpiry implements Expiry<Key, WindowCounter> {
    private final Clock clock;

    IdleExpiry(Clock clock) {
      this.clock = clock;
    }

    private long idle(Key key, WindowCounter counter) {
      long millis = counter.idleAfter(clock.millis());
      if (millis == Long.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
      // an active sliding key gets two windows of slack so that reads re-arm it rarely
      long slack = key.window.sliding() ? 2 * key.window.lengthMillis() : 0;
      return Math.min(millis + slack, Long.MAX_VALUE / 2_000_000L) * 1_000_000L;
    }

    @Override
    public long expireAfterCreate(Key key, WindowCounter counter, long currentTime) {
      return idle(key, counter);
    }

    @Override
    public long expireAfterUpdate(Key key, WindowCounter counter, long currentTime, long currentDuration) {
      return idle(key, counter);
    }

    @Override
    public long expireAfterRead(Key key, WindowCounter counter, long currentTime, long currentDuration) {
      CounterWindow w = key.window;
      // a fixed counter dies with its period; a sliding one needs re-arming only when less than length + one
      // bucket is left (the longest a hit made now can stay countable)
      if (!w.sliding() || currentDuration > (w.lengthMillis() + w.bucketMillis()) * 1_000_000L) {
        return currentDuration;
      }
      return idle(key, counter);
    }
  }

  /** Configures an {@link InMemoryCounterStore}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private long maximumKeys = DEFAULT_MAXIMUM_KEYS;

    private Builder() {}

    /** The clock expiry is measured on: pass the engine's clock ({@code Gatehouse} does for its default store). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Bound on the number of counters; default {@value InMemoryCounterStore#DEFAULT_MAXIMUM_KEYS}. */
    public Builder maximumKeys(long maximumKeys) {
      if (maximumKeys < 1) {
        throw new IllegalArgumentException("maximumKeys must be positive");
      }
      this.maximumKeys = maximumKeys;
      return this;
    }

    public InMemoryCounterStore build() {
      return new InMemoryCounterStore(this);
    }
  }
}
