package io.gatehouse.engine.jwt;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.PlainHeader;
import io.gatehouse.engine.expr.runtime.Jwt;
import java.util.List;

/**
 * A token whose form and signature have been checked (or that is unsigned and allowed): its claims, ready for the
 * per-request checks (lifetime, audience, issuer, claims). Immutable and shareable, so the {@link SignatureCache}
 * can hand the same instance to many requests. Holds no signature.
 */
public final class VerifiedToken {
  private final Header header;
  private final String payload;
  private final TokenClaims claims;
  private volatile Jwt jwt;

  /**
   * @param payload the payload as it appeared in the token (Base64URL)
   */
  VerifiedToken(Header header, String payload, TokenClaims claims) {
    this.header = header;
    this.payload = payload;
    this.claims = claims;
  }

  /** Whether a signature was verified (unsecured tokens, accepted only when configured so, are not). */
  boolean signed() {
    return !(header instanceof PlainHeader);
  }

  /** {@code exp} in epoch milliseconds, or null. */
  public Long expiresAtMillis() {
    return claims.expiresAtMillis();
  }

  /** {@code nbf} in epoch milliseconds, or null. */
  public Long notBeforeMillis() {
    return claims.notBeforeMillis();
  }

  /** {@code iss}, or null. */
  public String issuer() {
    return claims.issuer();
  }

  /** {@code aud} as a list; empty when absent. */
  public List<String> audience() {
    return claims.audience();
  }

  /** The values of a claim as strings (an array gives several; other JSON values their JSON text), or null. */
  public List<String> claimValues(String name) {
    return claims.values(name);
  }

  /** The APIM {@code Jwt} expressions see ({@code output-token-variable-name}); built once, on first use. */
  public Jwt jwt() {
    Jwt j = jwt;
    if (j == null) {
      j = Jwt.parse(header.toBase64URL() + "." + payload + ".");
      jwt = j;
    }
    return j;
  }
}
