package io.gatehouse.engine.policy;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code set-header}: edits the backend request's headers (inbound, backend) or the client response's (outbound,
 * on-error, inside return-response). {@code Connection}, {@code Content-Length}, {@code Keep-Alive} and
 * {@code Transfer-Encoding} belong to the transport and cannot be set or removed; {@code Server} cannot be removed.
 * A value that would split the header (CR, LF) fails the policy instead of reaching the wire.
 */
final class SetHeaderPolicy implements Step {
  static final Set<String> TRANSPORT_HEADERS = Set.of("connection", "content-length", "keep-alive",
      "transfer-encoding");
  private static final String[] TRANSPORT = TRANSPORT_HEADERS.toArray(new String[0]);

  private final NamedValuesEdit edit;
  private final MessageTarget target;
  /** The name when it is a constant: valid and no transport header (checked when compiling), else null. */
  private final String constantName;
  /**
   * An override of the constant name with one constant value (the usual shape) as a header built and checked once,
   * which {@link HttpHeaders#setAll} puts in place as {@code set(name, value)} would; else null.
   */
  private final HttpHeaders constantHeader;

  private SetHeaderPolicy(NamedValuesEdit edit, MessageTarget target) {
    this.edit = edit;
    this.target = target;
    String name = edit.name().isConstant() ? edit.name().get(null) : null;
    this.constantName = name != null && !name.isBlank() ? name : null;
    String value = edit.values().size() == 1 && edit.values().get(0).isConstant() ? edit.values().get(0).get(null)
        : null;
    HttpHeaders header = null;
    if (constantName != null && edit.constantAction() == ExistsAction.OVERRIDE && value != null) {
      try {
        header = new HttpHeaders().set(constantName, value);
      } catch (IllegalArgumentException e) {
        header = null; // an invalid value fails each run, as before
      }
    }
    this.constantHeader = header;
  }

  static Step compile(XmlElement element, CompileContext context) {
    NamedValuesEdit edit = NamedValuesEdit.compile(element, context);
    if (edit == null) {
      return null;
    }
    if (edit.name().isConstant()) {
      String name = edit.name().get(null);
      try {
        HttpHeaders.checkName(name);
      } catch (IllegalArgumentException e) {
        context.error(element.position(), "'" + name + "' is not a valid header name");
        return null;
      }
      if (TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        context.error(element.position(), "header '" + name + "' is managed by the transport and cannot be set");
        return null;
      }
    }
    if (element.elements("value").isEmpty() && !"delete".equals(element.attributeValue("exists-action"))
        && edit.action().isConstant()) {
      context.warning(element.position(), "'set-header' without 'value' sets nothing");
    }
    return new SetHeaderPolicy(edit, context.target());
  }

  @Override
  public Flow run(Exchange exchange) {
    if (constantHeader != null) {
      headers(exchange).setAll(constantHeader);
      return Flow.CONTINUE;
    }
    String name = constantName != null ? constantName : edit.evalName(exchange);
    if (constantName == null && HttpHeaders.isOneOf(name, TRANSPORT)) {
      return Flow.CONTINUE;
    }
    ExistsAction action = edit.evalAction(exchange);
    if (action == ExistsAction.DELETE && name.equalsIgnoreCase("server")) {
      return Flow.CONTINUE;
    }
    HttpHeaders headers = headers(exchange);
    try {
      if (action == ExistsAction.OVERRIDE && edit.values().size() == 1) {
        // the usual shape needs neither the current values nor a list of one value
        String value = edit.values().get(0).get(exchange);
        if (value != null) {
          headers.set(name, value);
        } else {
          headers.set(name, List.of());
        }
      } else {
        List<String> existing = headers.get(name);
        existing = existing.isEmpty() ? null : existing;
        headers.set(name, action.apply(existing, edit.evalValues(exchange)));
      }
    } catch (IllegalArgumentException e) {
      throw PolicyFailure.internal(null, "InvalidHeader", "Header " + name + " cannot be set: " + e.getMessage());
    }
    return Flow.CONTINUE;
  }

  private HttpHeaders headers(Exchange exchange) {
    return target == MessageTarget.REQUEST ? exchange.request().headers() : exchange.response().headers();
  }
}
