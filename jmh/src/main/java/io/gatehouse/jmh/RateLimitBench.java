package io.gatehouse.jmh;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.counter.InMemoryCounterStore;
import io.gatehouse.redis.RedisCounterStore;
import io.gatehouse.redis.RedisFailureMode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The counter check behind {@code rate-limit-by-key} (what the policy does per request once its key is evaluated:
 * one {@link CounterStore#hit} through the SPI, sliding 60 s window, on the system clock so buckets really roll):
 * in memory uncontended and with 2 threads on one key, and one Redis round trip.
 *
 * <p>The Redis benchmark needs a server: {@code redis-server --port 6399 --save '' --appendonly no}, then
 * {@code java -Dgatehouse.redis.port=6399 -jar jmh/target/benchmarks.jar RateLimitBench} (default port 6379).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLimitBench {
  private static final CounterWindow WINDOW = CounterWindow.sliding(Duration.ofSeconds(60));
  private static final long LIMIT = Long.MAX_VALUE / 2;

  /** One in-memory store shared by all threads of a benchmark. */
  @State(Scope.Benchmark)
  public static class Memory {
    final Clock clock = Clock.systemUTC();
    CounterStore store;

    @Setup
    public void setUp() {
      store = InMemoryCounterStore.builder().clock(clock).build();
    }
  }

  /** A Redis store on 127.0.0.1:{@code gatehouse.redis.port}. */
  @State(Scope.Benchmark)
  public static class Redis {
    final Clock clock = Clock.systemUTC();
    RedisCounterStore store;

    @Setup(Level.Trial)
    public void setUp() {
      store = RedisCounterStore.builder()
          .hostAndPort("127.0.0.1", Integer.getInteger("gatehouse.redis.port", 6379))
          .timeout(Duration.ofSeconds(1)).failureMode(RedisFailureMode.FAIL_CLOSED).build();
      if (!store.awaitConnection(Duration.ofSeconds(5))) {
        throw new IllegalStateException("no Redis on port " + Integer.getInteger("gatehouse.redis.port", 6379));
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
    }
  }

  @Benchmark
  public CounterResult inMemoryUncontended(Memory m) {
    return m.store.hit("client-42", WINDOW, 1, LIMIT, m.clock.instant()).toCompletableFuture().join();
  }

  @Benchmark
  @Group("inMemoryTwoThreadsOneKey")
  @GroupThreads(2)
  public CounterResult inMemoryTwoThreadsOneKey(Memory m) {
    return m.store.hit("shared", WINDOW, 1, LIMIT, m.clock.instant()).toCompletableFuture().join();
  }

  @Benchmark
  public CounterResult redisRoundTrip(Redis r) {
    return r.store.hit("client-42", WINDOW, 1, LIMIT, r.clock.instant()).toCompletableFuture().join();
  }
}
