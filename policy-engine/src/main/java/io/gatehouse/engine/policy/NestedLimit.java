package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code api} child of {@code rate-limit}/{@code quota}, or an {@code operation} child of such an {@code api}:
 * an independent limit for calls to one API or operation, chosen by {@code id} when present, else by {@code name}
 * (display name); both compare case-insensitively. Attribute values are literals (the catalog forbids expressions);
 * absent numbers are null.
 */
record NestedLimit(String id, String name, Long calls, Long bandwidth, Long renewalPeriod,
    List<NestedLimit> operations) {

  /** Reads the {@code api} children of {@code element} with their {@code operation} children. */
  static List<NestedLimit> apis(XmlElement element, CompileContext context) {
    List<NestedLimit> apis = new ArrayList<>();
    for (XmlElement api : element.elements("api")) {
      List<NestedLimit> operations = new ArrayList<>();
      for (XmlElement op : api.elements("operation")) {
        operations.add(read(op, List.of(), context));
      }
      apis.add(read(api, List.copyOf(operations), context));
    }
    return List.copyOf(apis);
  }

  private static NestedLimit read(XmlElement e, List<NestedLimit> operations, CompileContext context) {
    String id = blankToNull(e.attributeValue("id"));
    String name = blankToNull(e.attributeValue("name"));
    if (id == null && name == null) {
      context.error(e.position(), "'" + e.name() + "' needs an 'id' or a 'name'");
    }
    return new NestedLimit(id, name, number(e, "calls", context), number(e, "bandwidth", context),
        number(e, "renewal-period", context), operations);
  }

  private static Long number(XmlElement e, String attribute, CompileContext context) {
    String v = e.attributeValue(attribute);
    if (v == null) {
      return null;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < 0) {
        context.error(e.position(), "attribute '" + attribute + "' of '" + e.name() + "' must not be negative");
      }
      return n;
    } catch (NumberFormatException ex) {
      context.error(e.position(), "attribute '" + attribute + "' of '" + e.name() + "' must be an integer");
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  boolean matchesApi(Exchange exchange) {
    return matches(exchange.api().id(), exchange.api().name());
  }

  boolean matchesOperation(Exchange exchange) {
    return matches(exchange.operation().id(), exchange.operation().name());
  }

  private boolean matches(String actualId, String actualName) {
    return id != null ? id.equalsIgnoreCase(actualId) : name.equalsIgnoreCase(actualName);
  }
}
