package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * {@code rate-limit-by-key}: at most {@code calls} per sliding window of {@code renewal-period} seconds per value of
 * {@code counter-key}, shared by every policy using the same key and period.
 *
 * <p>Without {@code increment-condition} the check and the increment are one atomic store call. With it, the policy
 * only checks (a call is admitted while {@code count + increment-count <= calls}) and the condition is evaluated
 * once the response is final, adding {@code increment-count} when true; concurrent calls can then overshoot by the
 * calls in flight, as in APIM. {@code increment-count} is evaluated when the policy runs. Every counted call counts,
 * admitted or refused (APIM, Observed): exclude refusals with e.g.
 * {@code increment-condition="@(context.Response.StatusCode != 429)"}.
 */
final class RateLimitByKeyPolicy implements Step {
  static final String KEY_PREFIX = "rate-limit-by-key|";

  private final CounterStore store;
  private final Value<Long> calls;
  private final Value<Long> period;
  private final Value<String> counterKey;
  private final Value<Boolean> incrementCondition;
  private final Value<Long> incrementCount;
  private final LimitOutputs outputs;
  /** The window of every call when {@code renewal-period} is a valid constant, else null. */
  private final CounterWindow constantWindow;

  private RateLimitByKeyPolicy(CounterStore store, Value<Long> calls, Value<Long> period, Value<String> counterKey,
      Value<Boolean> incrementCondition, Value<Long> incrementCount, LimitOutputs outputs) {
    this.store = store;
    this.calls = calls;
    this.period = period;
    this.counterKey = counterKey;
    this.incrementCondition = incrementCondition;
    this.incrementCount = incrementCount;
    this.outputs = outputs;
    Long constantPeriod = period.isConstant() ? period.get(null) : null;
    this.constantWindow = constantPeriod != null && constantPeriod >= 1
        && constantPeriod <= RateLimitPolicy.MAX_PERIOD_SECONDS ? window(constantPeriod) : null;
  }

  private static CounterWindow window(long seconds) {
    return CounterWindow.sliding(Duration.ofSeconds(seconds));
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<Long> calls = context.integer(element, "calls", null);
    Value<Long> period = context.integer(element, "renewal-period", null);
    Value<String> key = context.requiredString(element, "counter-key");
    Value<Boolean> condition = element.attribute("increment-condition").isPresent()
        ? context.bool(element, "increment-condition", true) : null;
    Value<Long> count = context.integer(element, "increment-count", 1L);
    boolean ok = RateLimitPolicy.checkLimit(element, context, calls, period) && key != null && count != null
        && (condition != null || element.attribute("increment-condition").isEmpty());
    return ok ? new RateLimitByKeyPolicy(context.compiler().counters(), calls, period, key, condition, count,
        LimitOutputs.of(element)) : null;
  }

  @Override
  public Flow run(Exchange exchange) {
    long limit = RateLimitPolicy.positive(calls.get(exchange), "calls", true);
    CounterWindow window = constantWindow != null ? constantWindow
        : window(RateLimitPolicy.positive(period.get(exchange), "renewal-period", false));
    long amount = RateLimitPolicy.positive(incrementCount.get(exchange), "increment-count", true);
    String value = counterKey.get(exchange);
    String key = KEY_PREFIX + (value == null ? "" : value);
    CompletionStage<CounterResult> check;
    if (incrementCondition == null) {
      check = store.hit(key, window, amount, limit, exchange.nowMillis());
    } else {
      check = store.peek(key, window, amount, limit, exchange.nowMillis());
      exchange.onResponse(e -> {
        if (Boolean.TRUE.equals(incrementCondition.get(e))) {
          store.add(key, window, amount, e.nowMillis());
        }
      });
    }
    CounterResult answered = CounterCalls.ifAnswered(check);
    if (answered != null) {
      return decide(exchange, answered, limit, amount, incrementCondition != null, outputs);
    }
    return CounterCalls.then(check, result -> decide(exchange, result, limit, amount, incrementCondition != null,
        outputs));
  }

  /**
   * Reports a rate-limit check and refuses with 429 when it failed. For a check that did not count the call yet
   * ({@code pending}) the calls left assume it will be counted.
   */
  static Flow decide(Exchange exchange, CounterResult result, long limit, long amount, boolean pending,
      LimitOutputs outputs) {
    long remaining = pending ? Math.max(0, result.remaining(limit) - amount) : result.remaining(limit);
    outputs.report(exchange, result.admitted() ? remaining : 0, limit);
    if (result.admitted()) {
      return Flow.CONTINUE;
    }
    long wait = CounterCalls.seconds(result.retryAfterMillis());
    outputs.reportRetryAfter(exchange, wait);
    throw rateLimitExceeded(outputs.retryAfterHeader(), wait);
  }

  static PolicyFailure rateLimitExceeded(String retryAfterHeader, long seconds) {
    return PolicyFailure.withHeaders(null, "RateLimitExceeded", "Rate limit is exceeded", 429,
        "Rate limit is exceeded. Try again in " + seconds + " seconds.",
        HttpHeaders.of(retryAfterHeader, Long.toString(seconds)));
  }
}
