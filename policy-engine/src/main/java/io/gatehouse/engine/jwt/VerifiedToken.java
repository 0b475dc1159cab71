package io.gatehouse.engine.jwt;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.engine.expr.runtime.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A token whose form and signature have been checked (or that is unsigned and allowed): its claims, ready for the
 * per-request checks (lifetime, audience, issuer, claims). Immutable and shareable, so the {@link SignatureCache}
 * can hand the same instance to many requests. Holds no signature and no token text.
 */
public final class VerifiedToken {
  private final JWTClaimsSet claims;
  private final Header header;
  private final Long expiresAtMillis;
  private final Long notBeforeMillis;
  private volatile Jwt jwt;

  VerifiedToken(Header header, JWTClaimsSet claims) {
    this.header = header;
    this.claims = claims;
    Date exp = claims.getExpirationTime();
    Date nbf = claims.getNotBeforeTime();
    this.expiresAtMillis = exp == null ? null : exp.getTime();
    this.notBeforeMillis = nbf == null ? null : nbf.getTime();
  }

  public JWTClaimsSet claims() {
    return claims;
  }

  /** {@code exp} in epoch milliseconds, or null. */
  public Long expiresAtMillis() {
    return expiresAtMillis;
  }

  /** {@code nbf} in epoch milliseconds, or null. */
  public Long notBeforeMillis() {
    return notBeforeMillis;
  }

  /** The values of a claim as strings (an array gives several; other JSON values their JSON text), or null. */
  public List<String> claimValues(String name) {
    Object v = claims.getClaim(name);
    if (v == null) {
      return claims.getClaims().containsKey(name) ? List.of("") : null;
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
    if (v instanceof Date d) {
      return Long.toString(d.getTime() / 1000);
    }
    if (v instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> object = (Map<String, ?>) map;
      return JSONObjectUtils.toJSONString(object);
    }
    if (v instanceof List<?> list) {
      return JSONArrayUtils.toJSONString(list);
    }
    return String.valueOf(v);
  }

  /** The APIM {@code Jwt} expressions see ({@code output-token-variable-name}); built once, on first use. */
  public Jwt jwt() {
    Jwt j = jwt;
    if (j == null) {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      j = Jwt.parse(b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
          + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".");
      jwt = j;
    }
    return j;
  }
}
