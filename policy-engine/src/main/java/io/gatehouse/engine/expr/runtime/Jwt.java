package io.gatehouse.engine.expr.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * APIM {@code Jwt} (expressions.md 8.15): {@code Id}, {@code Issuer}, {@code Subject}, {@code Audiences},
 * {@code ExpirationTime}, {@code NotBefore}, {@code IssuedAt} (UTC {@code DateTime?} from Unix seconds),
 * {@code Algorithm}, {@code Type}, {@code Claims} (case-insensitive {@code string[]} values). Parsing only; no
 * signature or lifetime validation. Created by {@link #parse(String)} ({@code AsJwt}/{@code TryParseJwt}).
 */
public final class Jwt {
  /** DECISION (8.15): an optional leading {@code Bearer } (any case) is stripped before parsing. */
  public static final boolean STRIP_BEARER_PREFIX = true;

  private final JObject header;
  private final JObject payload;
  private final JwtClaims claims;

  private Jwt(JObject header, JObject payload) {
    this.header = header;
    this.payload = payload;
    Map<String, String[]> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (JProperty p : payload.properties()) {
      map.put(p.name(), claimValues(p.value()));
    }
    this.claims = new JwtClaims(map);
  }

  /** {@code input.AsJwt()}: the parsed token, or null when the text is not a JWT. */
  public static Jwt parse(String input) {
    if (input == null) {
      return null;
    }
    String t = input.strip();
    if (STRIP_BEARER_PREFIX && t.regionMatches(true, 0, "Bearer ", 0, 7)) {
      t = t.substring(7).strip();
    }
    String[] parts = t.split("\\.", -1);
    if (parts.length < 2 || parts.length > 5 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    try {
      JToken h = JToken.parse(decode(parts[0]));
      JToken p = JToken.parse(decode(parts[1]));
      if (h instanceof JObject ho && p instanceof JObject po) {
        return new Jwt(ho, po);
      }
    } catch (CsException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** {@code input.TryParseJwt(out jwt)}: the token or null (the compiler maps null to {@code false}). */
  public static Jwt tryParse(String input) {
    return parse(input);
  }

  private static String decode(String part) {
    byte[] bytes = Base64.getUrlDecoder().decode(part.replace('+', '-').replace('/', '_').replace("=", ""));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String[] claimValues(JToken v) {
    if (v instanceof JArray a) {
      List<String> out = new ArrayList<>();
      for (JToken item : a) {
        out.add(text(item));
      }
      return out.toArray(new String[0]);
    }
    return new String[] {text(v)};
  }

  /** Strings as is; numbers/booleans as JSON text ({@code true}); objects as compact JSON. */
  private static String text(JToken t) {
    if (t instanceof JValue v) {
      if (v.value() instanceof String s) {
        return s;
      }
      if (v.value() instanceof CsDateTime) {
        return JsonWriter.isoDate((CsDateTime) v.value());
      }
      if (v.value() == null) {
        return "";
      }
      return v.toString(Formatting.None);
    }
    return t.toString(Formatting.None);
  }

  private String headerString(String name) {
    JToken t = header.get(name);
    return t == null ? null : text(t);
  }

  private String claimString(String name) {
    JToken t = payload.get(name);
    return t == null ? null : text(t);
  }

  private CsDateTime date(String name) {
    JToken t = payload.get(name);
    if (!(t instanceof JValue v) || !(v.value() instanceof Number n)) {
      return null;
    }
    long seconds = (long) n.doubleValue();
    try {
      return CsDateTime.ofTicks(CsDateTime.UNIX_EPOCH_TICKS + seconds * CsTimeSpan.TICKS_PER_SECOND,
          CsDateTimeKind.Utc);
    } catch (CsException | ArithmeticException e) {
      return null;
    }
  }

  /** {@code Algorithm} (header {@code alg}). */
  public String algorithm() {
    return headerString("alg");
  }

  /** {@code Type} (header {@code typ}). */
  public String type() {
    return headerString("typ");
  }

  /** {@code Id} ({@code jti}). */
  public String id() {
    return claimString("jti");
  }

  /** {@code Issuer} ({@code iss}). */
  public String issuer() {
    return claimString("iss");
  }

  /** {@code Subject} ({@code sub}). */
  public String subject() {
    return claimString("sub");
  }

  /** {@code Audiences} ({@code aud}, string or array); empty when absent. */
  public List<String> audiences() {
    JToken t = payload.get("aud");
    return t == null ? List.of() : List.of(claimValues(t));
  }

  /** {@code ExpirationTime} ({@code exp}). */
  public CsDateTime expirationTime() {
    return date("exp");
  }

  /** {@code NotBefore} ({@code nbf}). */
  public CsDateTime notBefore() {
    return date("nbf");
  }

  /** {@code IssuedAt} ({@code iat}). */
  public CsDateTime issuedAt() {
    return date("iat");
  }

  /** {@code Claims}. */
  public JwtClaims claims() {
    return claims;
  }

  /**
   * {@code Jwt.Claims}: {@code IReadOnlyDictionary<string, string[]>} with case-insensitive names; the indexer returns
   * an empty array for a missing claim (DECISION, emulator behaviour); {@code GetValueOrDefault} joins with {@code ,}.
   */
  public static final class JwtClaims {
    private final Map<String, String[]> map;

    JwtClaims(Map<String, String[]> map) {
      this.map = Collections.unmodifiableMap(map);
    }

    /** Indexer: the values, or an empty array when missing. */
    public String[] get(String name) {
      String[] v = map.get(name);
      return v == null ? new String[0] : v.clone();
    }

    /** {@code ContainsKey}. */
    public boolean containsKey(String name) {
      return map.containsKey(name);
    }

    /** {@code TryGetValue}: the values or null. */
    public String[] tryGetValue(String name) {
      String[] v = map.get(name);
      return v == null ? null : v.clone();
    }

    /** {@code GetValueOrDefault(name)}: comma-joined values or null. */
    public String getValueOrDefault(String name) {
      return getValueOrDefault(name, null);
    }

    /** {@code GetValueOrDefault(name, default)}: comma-joined values or {@code defaultValue}. */
    public String getValueOrDefault(String name, String defaultValue) {
      String[] v = map.get(name);
      return v == null ? defaultValue : String.join(",", v);
    }

    /** {@code Keys}. */
    public List<String> keys() {
      return new ArrayList<>(map.keySet());
    }

    /** {@code Count}. */
    public int count() {
      return map.size();
    }

    /** Enumeration as key/value pairs. */
    public Map<String, String[]> asMap() {
      return map;
    }
  }
}
