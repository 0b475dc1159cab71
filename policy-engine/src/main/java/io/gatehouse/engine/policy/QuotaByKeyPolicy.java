package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code quota-by-key}: call-volume and/or bandwidth limits per value of {@code counter-key} in fixed periods of
 * {@code renewal-period} seconds aligned to {@code first-period-start} (default {@code 0001-01-01T00:00:00Z});
 * {@code renewal-period="0"} never resets. One counter per key for all scopes: a key counted by an earlier
 * {@code quota-by-key} of the same request is only checked, not counted again. With {@code increment-condition}
 * the call is checked when the policy runs and counted once the response is final if the condition is true (with a
 * false condition neither the call nor its bandwidth counts); bandwidth is always counted once the response is final.
 * {@code increment-count} is evaluated when the policy runs.
 */
final class QuotaByKeyPolicy implements Step {
  static final Instant DEFAULT_FIRST_PERIOD_START = Instant.parse("0001-01-01T00:00:00Z");

  private final CounterStore store;
  private final Long calls;
  private final Long kilobytes;
  private final CounterWindow window;
  private final Value<String> counterKey;
  private final Value<Boolean> incrementCondition;
  private final Value<Long> incrementCount;

  private QuotaByKeyPolicy(CounterStore store, Long calls, Long kilobytes, CounterWindow window,
      Value<String> counterKey, Value<Boolean> incrementCondition, Value<Long> incrementCount) {
    this.store = store;
    this.calls = calls;
    this.kilobytes = kilobytes;
    this.window = window;
    this.counterKey = counterKey;
    this.incrementCondition = incrementCondition;
    this.incrementCount = incrementCount;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Long calls = QuotaPolicy.literal(element, "calls", context);
    Long kilobytes = QuotaPolicy.literal(element, "bandwidth", context);
    Long period = QuotaPolicy.literal(element, "renewal-period", context);
    Value<String> key = context.requiredString(element, "counter-key");
    boolean hasCondition = element.attribute("increment-condition").isPresent();
    Value<Boolean> condition = hasCondition ? context.bool(element, "increment-condition", true) : null;
    Value<Long> count = context.integer(element, "increment-count", 1L);
    Instant start = DEFAULT_FIRST_PERIOD_START;
    String first = element.attributeValue("first-period-start");
    if (first != null) {
      try {
        start = Instant.parse(first.strip());
      } catch (DateTimeParseException e) {
        context.error(element.position(), "'first-period-start' of 'quota-by-key' must look like "
            + "2024-01-01T00:00:00Z");
        return null;
      }
    }
    if (period == null || calls == null && kilobytes == null) {
      context.error(element.position(), "'quota-by-key' requires 'renewal-period' and 'calls' or 'bandwidth'");
      return null;
    }
    if (key == null || count == null || hasCondition && condition == null) {
      return null;
    }
    return new QuotaByKeyPolicy(context.compiler().counters(), calls, kilobytes,
        QuotaPolicy.window(period, start), key, condition, count);
  }

  @Override
  public Flow run(Exchange exchange) {
    long amount = RateLimitPolicy.positive(incrementCount.get(exchange), "increment-count", true);
    String value = counterKey.get(exchange);
    QuotaLimit limit = new QuotaLimit("quota-by-key|" + (value == null ? "" : value), calls, kilobytes, window);
    boolean first = exchange.markCounted(limit.key());
    boolean countNow = first && incrementCondition == null;
    if (first) {
      exchange.onResponse(e -> {
        boolean counted = incrementCondition == null || Boolean.TRUE.equals(incrementCondition.get(e));
        if (counted) {
          limit.countLater(store, e, amount, incrementCondition != null);
        }
      });
    }
    // a key this request already counted is checked as it stands (the call is in it)
    return QuotaLimit.decideAll(List.of(limit.check(store, exchange, first ? amount : 0, countNow)));
  }
}
