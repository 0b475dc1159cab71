package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** openid-config end to end against a local discovery/JWKS server. */
class OpenIdConfigJwtTest {
  private static String policy(IdpServer idp) {
    return "<validate-jwt header-name=\"Authorization\" output-token-variable-name=\"jwt\">"
        + "<openid-config url=\"" + idp.discoveryUrl() + "\" /></validate-jwt>";
  }

  private static Map<String, Object> claimsFor(IdpServer idp) {
    Map<String, Object> c = claims();
    c.put("iss", idp.issuer());
    c.put("exp", JwtMint.NOW.getEpochSecond() + 86_400);
    return c;
  }

  private static String token(PublicJsonWebKey key, IdpServer idp) {
    String alg = key instanceof org.jose4j.jwk.EllipticCurveJsonWebKey ? "ES256" : "RS256";
    return sign(alg, key.getPrivateKey(), key.getKeyId(), claimsFor(idp), Map.of());
  }

  @Test
  void validatesWithDiscoveredKeysAndIssuer() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa(), JwtMint.ec()))) {
      TestGateway g = gateway(policy(idp));
      assertThat(bearer(g, token(JwtMint.rsa(), idp)).status()).isEqualTo(200);
      assertThat(bearer(g, token(JwtMint.ec(), idp)).status()).isEqualTo(200);
      Map<String, Object> foreign = claimsFor(idp);
      foreign.put("iss", "https://elsewhere.test/");
      TestResult r = bearer(g, sign("RS256", JwtMint.rsa().getPrivateKey(), "rsa-1", foreign, Map.of()));
      assertThat(r.lastError().reason()).isEqualTo("TokenIssuerNotAllowed");
      assertThat(idp.discoveryHits()).isEqualTo(1);
      assertThat(idp.jwksHits()).isEqualTo(1);
    }
  }

  @Test
  void rotationRefetchesOnceForANewKidAndRateLimitsFurtherRefetches() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      TestGateway g = gateway(policy(idp));
      String old = token(JwtMint.rsa(), idp);
      assertThat(bearer(g, old).status()).isEqualTo(200);
      assertThat(bearer(g, old).status()).isEqualTo(200);
      assertThat(idp.jwksHits()).isEqualTo(1);

      idp.keys(List.of(JwtMint.rsa2()));
      g.clock().advance(Duration.ofMinutes(5));
      assertThat(bearer(g, token(JwtMint.rsa2(), idp)).status()).isEqualTo(200);
      assertThat(idp.jwksHits()).isEqualTo(2);
      // the old key is gone: its (signature-cached) token must no longer pass
      assertThat(bearer(g, old).lastError().reason()).isEqualTo("TokenSignatureKeyNotFound");
      assertThat(idp.jwksHits()).isEqualTo(2);

      PublicJsonWebKey third = JwtMint.generateRsa("rsa-3");
      idp.keys(List.of(JwtMint.rsa2(), third));
      g.clock().advance(Duration.ofMinutes(4));
      assertThat(bearer(g, token(third, idp)).lastError().reason()).isEqualTo("TokenSignatureKeyNotFound");
      assertThat(idp.jwksHits()).isEqualTo(2);
      g.clock().advance(Duration.ofMinutes(1));
      assertThat(bearer(g, token(third, idp)).status()).isEqualTo(200);
      assertThat(idp.jwksHits()).isEqualTo(3);
    }
  }

  /**
   * The real HTTP fetcher, completing before it returns: a refresh that fails is then fully handled before the next
   * request, so the fetch counts below do not depend on thread scheduling.
   */
  private static final DocumentFetcher SYNCHRONOUS = uri -> {
    try {
      return java.util.concurrent.CompletableFuture.completedFuture(new JdkDocumentFetcher(Duration.ofSeconds(5),
          Duration.ofSeconds(10)).fetch(uri).toCompletableFuture().join());
    } catch (java.util.concurrent.CompletionException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e.getCause());
    }
  };

  @Test
  void outageKeepsTheLastGoodKeys() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      TestGateway g = gateway(policy(idp), TokenValidationOptions.defaults().withFetcher(SYNCHRONOUS));
      String good = token(JwtMint.rsa(), idp);
      assertThat(bearer(g, good).status()).isEqualTo(200);
      idp.down(true);
      g.clock().advance(Duration.ofMinutes(61));
      assertThat(bearer(g, good).status()).isEqualTo(200); // stale: background refresh starts and fails
      assertThat(idp.discoveryHits()).isEqualTo(2);
      assertThat(bearer(g, good).status()).isEqualTo(200);
      g.clock().advance(Duration.ofMinutes(5));
      // the synchronous fetcher has fully handled the failed refresh: exactly one new fetch for the unknown kid
      String unknownKid = token(JwtMint.rsa2(), idp);
      assertThat(bearer(g, unknownKid).lastError().reason()).isEqualTo("TokenSignatureKeyNotFound");
      assertThat(idp.discoveryHits()).isEqualTo(3);
      assertThat(bearer(g, good).status()).isEqualTo(200);
    }
  }

  @Test
  void unreachableEndpointFailsWithKeyNotFoundAndIsNotHammered() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      idp.down(true);
      TestGateway g = gateway(policy(idp));
      String t = token(JwtMint.rsa(), idp);
      assertThat(bearer(g, t).lastError().reason()).isEqualTo("TokenSignatureKeyNotFound");
      assertThat(bearer(g, t).lastError().reason()).isEqualTo("TokenSignatureKeyNotFound");
      assertThat(idp.discoveryHits()).isEqualTo(1);
      idp.down(false);
      g.clock().advance(Duration.ofMinutes(5));
      assertThat(bearer(g, t).status()).isEqualTo(200);
      assertThat(idp.discoveryHits()).isEqualTo(2);
    }
  }

  @Test
  void refetchIntervalIsConfigurable() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      TestGateway g = gateway(policy(idp),
          TokenValidationOptions.defaults().withMinRefetchInterval(Duration.ofSeconds(10)));
      assertThat(bearer(g, token(JwtMint.rsa(), idp)).status()).isEqualTo(200);
      idp.keys(List.of(JwtMint.rsa(), JwtMint.rsa2()));
      g.clock().advance(Duration.ofSeconds(10));
      assertThat(bearer(g, token(JwtMint.rsa2(), idp)).status()).isEqualTo(200);
      assertThat(idp.jwksHits()).isEqualTo(2);
    }
  }
}
