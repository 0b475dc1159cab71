package io.gatehouse.engine.jwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of a token, parsed once from the payload's JSON with a streaming parser: a strict JSON object (no
 * duplicate names at any level, nothing after it) whose registered claims have the types RFC 7519 gives them, as
 * Nimbus's {@code JWTClaimsSet} requires: {@code iss} and {@code jti} strings, {@code sub} a string or number,
 * {@code aud} a string or an array of strings, {@code exp}, {@code nbf} and {@code iat} numbers (seconds, fractions
 * dropped). Anything else is refused as not well formed. Immutable.
 */
final class TokenClaims {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Map<String, Object> claims;
  private final String issuer;
  private final List<String> audience;
  private final Long expiresAtMillis;
  private final Long notBeforeMillis;

  private TokenClaims(Map<String, Object> claims) {
    this.claims = claims;
    this.issuer = (String) claims.get("iss");
    Object aud = claims.get("aud");
    @SuppressWarnings("unchecked")
    List<String> list = aud instanceof String s ? List.of(s) : aud == null ? List.of() : (List<String>) aud;
    this.audience = list;
    this.expiresAtMillis = millis(claims.get("exp"));
    this.notBeforeMillis = millis(claims.get("nbf"));
  }

  /**
   * Parses a payload.
   *
   * @throws TokenRejection {@code JwtInvalid} when the payload is not such a JSON object
   */
  static TokenClaims parse(byte[] json) {
    // UTF-8 only: a leading BOM or NUL would make Jackson guess another encoding; neither starts a JSON object.
    for (int i = 0; i < Math.min(4, json.length); i++) {
      if (json[i] == 0 || i == 0 && (json[0] & 0xff) >= 0xef) {
        throw notWellFormed();
      }
    }
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notWellFormed();
      }
      Map<String, Object> claims = object(p);
      if (p.nextToken() != null) {
        throw notWellFormed();
      }
      return new TokenClaims(registered(claims));
    } catch (IOException | RuntimeException e) {
      if (e instanceof TokenRejection r) {
        throw r;
      }
      throw notWellFormed();
    }
  }

  private static TokenRejection notWellFormed() {
    return TokenRejection.invalid("JWT claims are not well formed.");
  }

  /** Checks and normalises the registered claims in place. */
  private static Map<String, Object> registered(Map<String, Object> claims) {
    for (Map.Entry<String, Object> e : claims.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      switch (e.getKey()) {
        case "iss", "jti" -> require(v instanceof String);
        case "sub" -> {
          require(v instanceof String || v instanceof Number);
          e.setValue(v.toString());
        }
        case "aud" -> {
          if (v instanceof List<?> list) {
            for (Object item : list) {
              require(item == null || item instanceof String);
            }
          } else {
            require(v instanceof String);
          }
        }
        case "exp", "nbf", "iat" -> {
          require(v instanceof Number);
          e.setValue(((Number) v).longValue());
        }
        default -> { }
      }
    }
    return claims;
  }

  private static void require(boolean ok) {
    if (!ok) {
      throw notWellFormed();
    }
  }

  /** Seconds to milliseconds, saturating (DECISION: an out-of-range {@code nbf} never wraps into the past). */
  private static Long millis(Object seconds) {
    if (seconds == null) {
      return null;
    }
    long s = (Long) seconds;
    long ms = s * 1000;
    return s == ms / 1000 ? ms : s < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      map.put(name, value(p, p.nextToken()));
    }
    return map;
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT, LONG -> p.getLongValue();
        default -> p.getBigIntegerValue().doubleValue();  // as Nimbus: integers beyond long become doubles
      };
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case START_OBJECT -> Collections.unmodifiableMap(object(p));
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
          list.add(value(p, item));
        }
        yield Collections.unmodifiableList(list);
      }
      default -> throw notWellFormed();
    };
  }

  /** {@code iss}, or null. */
  String issuer() {
    return issuer;
  }

  /** {@code aud} as a list (empty when absent or null; may hold nulls). */
  List<String> audience() {
    return audience;
  }

  Long expiresAtMillis() {
    return expiresAtMillis;
  }

  Long notBeforeMillis() {
    return notBeforeMillis;
  }

  /** The values of a claim as strings (an array gives several; other JSON values their JSON text), or null. */
  List<String> values(String name) {
    Object v = claims.get(name);
    if (v == null) {
      return claims.containsKey(name) ? List.of("") : null;
    }
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(text(item));
      }
      return out;
    }
    return List.of(text(v));
  }

  private static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      try {
        return JSON.writeValueAsString(v);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.valueOf(v);
  }
}
