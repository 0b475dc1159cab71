package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.xml.XmlElement;

/**
 * The header and variable attributes of {@code rate-limit} and {@code rate-limit-by-key}: where the seconds to
 * wait, the calls left and the limit are reported. Headers go on the final response (also the 429), variables are
 * set as soon as the check is decided.
 */
record LimitOutputs(
    String retryAfterHeader,
    String retryAfterVariable,
    String remainingHeader,
    String remainingVariable,
    String totalHeader) {

  static LimitOutputs of(XmlElement element) {
    String retryAfter = element.attributeValue("retry-after-header-name");
    return new LimitOutputs(retryAfter == null || retryAfter.isBlank() ? "Retry-After" : retryAfter,
        element.attributeValue("retry-after-variable-name"), element.attributeValue("remaining-calls-header-name"),
        element.attributeValue("remaining-calls-variable-name"), element.attributeValue("total-calls-header-name"));
  }

  /** Reports the calls left and the limit of the check that just ran. */
  void report(Exchange exchange, long remaining, long total) {
    if (remainingVariable != null) {
      exchange.variables().put(remainingVariable, CounterCalls.asInt(remaining));
    }
    if (remainingHeader != null || totalHeader != null) {
      exchange.onResponse(e -> {
        if (remainingHeader != null) {
          e.response().headers().set(remainingHeader, Long.toString(remaining));
        }
        if (totalHeader != null) {
          e.response().headers().set(totalHeader, Long.toString(total));
        }
      });
    }
  }

  /** Reports the seconds to wait of a refused call. */
  void reportRetryAfter(Exchange exchange, long seconds) {
    if (retryAfterVariable != null) {
      exchange.variables().put(retryAfterVariable, CounterCalls.asInt(seconds));
    }
  }
}
