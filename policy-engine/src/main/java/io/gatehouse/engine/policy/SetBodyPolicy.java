package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.util.function.Function;

/**
 * {@code set-body}: replaces the backend request body (inbound, backend) or the client response body (outbound,
 * on-error, inside return-response) with literal text or an expression's value. Liquid templates are a load error
 * until they land; {@code parse-date} and {@code xsi-nil} only affect Liquid and are accepted.
 */
final class SetBodyPolicy implements Step {
  private final Value<Object> body;
  private final MessageTarget target;
  private final Function<Object, String> toText;

  private SetBodyPolicy(Value<Object> body, MessageTarget target, Function<Object, String> toText) {
    this.body = body;
    this.target = target;
    this.toText = toText;
  }

  static Step compile(XmlElement element, CompileContext context) {
    String template = element.attributeValue("template");
    if (template != null) {
      context.error(element.attribute("template").orElseThrow().position(),
          "set-body template=\"" + template + "\" is not supported yet (Liquid templates land later)");
      return null;
    }
    Value<Object> body = context.anyText(element);
    return body == null ? null : new SetBodyPolicy(body, context.target(), context.compiler().toText());
  }

  @Override
  public Flow run(Exchange exchange) {
    byte[] bytes = BodyText.bytes(body.get(exchange), toText);
    if (target == MessageTarget.REQUEST) {
      exchange.request().setBody(bytes == null ? new byte[0] : bytes);
    } else {
      exchange.response().setBody(bytes);
    }
    return Flow.CONTINUE;
  }
}
