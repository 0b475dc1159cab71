package io.gatehouse.engine.policy;

import io.gatehouse.xml.Section;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;
import io.gatehouse.xml.XmlNode;
import io.gatehouse.xml.XmlText;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a pipeline is compiled whether a policy may read or transform the backend's response body, so that
 * {@code forward-request} can let the backend stream it ({@link io.gatehouse.api.BackendOptions#responseBodyNeeded()}
 * false) when none can.
 *
 * <p>Conservative: the body is needed unless every statement of backend, outbound and on-error (nested ones
 * included) is a policy known to leave the response body alone, no expression there mentions {@code Body}, and no
 * check that runs once the response is final (an {@code increment-condition}, a quota's {@code bandwidth}) may look at
 * it. A policy that only replaces the body ({@code set-body}, {@code return-response}) needs no bytes of it.
 */
final class ResponseBodyUse {
  /** Policies that neither read nor transform the response body. */
  private static final Set<String> LEAVE_BODY = Set.of(
      "base", "include-fragment", "choose", "set-header", "set-status", "set-variable", "set-query-parameter",
      "set-method", "rewrite-uri", "set-backend-service", "set-body", "return-response", "mock-response", "trace",
      "cors", "check-header", "ip-filter", "authentication-basic", "authentication-certificate",
      "authentication-managed-identity", "validate-jwt", "validate-azure-ad-token", "validate-client-certificate",
      "emit-metric", "log-to-eventhub", "send-request", "send-one-way-request", "rate-limit", "rate-limit-by-key",
      "quota", "quota-by-key", "limit-concurrency", "cache-lookup-value", "cache-store-value", "cache-remove-value",
      "retry", "wait");

  /** Policies whose child elements are statements. */
  private static final Set<String> CONTAINERS = Set.of("limit-concurrency", "retry", "wait", "return-response");

  private ResponseBodyUse() {}

  /** Whether a statement of these effective sections may read or transform the backend's response body. */
  static boolean needed(Map<Section, List<ScopedElement>> sections) {
    for (Section section : List.of(Section.BACKEND, Section.OUTBOUND, Section.ON_ERROR)) {
      for (ScopedElement statement : sections.getOrDefault(section, List.of())) {
        if (mayUse(statement.element(), section) || mentionsBody(statement.element())) {
          return true;
        }
      }
    }
    for (List<ScopedElement> statements : sections.values()) {
      for (ScopedElement statement : statements) {
        if (looksAtFinalResponse(statement.element())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a statement, or one nested in it, is not known to leave the response body alone. */
  private static boolean mayUse(XmlElement statement, Section section) {
    String name = statement.name();
    if (name.equals("forward-request")) {
      return section != Section.BACKEND;
    }
    if (!LEAVE_BODY.contains(name)) {
      return true;
    }
    if (name.equals("set-body")) {
      String template = statement.attributeValue("template");
      return template != null && !template.strip().equalsIgnoreCase("none");
    }
    if (name.equals("return-response") && statement.attribute("response-variable-name").isPresent()) {
      return true; // the variable may hold context.Response itself, whose body it copies
    }
    if (name.equals("choose")) {
      for (XmlElement branch : statement.elements()) {
        if (anyMayUse(branch, section)) {
          return true;
        }
      }
      return false;
    }
    return CONTAINERS.contains(name) && anyMayUse(statement, section);
  }

  private static boolean anyMayUse(XmlElement parent, Section section) {
    for (XmlElement child : parent.elements()) {
      if (mayUse(child, section)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that run when the response is final, wherever they are declared: a quota counting bandwidth counts the
   * response body's bytes, an {@code increment-condition} may read it.
   */
  private static boolean looksAtFinalResponse(XmlElement element) {
    if ((element.name().equals("quota") || element.name().equals("quota-by-key")) && hasBandwidth(element)) {
      return true;
    }
    XmlAttribute condition = element.attribute("increment-condition").orElse(null);
    if (condition != null && isBodyExpression(condition.value())) {
      return true;
    }
    for (XmlElement child : element.elements()) {
      if (looksAtFinalResponse(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBandwidth(XmlElement element) {
    if (element.attribute("bandwidth").isPresent()) {
      return true;
    }
    for (XmlElement child : element.elements()) {
      if (hasBandwidth(child)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an expression anywhere in {@code element} (attribute values, text) mentions {@code Body}. */
  private static boolean mentionsBody(XmlElement element) {
    for (XmlAttribute a : element.attributes()) {
      if (isBodyExpression(a.value())) {
        return true;
      }
    }
    for (XmlNode child : element.children()) {
      if (child instanceof XmlText t && isBodyExpression(t.value())
          || child instanceof XmlElement e && mentionsBody(e)) {
        return true;
      }
    }
    return false;
  }

  /** A plain substring test: any mention of {@code Body} (context.Response.Body, a variable's .Body, ...) counts. */
  private static boolean isBodyExpression(String value) {
    return value != null && (value.contains("@(") || value.contains("@{")) && value.contains("Body");
  }
}
