package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterStoreUnavailableException;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * How the traffic-protection policies wait for their {@link io.gatehouse.api.CounterStore}: synchronously when the
 * answer is already there (the in-memory store), otherwise as a pending {@link Flow} that never blocks the thread.
 */
final class CounterCalls {
  private CounterCalls() {}

  /**
   * The value of a stage that already completed normally (the in-memory store's), or null: then the caller can
   * continue at once without the continuation {@link #then} takes.
   */
  static <T> T ifAnswered(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    return future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
  }

  /** Continues with {@code then} once {@code stage} completes; store failures become {@link #unavailable}. */
  static <T> Flow then(CompletionStage<T> stage, Function<T, Flow> then) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    if (future.isDone() && !future.isCompletedExceptionally()) {
      return then.apply(future.join());
    }
    return Flow.later(future.handle((value, error) -> {
      if (error != null) {
        throw failure(error);
      }
      return then.apply(value);
    }).thenCompose(Flow::stage));
  }

  private static RuntimeException failure(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof CounterStoreUnavailableException e) {
      return unavailable(e);
    }
    return t instanceof RuntimeException r ? r : new CompletionException(t);
  }

  /**
   * A fail-closed store could not answer. DECISION (nothing in APIM matches): {@code 503} with
   * {@code Retry-After: 1}, {@code LastError.Reason} {@code CounterStoreUnavailable}.
   */
  static PolicyFailure unavailable(CounterStoreUnavailableException e) {
    return PolicyFailure.withHeaders(null, "CounterStoreUnavailable",
        "The counter store is unavailable: " + e.getMessage(), 503, "Service unavailable",
        HttpHeaders.of("Retry-After", "1"));
  }

  /** Whole seconds for {@code Retry-After}: rounded up, at least 1. */
  static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /** A count as a C# {@code int} for {@code context.Variables}. */
  static Integer asInt(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
