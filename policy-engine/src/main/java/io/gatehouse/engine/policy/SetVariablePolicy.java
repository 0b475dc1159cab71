package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;

/**
 * {@code set-variable}: stores a value in {@code context.Variables}. A literal is stored as a string; an expression's
 * runtime value is stored unchanged (JObject, Jwt, IResponse included, as real policies need).
 */
final class SetVariablePolicy implements Step {
  private final String name;
  private final Value<Object> value;

  private SetVariablePolicy(String name, Value<Object> value) {
    this.name = name;
    this.value = value;
  }

  static Step compile(XmlElement element, CompileContext context) {
    String name = element.attributeValue("name");
    XmlAttribute value = element.attribute("value").orElse(null);
    if (name == null || value == null) {
      context.error(element.position(), "'set-variable' requires attributes 'name' and 'value'");
      return null;
    }
    Value<Object> compiled = context.anyAttribute(value);
    return compiled == null ? null : new SetVariablePolicy(name, compiled);
  }

  @Override
  public Flow run(Exchange exchange) {
    exchange.variables().put(name, value.get(exchange));
    return Flow.CONTINUE;
  }
}
