package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One quota counter pair of a call (shared by {@code quota} and {@code quota-by-key}): a call-volume limit counted
 * when the policy runs, and a bandwidth limit in kilobytes checked when the policy runs (some budget left) and
 * counted once the response is final. DECISION: bandwidth counts the request body as sent on plus the final
 * response body (headers excluded), in bytes against {@code bandwidth * 1024}.
 *
 * @param key counter key (without the calls/bandwidth suffix)
 * @param calls call-volume limit, or null
 * @param kilobytes bandwidth limit in KB, or null
 * @param window the fixed period
 */
record QuotaLimit(String key, Long calls, Long kilobytes, CounterWindow window) {

  /** Checks the limits; {@code countCall} false only checks the call volume (counted later or elsewhere). */
  CompletableFuture<Outcome> check(CounterStore store, Exchange exchange, long amount, boolean countCall) {
    CompletableFuture<CounterResult> volume = calls == null ? CompletableFuture.completedFuture(null)
        : (countCall ? store.hit(key + "|calls", window, amount, calls, exchange.nowMillis())
            : store.peek(key + "|calls", window, amount, calls, exchange.nowMillis())).toCompletableFuture();
    CompletableFuture<CounterResult> bandwidth = kilobytes == null ? CompletableFuture.completedFuture(null)
        : store.peek(key + "|bandwidth", window, 1, kilobytes * 1024, exchange.nowMillis()).toCompletableFuture();
    if (volume.isDone() && bandwidth.isDone() && !volume.isCompletedExceptionally()
        && !bandwidth.isCompletedExceptionally()) {
      return CompletableFuture.completedFuture(new Outcome(volume.join(), bandwidth.join()));
    }
    return volume.thenCombine(bandwidth, Outcome::new);
  }

  /** Counts what was deferred once the response is final. */
  void countLater(CounterStore store, Exchange exchange, long amount, boolean countCall) {
    if (countCall && calls != null) {
      store.add(key + "|calls", window, amount, exchange.nowMillis());
    }
    if (kilobytes != null) {
      store.add(key + "|bandwidth", window, bytes(exchange), exchange.nowMillis());
    }
  }

  static long bytes(Exchange exchange) {
    byte[] request = exchange.request().body() == null ? null : exchange.request().body().peek();
    byte[] response = exchange.response().body() == null ? null : exchange.response().body().peek();
    return (request == null ? 0 : request.length) + (response == null ? 0 : response.length);
  }

  /** The answers for one {@link QuotaLimit}; either may be null when that limit is absent. */
  record Outcome(CounterResult volume, CounterResult bandwidth) {}

  /** Refuses with 403 when any outcome failed: call volume before bandwidth, the longest wait. */
  static Flow decide(List<Outcome> outcomes) {
    boolean volume = false;
    boolean bandwidth = false;
    long wait = 0;
    for (Outcome o : outcomes) {
      if (o.volume() != null && !o.volume().admitted()) {
        volume = true;
        wait = Math.max(wait, o.volume().retryAfterMillis());
      }
      if (o.bandwidth() != null && !o.bandwidth().admitted()) {
        bandwidth = true;
        wait = Math.max(wait, o.bandwidth().retryAfterMillis());
      }
    }
    if (!volume && !bandwidth) {
      return Flow.CONTINUE;
    }
    throw quotaExceeded(volume ? "call volume" : "bandwidth", wait);
  }

  /** Waits for every check, then {@link #decide}s. */
  static Flow decideAll(List<CompletableFuture<Outcome>> checks) {
    if (checks.size() == 1) {
      return CounterCalls.then(checks.get(0), o -> decide(List.of(o)));
    }
    return CounterCalls.then(CompletableFuture.allOf(checks.toArray(new CompletableFuture<?>[0])), v -> {
      List<Outcome> outcomes = new ArrayList<>(checks.size());
      checks.forEach(c -> outcomes.add(c.join()));
      return decide(outcomes);
    });
  }

  /**
   * 403 {@code QuotaExceeded} with Retry-After; the message names the exhausted quota and the time to replenish
   * ({@code hh:mm:ss}, or {@code N.NN days} from one day on, as observed). DECISION: a quota that never resets
   * (renewal-period 0) says "Quota will not be replenished." and sends no Retry-After.
   */
  static PolicyFailure quotaExceeded(String kind, long waitMillis) {
    if (waitMillis == Long.MAX_VALUE) {
      String message = "Out of " + kind + " quota. Quota will not be replenished.";
      return PolicyFailure.of(null, "QuotaExceeded", message, 403, message);
    }
    long seconds = CounterCalls.seconds(waitMillis);
    String message = "Out of " + kind + " quota. Quota will be replenished in " + duration(seconds) + ".";
    return PolicyFailure.withHeaders(null, "QuotaExceeded", message, 403, message,
        HttpHeaders.of("Retry-After", Long.toString(seconds)));
  }

  static String duration(long seconds) {
    if (seconds >= 86_400) {
      return String.format(Locale.ROOT, "%.2f days", seconds / 86_400.0);
    }
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
