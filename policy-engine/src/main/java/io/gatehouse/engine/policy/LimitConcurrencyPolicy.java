package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterStore;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.engine.pipeline.StepSequence;
import io.gatehouse.xml.XmlElement;

/**
 * {@code limit-concurrency}: at most {@code max-count} requests per {@code key} value run the enclosed statements
 * at once (the key may be shared by several policies); an extra request fails at once, without queueing. The slot
 * is released when the children finish: normally, with {@link Flow#END}, with a failure, synchronously or later.
 *
 * <p>DECISION (APIM leaves the error unconfirmed): 429 with {@code LastError.Reason} {@code
 * ConcurrencyLimitExceeded} and the message "Too many concurrent requests.", no Retry-After.
 */
final class LimitConcurrencyPolicy implements Step {
  private final CounterStore store;
  private final Value<String> key;
  private final long maxCount;
  private final StepSequence children;

  private LimitConcurrencyPolicy(CounterStore store, Value<String> key, long maxCount, StepSequence children) {
    this.store = store;
    this.key = key;
    this.maxCount = maxCount;
    this.children = children;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> key = context.requiredString(element, "key");
    Long max = QuotaPolicy.literal(element, "max-count", context);
    if (element.attribute("max-count").isEmpty()) {
      context.error(element.position(), "'limit-concurrency' requires attribute 'max-count'");
    }
    StepSequence children = context.statements(element, context.target());
    return key == null || max == null ? null
        : new LimitConcurrencyPolicy(context.compiler().counters(), key, max, children);
  }

  @Override
  public Flow run(Exchange exchange) {
    String value = key.get(exchange);
    String slot = "limit-concurrency|" + (value == null ? "" : value);
    return CounterCalls.then(store.tryAcquire(slot, maxCount), granted -> {
      if (!granted) {
        throw PolicyFailure.of(null, "ConcurrencyLimitExceeded", "Too many concurrent requests.", 429,
            "Too many concurrent requests.");
      }
      Flow flow;
      try {
        flow = children.run(exchange);
      } catch (RuntimeException e) {
        store.release(slot);
        throw e;
      }
      if (!flow.isPending()) {
        store.release(slot);
        return flow;
      }
      return Flow.later(flow.stage().whenComplete((f, error) -> store.release(slot)));
    });
  }
}
