package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.context.SubscriptionInfo;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.Scope;
import io.gatehouse.xml.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code quota}: call-volume and/or bandwidth limits per subscription in fixed periods of {@code renewal-period}
 * seconds (0 = never resets), plus independent limits for matching nested {@code api}/{@code operation} elements;
 * exceeding any refuses with 403 {@code QuotaExceeded}. A no-op for calls without a subscription key.
 *
 * <p>Periods are aligned to the subscription's start: DECISION: {@code StartDate}, else {@code CreatedDate}, else
 * the Unix epoch. Nested elements without {@code renewal-period} use their parent's; limits they do not set are
 * absent (not inherited).
 */
final class QuotaPolicy implements Step {
  private final CounterStore store;
  private final Scope scope;
  private final Long calls;
  private final Long kilobytes;
  private final long period;
  private final List<NestedLimit> apis;

  private QuotaPolicy(CounterStore store, Scope scope, Long calls, Long kilobytes, long period,
      List<NestedLimit> apis) {
    this.store = store;
    this.scope = scope;
    this.calls = calls;
    this.kilobytes = kilobytes;
    this.period = period;
    this.apis = apis;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Long calls = literal(element, "calls", context);
    Long kilobytes = literal(element, "bandwidth", context);
    Long period = literal(element, "renewal-period", context);
    if (period == null) {
      context.error(element.position(), "'" + element.name() + "' requires 'renewal-period'");
      return null;
    }
    if (calls == null && kilobytes == null) {
      context.error(element.position(), "'" + element.name() + "' requires 'calls' or 'bandwidth'");
      return null;
    }
    List<NestedLimit> apis = NestedLimit.apis(element, context);
    return new QuotaPolicy(context.compiler().counters(), context.scope(), calls, kilobytes, period, apis);
  }

  /** A literal non-negative integer attribute, or null when absent or invalid (invalid is reported). */
  static Long literal(XmlElement element, String attribute, CompileContext context) {
    String v = element.attributeValue(attribute);
    if (v == null) {
      return null;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    context.error(element.position(), "attribute '" + attribute + "' of '" + element.name()
        + "' must be a non-negative integer");
    return null;
  }

  @Override
  public Flow run(Exchange exchange) {
    SubscriptionInfo subscription = exchange.subscription();
    if (subscription == null) {
      return Flow.CONTINUE;
    }
    Instant start = subscription.startDate() != null ? subscription.startDate()
        : subscription.createdDate() != null ? subscription.createdDate() : Instant.EPOCH;
    String base = LimitScopes.base("quota", scope, exchange);
    List<QuotaLimit> limits = new ArrayList<>(3);
    limits.add(new QuotaLimit(base, calls, kilobytes, window(period, start)));
    for (NestedLimit api : apis) {
      if (api.matchesApi(exchange)) {
        long apiPeriod = api.renewalPeriod() != null ? api.renewalPeriod() : period;
        limits.add(new QuotaLimit(LimitScopes.api(base, exchange), api.calls(), api.bandwidth(),
            window(apiPeriod, start)));
        for (NestedLimit op : api.operations()) {
          if (op.matchesOperation(exchange)) {
            limits.add(new QuotaLimit(LimitScopes.operation(base, exchange), op.calls(), op.bandwidth(),
                window(op.renewalPeriod() != null ? op.renewalPeriod() : apiPeriod, start)));
          }
        }
      }
    }
    List<CompletableFuture<QuotaLimit.Outcome>> checks = new ArrayList<>(limits.size());
    for (QuotaLimit limit : limits) {
      checks.add(limit.check(store, exchange, 1, true));
      if (limit.kilobytes() != null) {
        exchange.onResponse(e -> limit.countLater(store, e, 1, false));
      }
    }
    return QuotaLimit.decideAll(checks);
  }

  static CounterWindow window(long periodSeconds, Instant origin) {
    return CounterWindow.fixed(Duration.ofSeconds(periodSeconds), origin);
  }
}
