package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.Subscription;
import io.gatehouse.engine.subscription.SubscriptionFile;
import io.gatehouse.xml.Diagnostics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario file for {@code gatehouse-cli run} (format in the README): a start clock, named values, subscriptions,
 * a backend (echo or fixed) and requests to replay.
 */
record Scenario(
    Instant clock,
    Map<String, String> namedValues,
    List<Subscription> subscriptions,
    FixedBackend backend,
    List<Request> requests) {

  /** A fixed backend answer; null in {@link Scenario#backend()} means echo. */
  record FixedBackend(int status, HttpHeaders headers, String body) {}

  /** One request to replay. */
  record Request(long advanceSeconds, String method, String url, HttpHeaders headers, String body, String clientIp) {}

  /** Thrown with a message naming the file and the problem. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static Scenario read(Path file) throws Invalid {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new Invalid(file + ": not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(file + ": the scenario must be a JSON object");
    }
    Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    if (root.hasNonNull("clock")) {
      try {
        clock = Instant.parse(root.get("clock").asText());
      } catch (DateTimeParseException e) {
        throw new Invalid(file + ": clock must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
      }
    }
    Map<String, String> namedValues = new LinkedHashMap<>();
    root.path("namedValues").fields().forEachRemaining(e -> namedValues.put(e.getKey(), e.getValue().asText()));
    List<Subscription> subscriptions = List.of();
    if (root.has("subscriptions")) {
      Diagnostics diagnostics = new Diagnostics();
      subscriptions = SubscriptionFile.parse(root.get("subscriptions"), file.toString(), diagnostics);
      if (subscriptions == null) {
        throw new Invalid(diagnostics.all().get(0).toString());
      }
    }
    FixedBackend backend = null;
    JsonNode b = root.path("backend");
    if (b.isObject() && !b.path("echo").asBoolean(false)) {
      backend = new FixedBackend(b.path("status").asInt(200), headers(b.path("headers"), file),
          b.path("body").isMissingNode() || b.path("body").isNull() ? "" : text(b.path("body")));
    }
    List<Request> requests = new ArrayList<>();
    int index = 0;
    for (JsonNode r : root.path("requests")) {
      index++;
      if (!r.hasNonNull("url")) {
        throw new Invalid(file + ": request " + index + " has no url");
      }
      requests.add(new Request(r.path("advanceSeconds").asLong(0), r.path("method").asText("GET"),
          r.get("url").asText(), headers(r.path("headers"), file),
          r.hasNonNull("body") ? text(r.get("body")) : null, r.path("clientIp").asText("127.0.0.1")));
    }
    return new Scenario(clock, namedValues, subscriptions, backend, requests);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static HttpHeaders headers(JsonNode node, Path file) throws Invalid {
    HttpHeaders headers = new HttpHeaders();
    var fields = node.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      try {
        if (e.getValue().isArray()) {
          for (JsonNode v : e.getValue()) {
            headers.add(e.getKey(), v.asText());
          }
        } else {
          headers.add(e.getKey(), e.getValue().asText());
        }
      } catch (IllegalArgumentException ex) {
        throw new Invalid(file + ": header '" + e.getKey() + "': " + ex.getMessage());
      }
    }
    return headers;
  }
}
