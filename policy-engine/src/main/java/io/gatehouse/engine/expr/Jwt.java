package io.gatehouse.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** APIM's {@code Jwt} (parsed, never validated). Private helper of the compiler until the runtime provides it. */
final class Jwt {
  private final JsonNode header;
  private final JsonNode payload;
  private final Map<String, String[]> claims;

  private Jwt(JsonNode header, JsonNode payload) {
    this.header = header;
    this.payload = payload;
    Map<String, String[]> c = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Iterator<Map.Entry<String, JsonNode>> it = payload.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.isTextual() ? v.textValue() : Json.write(v, false)));
      } else {
        JsonNode v = e.getValue();
        values.add(v.isTextual() ? v.textValue() : Json.write(v, false));
      }
      c.put(e.getKey(), values.toArray(String[]::new));
    }
    this.claims = c;
  }

  /** {@code AsJwt()}: null when the text is not a JWT; an optional {@code Bearer } prefix is stripped. */
  static Jwt parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
      t = t.substring(7).strip();
    }
    String[] parts = t.split("\\.", -1);
    if (parts.length < 2 || parts.length > 3) {
      return null;
    }
    try {
      JsonNode h = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
      JsonNode p = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      if (!h.isObject() || !p.isObject()) {
        return null;
      }
      return new Jwt(h, p);
    } catch (IllegalArgumentException | ExpressionFailure e) {
      return null;
    }
  }

  private String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : Json.write(v, false);
  }

  private CsDateTime date(String name) {
    JsonNode v = payload.get(name);
    return v == null || !v.isNumber() ? null
        : CsDateTime.of(Instant.ofEpochSecond(v.longValue()), CsDateTime.DateKind.Utc);
  }

  Object member(String name) {
    return switch (name) {
      case "Id" -> text(payload, "jti");
      case "Issuer" -> text(payload, "iss");
      case "Subject" -> text(payload, "sub");
      case "Audiences" -> claims.getOrDefault("aud", new String[0]).clone();
      case "ExpirationTime" -> date("exp");
      case "NotBefore" -> date("nbf");
      case "IssuedAt" -> date("iat");
      case "Algorithm" -> text(header, "alg");
      case "Type" -> text(header, "typ");
      case "Claims" -> CsDictionary.ofClaims(new LinkedHashMap<>(claims));
      default -> throw new IllegalStateException(name);
    };
  }
}
