package io.gatehouse.engine.policy;

import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import io.gatehouse.xml.XmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code trace}: sends a message with metadata to the engine's {@link TraceSink}. A message or metadata value into
 * which a secret named value was substituted is replaced by {@code ***}.
 */
final class TracePolicy implements Step {
  static final String MASK = "***";
  private static final Set<String> SEVERITIES = Set.of("verbose", "information", "error");

  private final String source;
  private final String severity;
  private final Value<String> message;
  private final List<String> metadataNames;
  private final List<Value<String>> metadataValues;

  private TracePolicy(String source, String severity, Value<String> message, List<String> metadataNames,
      List<Value<String>> metadataValues) {
    this.source = source;
    this.severity = severity;
    this.message = message;
    this.metadataNames = metadataNames;
    this.metadataValues = metadataValues;
  }

  static Step compile(XmlElement element, CompileContext context) {
    String source = element.attributeValue("source");
    if (source == null) {
      context.error(element.position(), "'trace' requires attribute 'source'");
      return null;
    }
    String severity = element.attributeValue("severity");
    severity = severity == null ? "verbose" : severity.strip().toLowerCase(Locale.ROOT);
    if (!SEVERITIES.contains(severity)) {
      context.error(element.position(), "severity must be verbose, information or error");
      return null;
    }
    XmlElement messageElement = element.element("message").orElse(null);
    if (messageElement == null) {
      context.error(element.position(), "'trace' requires a 'message' element");
      return null;
    }
    XmlText text = messageElement.text();
    Value<String> message = text != null && text.secret() ? Value.constant(MASK) : context.text(messageElement);
    List<String> names = new ArrayList<>();
    List<Value<String>> values = new ArrayList<>();
    boolean ok = message != null;
    for (XmlElement m : element.elements("metadata")) {
      names.add(m.attributeValue("name") == null ? "" : m.attributeValue("name"));
      boolean secret = m.attribute("value").map(a -> a.secret()).orElse(false);
      Value<String> v = secret ? Value.constant(MASK) : context.string(m, "value", "");
      ok &= v != null;
      values.add(v);
    }
    return ok ? new TracePolicy(source, severity, message, List.copyOf(names), List.copyOf(values)) : null;
  }

  @Override
  public Flow run(Exchange exchange) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < metadataNames.size(); i++) {
      String v = metadataValues.get(i).get(exchange);
      metadata.put(metadataNames.get(i), v == null ? "" : v);
    }
    String m = message.get(exchange);
    exchange.trace(new TraceSink.TraceEvent(source, severity, m == null ? "" : m, metadata));
    return Flow.CONTINUE;
  }
}
