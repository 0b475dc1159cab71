package io.gatehouse.engine.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.Subscription;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads subscriptions from a JSON file of the user's (APIOps trees never contain keys): an array, or an object with
 * a {@code subscriptions} array, of
 * {@code {"name", "scope": "all" | "api:<id>" | "product:<id>", "state": "active" | "suspended" | ...,
 * "primaryKey", "secondaryKey", "createdDate", "startDate", "endDate", "owner": {"id", "email", "firstName",
 * "lastName"}}}. Problems are diagnostics naming the file and the entry; key values are never printed.
 */
public final class SubscriptionFile {
  private SubscriptionFile() {}

  /** Reads the file; null (with diagnostics) when it has errors. */
  public static List<Subscription> read(Path file, Diagnostics diagnostics) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      diagnostics.error(Position.start(file.toString()), "subscriptions file is not valid JSON: "
          + e.getClass().getSimpleName());
      return null;
    }
    JsonNode array = root != null && root.isObject() ? root.path("subscriptions") : root;
    return parse(array, file.toString(), diagnostics);
  }

  /** Parses a JSON array of subscriptions (the same shape as a CLI scenario's {@code subscriptions}). */
  public static List<Subscription> parse(JsonNode array, String origin, Diagnostics diagnostics) {
    List<Subscription> result = new ArrayList<>();
    if (array == null || !array.isArray()) {
      diagnostics.error(Position.start(origin), "expected an array of subscriptions");
      return null;
    }
    int index = 0;
    int errorsBefore = diagnostics.errorCount();
    for (JsonNode n : array) {
      index++;
      String where = "subscription " + index + (n.hasNonNull("name") ? " ('" + n.get("name").asText() + "')" : "");
      String name = n.path("name").asText(n.path("id").asText("subscription-" + index));
      String scopeText = n.path("scope").asText("all");
      Subscription.Scope scope;
      String target = null;
      if (scopeText.equalsIgnoreCase("all")) {
        scope = Subscription.Scope.ALL;
      } else if (scopeText.regionMatches(true, 0, "api:", 0, 4)) {
        scope = Subscription.Scope.API;
        target = scopeText.substring(4);
      } else if (scopeText.regionMatches(true, 0, "product:", 0, 8)) {
        scope = Subscription.Scope.PRODUCT;
        target = scopeText.substring(8);
      } else {
        diagnostics.error(Position.start(origin), where + ": scope must be all, api:<id> or product:<id>");
        continue;
      }
      Subscription.State state;
      try {
        state = Subscription.State.valueOf(n.path("state").asText("active").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        diagnostics.error(Position.start(origin), where + ": unknown state '" + n.path("state").asText() + "'");
        continue;
      }
      if (!n.hasNonNull("primaryKey") || n.get("primaryKey").asText().isEmpty()) {
        diagnostics.error(Position.start(origin), where + ": primaryKey is required");
        continue;
      }
      JsonNode o = n.path("owner");
      Subscription.Owner owner = o.isObject() ? new Subscription.Owner(text(o, "id"), text(o, "email"),
          text(o, "firstName"), text(o, "lastName")) : null;
      try {
        result.add(new Subscription(n.path("id").asText(name), name, scope, target, state,
            n.get("primaryKey").asText(), text(n, "secondaryKey"), instant(n, "createdDate"),
            instant(n, "startDate"), instant(n, "endDate"), owner));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        diagnostics.error(Position.start(origin), where + ": dates must be ISO-8601 instants and targets non-empty");
      }
    }
    return diagnostics.errorCount() > errorsBefore ? null : result;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static Instant instant(JsonNode n, String field) {
    return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
  }
}
