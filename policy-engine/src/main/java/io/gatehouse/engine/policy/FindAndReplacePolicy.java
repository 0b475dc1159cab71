package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Body;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.nio.charset.StandardCharsets;

/**
 * {@code find-and-replace}: replaces every occurrence of {@code from} (ordinal, case-sensitive) in the request
 * body (inbound, backend) or response body (outbound, on-error), reading the body as UTF-8 without consuming it.
 */
final class FindAndReplacePolicy implements Step {
  private final Value<String> from;
  private final Value<String> to;
  private final MessageTarget target;

  private FindAndReplacePolicy(Value<String> from, Value<String> to, MessageTarget target) {
    this.from = from;
    this.to = to;
    this.target = target;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> from = context.requiredString(element, "from");
    Value<String> to = context.requiredString(element, "to");
    if (from != null && from.isConstant() && from.get(null).isEmpty()) {
      context.error(element.position(), "'from' must not be empty");
      return null;
    }
    return from == null || to == null ? null : new FindAndReplacePolicy(from, to, context.target());
  }

  @Override
  public Flow run(Exchange exchange) {
    Body body = target == MessageTarget.REQUEST ? exchange.request().body() : exchange.response().body();
    String f = from.get(exchange);
    if (body == null || f == null || f.isEmpty()) {
      return Flow.CONTINUE;
    }
    String text = new String(body.peek(), StandardCharsets.UTF_8);
    if (!text.contains(f)) {
      return Flow.CONTINUE;
    }
    String t = to.get(exchange);
    byte[] replaced = text.replace(f, t == null ? "" : t).getBytes(StandardCharsets.UTF_8);
    if (target == MessageTarget.REQUEST) {
      exchange.request().setBody(replaced);
    } else {
      exchange.response().setBody(replaced);
    }
    return Flow.CONTINUE;
  }
}
