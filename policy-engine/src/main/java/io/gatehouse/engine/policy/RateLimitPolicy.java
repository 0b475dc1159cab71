package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.XmlElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code rate-limit}: at most {@code calls} per sliding window of {@code renewal-period} seconds per subscription
 * (keys: {@link LimitScopes}), plus independent limits for matching nested {@code api} and {@code operation}
 * elements; any exceeded level refuses the call with 429. A no-op for calls without a subscription key.
 *
 * <p>Every level counts the call, admitted or refused (Observed). DECISION: the Retry-After of a refusal is the
 * longest wait among the exceeded levels; the remaining-calls and total-calls outputs describe the most restrictive
 * level (fewest calls left).
 */
final class RateLimitPolicy implements Step {
  static final long MAX_PERIOD_SECONDS = 300;

  private final CounterStore store;
  private final Scope scope;
  private final long calls;
  private final long period;
  private final List<NestedLimit> apis;
  private final LimitOutputs outputs;

  private RateLimitPolicy(CounterStore store, Scope scope, long calls, long period, List<NestedLimit> apis,
      LimitOutputs outputs) {
    this.store = store;
    this.scope = scope;
    this.calls = calls;
    this.period = period;
    this.apis = apis;
    this.outputs = outputs;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<Long> calls = context.integer(element, "calls", null);
    Value<Long> period = context.integer(element, "renewal-period", null);
    if (!checkLimit(element, context, calls, period)) {
      return null;
    }
    if (!calls.isConstant() || !period.isConstant()) {
      context.error(element.position(), "'calls' and 'renewal-period' of 'rate-limit' must be literals");
      return null;
    }
    List<NestedLimit> apis = NestedLimit.apis(element, context);
    boolean ok = true;
    for (NestedLimit api : apis) {
      ok &= checkNested(element, context, api);
      for (NestedLimit op : api.operations()) {
        ok &= checkNested(element, context, op);
      }
    }
    return ok ? new RateLimitPolicy(context.compiler().counters(), context.scope(), calls.get(null),
        period.get(null), apis, LimitOutputs.of(element)) : null;
  }

  private static boolean checkNested(XmlElement element, CompileContext context, NestedLimit limit) {
    if (limit.calls() == null || limit.renewalPeriod() == null) {
      context.error(element.position(), "'rate-limit' api and operation limits need 'calls' and 'renewal-period'");
      return false;
    }
    return checkPeriod(element, context, limit.renewalPeriod());
  }

  /** Checks literal {@code calls} and {@code renewal-period} values (expressions are checked when evaluated). */
  static boolean checkLimit(XmlElement element, CompileContext context, Value<Long> calls, Value<Long> period) {
    if (calls == null || period == null) {
      return false; // already reported
    }
    if (calls.isConstant() && calls.get(null) == null || period.isConstant() && period.get(null) == null) {
      context.error(element.position(), "'" + element.name() + "' requires 'calls' and 'renewal-period'");
      return false;
    }
    if (calls.isConstant() && calls.get(null) < 0) {
      context.error(element.position(), "'calls' of '" + element.name() + "' must not be negative");
      return false;
    }
    return !period.isConstant() || checkPeriod(element, context, period.get(null));
  }

  private static boolean checkPeriod(XmlElement element, CompileContext context, long seconds) {
    if (seconds < 1 || seconds > MAX_PERIOD_SECONDS) {
      context.error(element.position(), "'renewal-period' of '" + element.name() + "' must be 1 to "
          + MAX_PERIOD_SECONDS + " seconds");
      return false;
    }
    return true;
  }

  /**
   * A runtime value of a numeric attribute: null or out of range fails the request like an expression failure
   * (renewal periods: 1 to 300 seconds; counts: 0 or more, increment-count 0 counts nothing).
   */
  static long positive(Long value, String attribute, boolean zeroAllowed) {
    boolean periodLike = !zeroAllowed;
    if (value == null || value < (zeroAllowed ? 0 : 1) || periodLike && value > MAX_PERIOD_SECONDS) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. '" + attribute + "' evaluated to " + value + ", which is out of range.");
    }
    return value;
  }

  @Override
  public Flow run(Exchange exchange) {
    if (exchange.subscription() == null) {
      return Flow.CONTINUE;
    }
    String base = LimitScopes.base("rate-limit", scope, exchange);
    List<Level> levels = new ArrayList<>(3);
    levels.add(new Level(base, calls, period));
    for (NestedLimit api : apis) {
      if (api.matchesApi(exchange)) {
        levels.add(new Level(LimitScopes.api(base, exchange), api.calls(), api.renewalPeriod()));
        for (NestedLimit op : api.operations()) {
          if (op.matchesOperation(exchange)) {
            levels.add(new Level(LimitScopes.operation(base, exchange), op.calls(), op.renewalPeriod()));
          }
        }
      }
    }
    if (levels.size() == 1) {
      Level level = levels.get(0);
      return CounterCalls.then(level.hit(store, exchange),
          r -> RateLimitByKeyPolicy.decide(exchange, r, level.calls, 1, false, outputs));
    }
    List<CompletableFuture<CounterResult>> hits = new ArrayList<>(levels.size());
    for (Level level : levels) {
      hits.add(level.hit(store, exchange).toCompletableFuture());
    }
    return CounterCalls.then(CompletableFuture.allOf(hits.toArray(new CompletableFuture<?>[0])),
        v -> decide(exchange, levels, hits));
  }

  private Flow decide(Exchange exchange, List<Level> levels, List<CompletableFuture<CounterResult>> hits) {
    Level tightest = null;
    long fewest = Long.MAX_VALUE;
    long wait = 0;
    boolean admitted = true;
    for (int i = 0; i < levels.size(); i++) {
      CounterResult r = hits.get(i).join();
      long remaining = r.remaining(levels.get(i).calls);
      if (remaining < fewest) {
        fewest = remaining;
        tightest = levels.get(i);
      }
      if (!r.admitted()) {
        admitted = false;
        wait = Math.max(wait, r.retryAfterMillis());
      }
    }
    return RateLimitByKeyPolicy.decide(exchange,
        new CounterResult(admitted, tightest.calls - fewest, admitted ? 0 : wait), tightest.calls, 1, false,
        outputs);
  }

  /** One counter of a call: its key, limit and period. */
  private record Level(String key, long calls, long period) {
    CompletableFuture<CounterResult> hit(CounterStore store, Exchange exchange) {
      return store.hit(key, CounterWindow.sliding(Duration.ofSeconds(period)), 1, calls, exchange.nowMillis())
          .toCompletableFuture();
    }
  }
}
