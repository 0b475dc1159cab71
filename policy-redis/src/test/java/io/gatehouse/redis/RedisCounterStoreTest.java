package io.gatehouse.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStoreUnavailableException;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real redis-server started for this class. */
class RedisCounterStoreTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static RedisServerProcess server;

  @BeforeAll
  static void startRedis() {
    server = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private static RedisCounterStore store(RedisFailureMode mode, String prefix) {
    RedisCounterStore store = RedisCounterStore.builder().hostAndPort("127.0.0.1", server.port()).failureMode(mode)
        .timeout(Duration.ofMillis(300)).reconnectDelay(Duration.ofMillis(100)).keyPrefix(prefix).build();
    assertThat(store.awaitConnection(Duration.ofSeconds(10))).isTrue();
    return store;
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  @Test
  void slidingFixedAndSlotsBehaveLikeTheInMemoryStore() {
    try (RedisCounterStore store = store(RedisFailureMode.FAIL_CLOSED, "t1:")) {
      CounterWindow sliding = CounterWindow.sliding(Duration.ofSeconds(60));
      assertThat(join(store.hit("k", sliding, 1, 2, START))).isEqualTo(new CounterResult(true, 1, 0));
      assertThat(join(store.hit("k", sliding, 1, 2, START.plusSeconds(10))).admitted()).isTrue();
      CounterResult refused = join(store.hit("k", sliding, 1, 2, START.plusSeconds(20)));
      assertThat(refused.admitted()).isFalse();
      assertThat(refused.count()).isEqualTo(3);
      // the first call (bucket 0..6 s) leaves at 66 s; then 2 are left and one more would be 3: wait for the second
      assertThat(refused.retryAfterMillis()).isEqualTo(72_000 - 20_000);
      assertThat(join(store.peek("k", sliding, 1, 2, START.plusSeconds(71))).admitted()).isFalse();
      assertThat(join(store.peek("k", sliding, 1, 2, START.plusSeconds(72))).admitted()).isTrue();
      CounterWindow hourly = CounterWindow.fixed(Duration.ofHours(1), START);
      assertThat(join(store.hit("q", hourly, 5, 5, START)).admitted()).isTrue();
      CounterResult over = join(store.hit("q", hourly, 1, 5, START.plusSeconds(600)));
      assertThat(over.admitted()).isFalse();
      assertThat(over.retryAfterMillis()).isEqualTo(3_000_000);
      store.add("q", hourly, 10, START.plusSeconds(601));
      assertThat(join(store.peek("q", hourly, 0, 5, START.plusSeconds(602))).count()).isEqualTo(16);
      assertThat(join(store.hit("q", hourly, 1, 5, START.plusSeconds(3600))).count()).isEqualTo(1);
      assertThat(join(store.tryAcquire("c", 1))).isTrue();
      assertThat(join(store.tryAcquire("c", 1))).isFalse();
      join(store.release("c"));
      assertThat(join(store.tryAcquire("c", 1))).isTrue();
    }
  }

  private static TestGateway engine(RedisCounterStore store) {
    GatewayConfig config = GatewayConfig.builder().api(ApiDefinition.builder("orders").path("orders")
        .serviceUrl("https://backend.test").subscriptionRequired(false).operation("get", "GET", "/{id}",
            "<policies><inbound><base /><rate-limit-by-key calls=\"50\" renewal-period=\"60\" counter-key=\"shared\" />"
                + "</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error>"
                + "</policies>").build()).build();
    return TestGateway.builder().config(config).clockAt(START).counterStore(store).build();
  }

  @Test
  void threeEnginesSharingOneRedisAdmitExactlyTheLimitInTotal() throws InterruptedException {
    List<RedisCounterStore> stores = new ArrayList<>();
    List<TestGateway> engines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RedisCounterStore store = store(RedisFailureMode.FAIL_CLOSED, "t2:");
      stores.add(store);
      engines.add(engine(store));
    }
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (TestGateway engine : engines) {
      for (int t = 0; t < 2; t++) {
        Thread thread = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < 60; i++) {
            int status = engine.send(TestRequest.get("https://gw.test/orders/1")).status();
            (status == 200 ? admitted : refused).incrementAndGet();
          }
        });
        thread.start();
        threads.add(thread);
      }
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    stores.forEach(RedisCounterStore::close);
    assertThat(admitted.get()).isEqualTo(50);
    assertThat(refused.get()).isEqualTo(3 * 2 * 60 - 50);
  }

  @Test
  void redisKilledMidTestGivesTheDeclaredFailureModeWithinTheTimeoutAndRecovers() throws InterruptedException {
    try (RedisCounterStore closed = store(RedisFailureMode.FAIL_CLOSED, "t3:");
        RedisCounterStore open = store(RedisFailureMode.FAIL_OPEN, "t3:")) {
      CounterWindow window = CounterWindow.sliding(Duration.ofSeconds(60));
      TestGateway engine = engine(closed);
      assertThat(engine.send(TestRequest.get("https://gw.test/orders/1")).status()).isEqualTo(200);
      assertThat(join(open.hit("k", window, 1, 1, START)).admitted()).isTrue();
      server.kill();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> join(closed.hit("k", window, 1, 1, START)))
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(CounterStoreUnavailableException.class);
        CounterResult r = join(open.hit("k", window, 1, 1, START));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r).isEqualTo(CounterResult.unknown());
        assertThat(millis).as("both answers within the 300 ms timeouts").isLessThan(2 * 300 + 200);
        TestResult unavailable = engine.send(TestRequest.get("https://gw.test/orders/1"));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.lastError().reason()).isEqualTo("CounterStoreUnavailable");
        assertThat(unavailable.header("Retry-After")).isEqualTo("1");
      }
      server.startProcess();
      // recovery: the stores reconnect by themselves (reconnect delay 100 ms); the new server starts empty
      long deadline = System.nanoTime() + 10_000_000_000L;
      int status = 0;
      while (System.nanoTime() < deadline && status != 200) {
        status = engine.send(TestRequest.get("https://gw.test/orders/1")).status();
        Thread.sleep(50);
      }
      assertThat(status).isEqualTo(200);
      assertThat(join(open.hit("k", window, 1, 1, START)).count()).isEqualTo(1);
      assertThat(join(open.hit("k", window, 1, 1, START)).admitted()).isFalse();
    }
  }
}
