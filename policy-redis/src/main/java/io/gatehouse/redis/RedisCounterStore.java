package io.gatehouse.redis;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterStoreUnavailableException;
import io.gatehouse.api.CounterWindow;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CounterStore} on Redis through Lettuce's asynchronous API: engines sharing one Redis enforce their
 * limits together.
 *
 * <ul>
 *   <li><b>Atomic per request</b>: each call is one Lua script ({@code EVALSHA}, falling back to {@code EVAL} once
 *       when the server has not cached it): sliding windows are the in-memory store's conservative sub-bucketed ring
 *       (a hash of bucket → count, same error bound: never more than the limit in any window, refusals at most one
 *       bucket early), fixed windows one integer per period.
 *   <li><b>Keys</b>: {@code <prefix><policy key>|<window id>} ({@code :<period>} appended for fixed windows),
 *       default prefix {@code gatehouse:}; every key carries a TTL (the rest of its window plus one bucket; the
 *       rest of the period plus one second; concurrency slots: {@link Builder#concurrencyLease}), except quotas
 *       that never reset.
 *   <li><b>Time</b> comes from the engines' clocks (window boundaries agree as far as the engines' clocks do);
 *       TTLs are relative, so the Redis server's clock does not matter.
 *   <li><b>Failure</b>: every call completes within {@link Builder#timeout} (default 100 ms), whether Redis is slow,
 *       unreachable or down; then the {@link RedisFailureMode} decides (default {@link RedisFailureMode#FAIL_OPEN}).
 *       The connection is opened lazily and re-opened in the background (every {@link Builder#reconnectDelay},
 *       default 500 ms), so the store recovers by itself when Redis returns; while disconnected, commands fail at
 *       once instead of queueing.
 *   <li>No local pre-aggregation: every check is one round trip, so the totals across engines are exact.
 * </ul>
 */
public final class RedisCounterStore implements CounterStore, AutoCloseable {
  private final RedisClient client;
  private final ClientResources resources;
  private final RedisURI uri;
  private final Duration timeout;
  private final RedisFailureMode failureMode;
  private final String prefix;
  private final long leaseMillis;
  private final Object connectLock = new Object();
  private volatile CompletableFuture<StatefulRedisConnection<String, String>> connection;
  private volatile long nextConnectAttempt;

  private RedisCounterStore(Builder b) {
    this.uri = b.uri;
    this.timeout = b.timeout;
    this.failureMode = b.failureMode;
    this.prefix = b.keyPrefix;
    this.leaseMillis = b.concurrencyLease.toMillis();
    this.resources = ClientResources.builder().reconnectDelay(Delay.constant(b.reconnectDelay)).build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .socketOptions(SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).build())
        .build());
    connection(); // start connecting now, without waiting
  }

  /**
   * Waits (blocking: call it at startup, never on a request thread) until the connection is open, for at most
   * {@code max}; true when connected. Requests do not need it: they fail over by the failure mode meanwhile.
   */
  public boolean awaitConnection(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      CompletableFuture<StatefulRedisConnection<String, String>> c = connection();
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        return c.get(left, TimeUnit.NANOSECONDS).isOpen();
      } catch (java.util.concurrent.ExecutionException e) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return false;
        }
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The failure mode this store was built with. */
  public RedisFailureMode failureMode() {
    return failureMode;
  }

  @Override
  public CompletionStage<CounterResult> hit(String key, CounterWindow window, long amount, long limit, Instant now) {
    return count(key, window, amount, limit, now, "hit");
  }

  @Override
  public CompletionStage<CounterResult> peek(String key, CounterWindow window, long amount, long limit, Instant now) {
    return count(key, window, amount, limit, now, "peek");
  }

  @Override
  public CompletionStage<Void> add(String key, CounterWindow window, long amount, Instant now) {
    return count(key, window, amount, Long.MAX_VALUE, now, "add").thenApply(r -> null);
  }

  private CompletableFuture<CounterResult> count(String key, CounterWindow window, long amount, long limit,
      Instant now, String mode) {
    long millis = now.toEpochMilli();
    if (window.sliding()) {
      return guard(run(RedisScript.SLIDING, prefix + key + "|" + window.id(), Long.toString(window.bucketMillis()),
          Integer.toString(CounterWindow.SLIDING_BUCKETS), Long.toString(millis), Long.toString(amount),
          Long.toString(limit), mode).thenApply(RedisCounterStore::slidingResult), CounterResult.unknown());
    }
    long period = window.period(millis);
    long end = window.periodEnd(period);
    long ttl = end == Long.MAX_VALUE ? 0 : end - millis + 1000;
    return guard(run(RedisScript.FIXED, prefix + key + "|" + window.id() + ":" + period, Long.toString(amount),
        mode, Long.toString(ttl)).thenApply(value -> {
          long count = (Long) value;
          boolean admitted = mode.equals("peek") ? count + amount <= limit : count <= limit;
          long wait = admitted ? 0 : end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, end - millis);
          return new CounterResult(admitted, count, wait);
        }), CounterResult.unknown());
  }

  private static CounterResult slidingResult(Object value) {
    List<?> r = (List<?>) value;
    return new CounterResult((Long) r.get(0) == 1L, (Long) r.get(1), (Long) r.get(2));
  }

  @Override
  public CompletionStage<Boolean> tryAcquire(String key, long maxCount) {
    return guard(run(RedisScript.ACQUIRE, prefix + key + "|slots", Long.toString(maxCount),
        Long.toString(leaseMillis)).thenApply(v -> (Long) v == 1L), Boolean.TRUE);
  }

  @Override
  public CompletionStage<Void> release(String key) {
    return guard(run(RedisScript.RELEASE, prefix + key + "|slots").thenApply(v -> (Void) null), null);
  }

  /** Runs a script by SHA, loading it with EVAL when the server answers NOSCRIPT. */
  private CompletableFuture<Object> run(RedisScript script, String key, String... args) {
    String[] keys = {key};
    return connection().thenCompose(c -> c.async().<Object>evalsha(script.sha1(), type(script), keys, args)
        .toCompletableFuture()
        .exceptionallyCompose(e -> isNoScript(e)
            ? c.async().<Object>eval(script.source(), type(script), keys, args).toCompletableFuture()
            : CompletableFuture.failedFuture(e)));
  }

  private static ScriptOutputType type(RedisScript script) {
    return script == RedisScript.SLIDING ? ScriptOutputType.MULTI : ScriptOutputType.INTEGER;
  }

  private static boolean isNoScript(Throwable e) {
    Throwable t = e;
    while (t != null) {
      if (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT")) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  /** The connection, opened lazily; after a failed attempt a new one is made at most every reconnect delay. */
  private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
    CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    synchronized (connectLock) {
      current = connection;
      if (current != null && !current.isCompletedExceptionally()) {
        return current;
      }
      if (current != null && System.nanoTime() < nextConnectAttempt) {
        return current;
      }
      nextConnectAttempt = System.nanoTime() + resources.reconnectDelay().createDelay(1).toNanos();
      connection = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
      return connection;
    }
  }

  /** Bounds the wait by the timeout and applies the failure mode to any failure. */
  private <T> CompletableFuture<T> guard(CompletableFuture<T> call, T openAnswer) {
    return call.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(value);
      }
      if (failureMode == RedisFailureMode.FAIL_OPEN) {
        return CompletableFuture.completedFuture(openAnswer);
      }
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      return CompletableFuture.<T>failedFuture(new CounterStoreUnavailableException(
          "Redis at " + uri.getHost() + ":" + uri.getPort() + " did not answer: " + cause, cause));
    }).thenCompose(f -> f);
  }

  /** Closes the connection and the client's threads. */
  @Override
  public void close() {
    CompletableFuture<StatefulRedisConnection<String, String>> c = connection;
    if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
      c.join().close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** Configures a {@link RedisCounterStore}. */
  public static final class Builder {
    private RedisURI uri = RedisURI.create("redis://127.0.0.1:6379");
    private Duration timeout = Duration.ofMillis(100);
    private Duration connectTimeout = Duration.ofMillis(500);
    private Duration reconnectDelay = Duration.ofMillis(500);
    private Duration concurrencyLease = Duration.ofMinutes(5);
    private RedisFailureMode failureMode = RedisFailureMode.FAIL_OPEN;
    private String keyPrefix = "gatehouse:";

    private Builder() {}

    /** {@code redis://[password@]host[:port][/database]} (or {@code rediss://} for TLS); default local 6379. */
    public Builder uri(String uri) {
      this.uri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /** Host and port, no password, database 0. */
    public Builder hostAndPort(String host, int port) {
      this.uri = RedisURI.create(host, port);
      return this;
    }

    /** The longest any call may take, connection included; default 100 ms. Then the failure mode applies. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** TCP connect timeout of each (re)connection attempt; default 500 ms. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Pause between reconnection attempts after Redis went away; default 500 ms. */
    public Builder reconnectDelay(Duration reconnectDelay) {
      this.reconnectDelay = positive(reconnectDelay, "reconnectDelay");
      return this;
    }

    /**
     * TTL of a concurrency-slot counter, renewed on each acquisition: frees slots held by an engine that died
     * before releasing them; default 5 minutes (longer than any request should run).
     */
    public Builder concurrencyLease(Duration lease) {
      this.concurrencyLease = positive(lease, "lease");
      return this;
    }

    /** What to answer when Redis does not; default {@link RedisFailureMode#FAIL_OPEN}. */
    public Builder failureMode(RedisFailureMode mode) {
      this.failureMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Prefix of every key (share a Redis between gateways with different prefixes); default {@code gatehouse:}. */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    public RedisCounterStore build() {
      return new RedisCounterStore(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
