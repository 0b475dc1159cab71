package io.gatehouse.engine.jwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks that run on every request, after the signature (even on a signature-cache hit), in this order:
 * lifetime ({@code exp}/{@code nbf} with clock skew, engine clock), audience, issuer, required claims.
 *
 * @param requireExpirationTime a token without {@code exp} is refused
 * @param clockSkewSeconds tolerance for {@code exp} and {@code nbf}
 * @param audiences allowed audiences; empty means the audience is not checked
 * @param issuers allowed issuers, besides the key sources' issuers; both empty means the issuer is not checked
 * @param claims required claims
 */
public record TokenRules(boolean requireExpirationTime, long clockSkewSeconds, List<String> audiences,
    List<String> issuers, List<ClaimRequirement> claims) {

  public TokenRules {
    audiences = List.copyOf(audiences);
    issuers = List.copyOf(issuers);
    claims = List.copyOf(claims);
  }

  /** Throws a {@link TokenRejection} for the first failing check. */
  public void check(VerifiedToken token, Instant now, Set<String> sourceIssuers) {
    long nowMillis = now.toEpochMilli();
    long skewMillis = Math.max(0, clockSkewSeconds) * 1000;
    Long exp = token.expiresAtMillis();
    if (exp == null && requireExpirationTime) {
      throw TokenRejection.invalid("Lifetime validation failed. The token is missing an Expiration Time.");
    }
    if (exp != null && exp < nowMillis - skewMillis) {
      throw new TokenRejection("TokenExpired", "Lifetime validation failed. The token is expired. ValidTo: '"
          + Instant.ofEpochMilli(exp) + "', Current time: '" + now + "'. Access denied.");
    }
    Long nbf = token.notBeforeMillis();
    if (nbf != null && nbf > nowMillis + skewMillis) {
      throw TokenRejection.invalid("Lifetime validation failed. The token is not yet valid. ValidFrom: '"
          + Instant.ofEpochMilli(nbf) + "', Current time: '" + now + "'.");
    }
    if (!audiences.isEmpty()) {
      List<String> aud = token.audience();
      if (!anyAllowed(aud)) {
        throw new TokenRejection("TokenAudienceNotAllowed", "Audience validation failed. Audiences: "
            + TokenRejection.quote(String.join(", ", aud))
            + ". Did not match any allowed audience. Access denied.");
      }
    }
    if (!issuers.isEmpty() || !sourceIssuers.isEmpty()) {
      String iss = token.issuer();
      if (iss == null || !(issuers.contains(iss) || sourceIssuers.contains(iss) || templated(iss, sourceIssuers,
          token))) {
        throw new TokenRejection("TokenIssuerNotAllowed", "Issuer validation failed. Issuer: "
            + TokenRejection.quote(iss) + ". Did not match any allowed issuer. Access denied.");
      }
    }
    checkClaims(token);
  }

  private boolean anyAllowed(List<String> aud) {
    for (String a : aud) {
      if (a != null && audiences.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Multi-tenant discovery documents (Entra {@code common}, {@code organizations}) publish the issuer as a template
   * with {@code {tenantid}}: it matches when the placeholder is replaced by the token's {@code tid}.
   */
  private static boolean templated(String iss, Set<String> sourceIssuers, VerifiedToken token) {
    for (String s : sourceIssuers) {
      if (s.contains("{tenantid}")) {
        List<String> tid = token.claimValues("tid");
        if (tid != null && tid.size() == 1 && !tid.get(0).isEmpty()
            && s.replace("{tenantid}", tid.get(0)).equals(iss)) {
          return true;
        }
      }
    }
    return false;
  }

  private void checkClaims(VerifiedToken token) {
    if (claims.isEmpty()) {
      return; // the usual policy: no required-claims, so no list or iterators per request
    }
    List<String> missing = new ArrayList<>();
    for (ClaimRequirement c : claims) {
      if (token.claimValues(c.name()) == null) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new TokenRejection("TokenClaimNotFound",
          "JWT is missing the following claims: " + String.join(", ", missing) + ". Access denied.");
    }
    for (ClaimRequirement c : claims) {
      List<String> values = c.valuesOf(token);
      if (!c.accepts(values)) {
        throw new TokenRejection("TokenClaimValueNotAllowed", "Claim " + c.name() + " value of "
            + TokenRejection.quote(String.join(c.separator() == null ? "," : c.separator(), values))
            + " is not allowed. Access denied.");
      }
    }
  }
}
