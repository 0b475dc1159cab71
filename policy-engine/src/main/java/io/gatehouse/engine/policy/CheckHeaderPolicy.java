package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check-header}: the request must carry the header and, when values are listed, only listed values.
 * DECISION (multi-valued headers are undocumented): every value the header carries must be allowed.
 */
final class CheckHeaderPolicy implements Step {
  private final Value<String> name;
  private final Value<Long> failedCode;
  private final Value<String> failedMessage;
  private final Value<Boolean> ignoreCase;
  private final List<Value<String>> values;

  private CheckHeaderPolicy(
      Value<String> name, Value<Long> failedCode, Value<String> failedMessage, Value<Boolean> ignoreCase,
      List<Value<String>> values) {
    this.name = name;
    this.failedCode = failedCode;
    this.failedMessage = failedMessage;
    this.ignoreCase = ignoreCase;
    this.values = values;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> name = context.requiredString(element, "name");
    Value<Long> code = element.attribute("failed-check-httpcode").isPresent()
        ? context.integer(element, "failed-check-httpcode", null) : null;
    Value<String> message = context.requiredString(element, "failed-check-error-message");
    Value<Boolean> ignoreCase = element.attribute("ignore-case").isPresent()
        ? context.bool(element, "ignore-case", false) : null;
    if (element.attribute("failed-check-httpcode").isEmpty()) {
      context.error(element.position(), "'check-header' requires attribute 'failed-check-httpcode'");
    }
    if (element.attribute("ignore-case").isEmpty()) {
      context.error(element.position(), "'check-header' requires attribute 'ignore-case'");
    }
    List<Value<String>> values = new ArrayList<>();
    boolean ok = name != null && code != null && message != null && ignoreCase != null;
    for (XmlElement v : element.elements("value")) {
      Value<String> value = context.text(v);
      ok &= value != null;
      values.add(value);
    }
    return ok ? new CheckHeaderPolicy(name, code, message, ignoreCase, List.copyOf(values)) : null;
  }

  @Override
  public Flow run(Exchange exchange) {
    String header = name.get(exchange);
    List<String> present = header == null ? List.of() : exchange.request().headers().get(header);
    if (present.isEmpty()) {
      throw fail(exchange, "HeaderNotFound", "Header " + header + " was not found in the request. Access denied.");
    }
    if (values.isEmpty()) {
      return Flow.CONTINUE;
    }
    boolean caseless = ignoreCase.get(exchange);
    List<String> allowed = new ArrayList<>(values.size());
    for (Value<String> v : values) {
      allowed.add(v.get(exchange));
    }
    for (String value : present) {
      if (!isAllowed(value, allowed, caseless)) {
        throw fail(exchange, "HeaderValueNotAllowed",
            "Header " + header + " value of " + value + " is not allowed. Access denied.");
      }
    }
    return Flow.CONTINUE;
  }

  private static boolean isAllowed(String value, List<String> allowed, boolean caseless) {
    for (String a : allowed) {
      if (a != null && (caseless ? a.equalsIgnoreCase(value) : a.equals(value))) {
        return true;
      }
    }
    return false;
  }

  private PolicyFailure fail(Exchange exchange, String reason, String message) {
    Long code = failedCode.get(exchange);
    int status = code == null || code < 100 || code > 599 ? 401 : code.intValue();
    return PolicyFailure.of(null, reason, message, status, failedMessage.get(exchange));
  }
}
