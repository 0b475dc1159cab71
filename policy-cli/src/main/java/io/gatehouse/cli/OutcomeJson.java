package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.expr.runtime.CsFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The JSON object {@code gatehouse-cli run} prints for each request. */
final class OutcomeJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutcomeJson() {}

  static String line(ExchangeOutcome outcome) {
    ObjectNode node = NODES.objectNode();
    node.put("status", outcome.response().status());
    node.put("reason", outcome.response().reason());
    node.set("headers", headers(outcome.response().headers()));
    node.put("body", new String(outcome.response().body(), StandardCharsets.UTF_8));
    BackendRequest b = outcome.backendRequest();
    if (b == null) {
      node.putNull("backendRequest");
    } else {
      ObjectNode backend = node.putObject("backendRequest");
      backend.put("method", b.method());
      backend.put("url", b.uri().toString());
      backend.set("headers", headers(b.headers()));
      backend.put("body", b.body() == null ? "" : new String(b.body(), StandardCharsets.UTF_8));
    }
    ObjectNode variables = node.putObject("variables");
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(outcome.variables()).entrySet()) {
      variables.set(e.getKey(), value(e.getValue()));
    }
    LastError error = outcome.lastError();
    if (error == null) {
      node.putNull("lastError");
    } else {
      ObjectNode le = node.putObject("lastError");
      le.put("source", error.source());
      le.put("reason", error.reason());
      le.put("message", error.message());
      le.put("section", error.section());
      le.put("scope", error.scope());
      le.put("path", error.path());
      le.put("policyId", error.policyId());
    }
    return node.toString();
  }

  private static ObjectNode headers(HttpHeaders headers) {
    ObjectNode node = NODES.objectNode();
    headers.forEach((name, values) -> {
      var array = node.putArray(name);
      values.forEach(array::add);
    });
    return node;
  }

  /** A C# runtime value as JSON: primitives as JSON values, JSON tokens as JSON, anything else as its C# text. */
  static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).longValue());
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
      return NODES.numberNode(((Number) v).doubleValue());
    }
    String text = CsFormat.toDisplayString(v);
    if (JsonText.looksLikeJsonContainer(v)) {
      try {
        return MAPPER.readTree(text);
      } catch (java.io.IOException e) {
        return NODES.textNode(text);
      }
    }
    return NODES.textNode(text);
  }

  /** Recognises JSON token values by their runtime class name, without a compile-time dependency on them. */
  private static final class JsonText {
    static boolean looksLikeJsonContainer(Object v) {
      String name = v.getClass().getSimpleName();
      return name.equals("JObject") || name.equals("JArray");
    }
  }
}
