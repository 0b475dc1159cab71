package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.expr.runtime.Jwt;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.PolicyLoadException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** validate-azure-ad-token against a local stand-in for login.microsoftonline.com. */
class ValidateAzureAdTokenJwtTest {
  private static final String CLIENT = "11111111-1111-1111-1111-111111111111";
  private static final String BACKEND = "22222222-2222-2222-2222-222222222222";

  private static String policy(String attributes, String children) {
    return "<validate-azure-ad-token tenant-id=\"tenant\" output-token-variable-name=\"jwt\" " + attributes + ">"
        + "<client-application-ids><application-id>" + CLIENT + "</application-id></client-application-ids>"
        + children + "</validate-azure-ad-token>";
  }

  private static TestGateway entra(IdpServer idp, String attributes, String children) {
    return gateway(policy(attributes, children),
        TokenValidationOptions.defaults().withEntraAuthority(idp.base() + "/"));
  }

  private static String token(IdpServer idp, Map<String, Object> changes) {
    Map<String, Object> c = claims();
    c.put("iss", idp.issuer());
    c.put("aud", BACKEND);
    c.put("azp", CLIENT);
    c.put("tid", "tenant-guid");
    c.putAll(changes);
    c.values().removeIf(v -> v == null);
    return sign("RS256", JwtMint.rsa().getPrivateKey(), "rsa-1", c, Map.of());
  }

  @Test
  void validatesAgainstTheTenantsDiscoveryDocument() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      TestGateway g = entra(idp, "", "<backend-application-ids><application-id>" + BACKEND
          + "</application-id></backend-application-ids>");
      TestResult ok = bearer(g, token(idp, Map.of()));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(((Jwt) ok.variable("jwt")).claims().getValueOrDefault("azp")).isEqualTo(CLIENT);
      assertThat(bearer(g, token(idp, Map.of("aud", "api://" + BACKEND))).status()).isEqualTo(200);

      Map<String, Object> v1 = new java.util.HashMap<>();
      v1.put("azp", null);
      v1.put("appid", CLIENT);
      assertThat(bearer(g, token(idp, v1)).status()).isEqualTo(200);

      assertThat(bearer(g, token(idp, Map.of("azp", "someone-else"))).lastError().reason())
          .isEqualTo("TokenClaimValueNotAllowed");
      Map<String, Object> noClient = new java.util.HashMap<>();
      noClient.put("azp", null);
      assertThat(bearer(g, token(idp, noClient)).lastError().reason()).isEqualTo("TokenClaimNotFound");
      assertThat(bearer(g, token(idp, Map.of("aud", "api://other"))).lastError().reason())
          .isEqualTo("TokenAudienceNotAllowed");
      assertThat(bearer(g, token(idp, Map.of("iss", "https://sts.example/"))).lastError().reason())
          .isEqualTo("TokenIssuerNotAllowed");
      String forged = sign("RS256", JwtMint.rsa2().getPrivateKey(), "rsa-1", claims(), Map.of());
      assertThat(bearer(g, forged).lastError().reason()).isEqualTo("TokenSignatureInvalid");
      TestResult noScheme = g.send(TestRequest.get("https://gw.test/api/x")
          .header("Authorization", token(idp, Map.of())));
      assertThat(noScheme.lastError().reason()).isEqualTo("TokenNotPresent");
      assertThat(noScheme.bodyText()).contains("JWT not present.");
      assertThat(noScheme.lastError().source()).isEqualTo("validate-azure-ad-token");
    }
  }

  @Test
  void authenticationEndpointAndAudiencesAndClaims() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      TestGateway g = gateway(policy("authentication-endpoint=\"" + idp.base() + "\"",
          "<audiences><audience>api://orders</audience></audiences><required-claims><claim name=\"roles\">"
              + "<value>reader</value></claim></required-claims>"));
      assertThat(bearer(g, token(idp, Map.of("aud", "api://orders", "roles", List.of("reader")))).status())
          .isEqualTo(200);
      assertThat(bearer(g, token(idp, Map.of("aud", "api://orders"))).lastError().reason())
          .isEqualTo("TokenClaimNotFound");
      assertThat(idp.discoveryHits()).isEqualTo(1);
    }
  }

  @Test
  void multiTenantIssuerTemplateMatchesTheTokensTenant() throws Exception {
    try (IdpServer idp = new IdpServer(List.of(JwtMint.rsa()))) {
      idp.issuer(idp.base() + "/{tenantid}/v2.0");
      TestGateway g = entra(idp, "", "");
      String iss = idp.base() + "/t-123/v2.0";
      assertThat(bearer(g, token(idp, Map.of("iss", iss, "tid", "t-123"))).status()).isEqualTo(200);
      assertThat(bearer(g, token(idp, Map.of("iss", iss, "tid", "t-999"))).lastError().reason())
          .isEqualTo("TokenIssuerNotAllowed");
    }
  }

  @Test
  void clientApplicationIdsAreRequired() {
    assertThatThrownBy(() -> gateway("<validate-azure-ad-token tenant-id=\"t\" />"))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("client-application-ids");
    assertThatThrownBy(() -> gateway(policy("", "").replace("tenant-id=\"tenant\"", "tenant-id=\"a/b\"")))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("tenant-id");
  }
}
