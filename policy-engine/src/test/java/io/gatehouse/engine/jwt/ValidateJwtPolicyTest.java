package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.HMAC_BASE64;
import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.hs256;
import static io.gatehouse.engine.jwt.JwtMint.rs256;
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

class ValidateJwtPolicyTest {
  private static final String HS = "<validate-jwt header-name=\"Authorization\" output-token-variable-name=\"jwt\">"
      + "<issuer-signing-keys><key>" + HMAC_BASE64 + "</key></issuer-signing-keys></validate-jwt>";

  private static String rsaPolicy(String extra) {
    return "<validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\">"
        + "<issuer-signing-keys>" + JwtMint.rsaKeyElement(JwtMint.rsa()) + "</issuer-signing-keys>" + extra
        + "</validate-jwt>";
  }

  @Test
  void validHmacTokenPassesAndIsStoredAsJwt() {
    TestResult r = bearer(gateway(HS), hs256(claims()));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.backendRequest()).isNotNull();
    Jwt jwt = (Jwt) r.variable("jwt");
    assertThat(jwt.subject()).isEqualTo("alice");
    assertThat(jwt.audiences()).containsExactly("api://orders");
    assertThat(jwt.algorithm()).isEqualTo("HS256");
  }

  @Test
  void missingTokenIs401WithDefaultBodyAndReachesOnError() {
    TestResult r = gateway(HS).send(TestRequest.get("https://gw.test/api/x"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).contains("\"message\"").contains("JWT not present.");
    assertThat(r.lastError().reason()).isEqualTo("TokenNotPresent");
    assertThat(r.lastError().message()).isEqualTo("JWT not present.");
    assertThat(r.lastError().source()).isEqualTo("validate-jwt");
    assertThat(r.header("X-Reason")).isEqualTo("TokenNotPresent");
    assertThat(r.backendRequest()).isNull();
  }

  @Test
  void invalidTokenGetsInvalidJwtBodyOrTheConfiguredMessageAndCode() {
    TestResult r = bearer(gateway(HS), hs256(claims()) + "x");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).contains("Invalid JWT.");
    assertThat(r.lastError().reason()).isEqualTo("TokenSignatureInvalid");

    TestGateway custom = gateway(HS.replace("header-name=\"Authorization\"",
        "header-name=\"Authorization\" failed-validation-httpcode=\"403\" failed-validation-error-message=\"nope\""));
    TestResult c = bearer(custom, hs256(claims()) + "x");
    assertThat(c.status()).isEqualTo(403);
    assertThat(c.bodyText()).contains("\"nope\"").doesNotContain("Invalid JWT.");
  }

  @Test
  void rsaKeyFromModulusAndExponentWithRequiredScheme() {
    TestGateway g = gateway(rsaPolicy(""));
    assertThat(bearer(g, rs256(claims())).status()).isEqualTo(200);
    TestResult noScheme = g.send(TestRequest.get("https://gw.test/api/x").header("Authorization", rs256(claims())));
    assertThat(noScheme.lastError().reason()).isEqualTo("TokenNotPresent");
    TestResult wrongScheme = g.send(TestRequest.get("https://gw.test/api/x")
        .header("Authorization", "Basic " + rs256(claims())));
    assertThat(wrongScheme.lastError().reason()).isEqualTo("TokenNotPresent");
    TestResult lowerCase = g.send(TestRequest.get("https://gw.test/api/x")
        .header("Authorization", "bearer " + rs256(claims())));
    assertThat(lowerCase.status()).isEqualTo(200);
  }

  @Test
  void requireSchemeIsIgnoredOnOtherHeadersAndTokensComeFromQueryOrValue() {
    String key = "<issuer-signing-keys><key>" + HMAC_BASE64 + "</key></issuer-signing-keys>";
    TestGateway header = gateway("<validate-jwt header-name=\"X-Token\" require-scheme=\"Bearer\">" + key
        + "</validate-jwt>");
    assertThat(header.send(TestRequest.get("https://gw.test/api/x").header("X-Token", hs256(claims()))).status())
        .isEqualTo(200);
    TestGateway query = gateway("<validate-jwt query-parameter-name=\"access_token\">" + key + "</validate-jwt>");
    assertThat(query.send(TestRequest.get("https://gw.test/api/x?access_token=" + hs256(claims()))).status())
        .isEqualTo(200);
    assertThat(query.send(TestRequest.get("https://gw.test/api/x?other=1")).lastError().reason())
        .isEqualTo("TokenNotPresent");
    TestGateway value = gateway("<validate-jwt token-value=\"@(context.Request.Headers.GetValueOrDefault("
        + "&quot;X-T&quot;, &quot;&quot;))\">" + key + "</validate-jwt>");
    assertThat(value.send(TestRequest.get("https://gw.test/api/x").header("X-T", hs256(claims()))).status())
        .isEqualTo(200);
    assertThat(value.send(TestRequest.get("https://gw.test/api/x")).lastError().reason())
        .isEqualTo("TokenNotPresent");
  }

  @Test
  void audiencesIssuersAndClaimsInOrder() {
    TestGateway g = gateway(rsaPolicy("<audiences><audience>api://orders</audience><audience>api://other"
        + "</audience></audiences><issuers><issuer>https://issuer.test/</issuer></issuers>"
        + "<required-claims><claim name=\"roles\" match=\"any\"><value>admin</value><value>ops</value></claim>"
        + "<claim name=\"scp\" separator=\" \"><value>read</value><value>write</value></claim>"
        + "<claim name=\"tid\" /></required-claims>"));
    Map<String, Object> ok = claims();
    ok.put("roles", List.of("user", "ops"));
    ok.put("scp", "read write delete");
    ok.put("tid", "t1");
    assertThat(bearer(g, rs256(ok)).status()).isEqualTo(200);

    Map<String, Object> wrongAud = new java.util.LinkedHashMap<>(ok);
    wrongAud.put("aud", List.of("api://elsewhere"));
    wrongAud.put("iss", "https://evil.test/");
    assertThat(bearer(g, rs256(wrongAud)).lastError().reason()).isEqualTo("TokenAudienceNotAllowed");

    Map<String, Object> wrongIss = new java.util.LinkedHashMap<>(ok);
    wrongIss.put("iss", "https://evil.test/");
    TestResult iss = bearer(g, rs256(wrongIss));
    assertThat(iss.lastError().reason()).isEqualTo("TokenIssuerNotAllowed");
    assertThat(iss.lastError().message()).contains("https://evil.test/").endsWith("Access denied.");

    Map<String, Object> missing = new java.util.LinkedHashMap<>(ok);
    missing.remove("roles");
    missing.remove("tid");
    TestResult m = bearer(g, rs256(missing));
    assertThat(m.lastError().reason()).isEqualTo("TokenClaimNotFound");
    assertThat(m.lastError().message()).isEqualTo("JWT is missing the following claims: roles, tid. Access denied.");

    Map<String, Object> noRole = new java.util.LinkedHashMap<>(ok);
    noRole.put("roles", List.of("user"));
    TestResult v = bearer(g, rs256(noRole));
    assertThat(v.lastError().reason()).isEqualTo("TokenClaimValueNotAllowed");
    assertThat(v.lastError().message()).startsWith("Claim roles value of");

    Map<String, Object> readOnly = new java.util.LinkedHashMap<>(ok);
    readOnly.put("scp", "read");
    assertThat(bearer(g, rs256(readOnly)).lastError().reason()).isEqualTo("TokenClaimValueNotAllowed");

    Map<String, Object> joined = new java.util.LinkedHashMap<>(ok);
    joined.put("scp", List.of("write", "read"));
    assertThat(bearer(g, rs256(joined)).status()).isEqualTo(200);
  }

  @Test
  void signatureIsCheckedBeforeLifetimeAndLifetimeBeforeAudience() {
    TestGateway g = gateway(rsaPolicy("<audiences><audience>api://x</audience></audiences>"));
    Map<String, Object> expired = claims();
    expired.put("exp", JwtMint.NOW.getEpochSecond() - 10);
    String forged = JwtMint.sign("RS256", JwtMint.rsa2().getPrivateKey(), "rsa-1", expired, Map.of());
    assertThat(bearer(g, forged).lastError().reason()).isEqualTo("TokenSignatureInvalid");
    assertThat(bearer(g, rs256(expired)).lastError().reason()).isEqualTo("TokenExpired");
  }

  @Test
  void badConfigurationIsALoadError() {
    assertThatThrownBy(() -> gateway("<validate-jwt header-name=\"a\" token-value=\"b\" />"))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> gateway("<validate-jwt header-name=\"a\"><issuer-signing-keys><key>c2hvcnQ=</key>"
        + "</issuer-signing-keys></validate-jwt>"))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("256 bits")
        .hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(() -> gateway("<validate-jwt header-name=\"a\"><issuer-signing-keys>"
        + "<key certificate-id=\"nope\" /></issuer-signing-keys></validate-jwt>"))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("certificate 'nope'");
    assertThatThrownBy(() -> gateway("<validate-jwt header-name=\"a\"><required-claims>"
        + "<claim name=\"x\" match=\"some\" /></required-claims></validate-jwt>"))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("'all' or 'any'");
  }
}
