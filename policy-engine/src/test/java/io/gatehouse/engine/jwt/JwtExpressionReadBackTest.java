package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.HMAC_BASE64;
import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.testing.TestResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code output-token-variable-name} read back by policy expressions. */
class JwtExpressionReadBackTest {
  @Test
  void subjectAndClaimsAreReadableFromExpressions() {
    String policy = "<validate-jwt header-name=\"Authorization\" output-token-variable-name=\"jwt\">"
        + "<issuer-signing-keys><key>" + HMAC_BASE64 + "</key></issuer-signing-keys></validate-jwt>"
        + "<set-header name=\"X-Sub\" exists-action=\"override\">"
        + "<value>@(((Jwt)context.Variables[\"jwt\"]).Subject)</value></set-header>"
        + "<set-header name=\"X-Roles\" exists-action=\"override\">"
        + "<value>@(((Jwt)context.Variables[\"jwt\"]).Claims.GetValueOrDefault(\"roles\", \"none\"))</value>"
        + "</set-header>";
    Map<String, Object> c = claims();
    c.put("roles", List.of("a", "b"));
    TestResult r = bearer(gateway(policy), hs256(c));
    assertThat(r.status()).as(String.valueOf(r.lastError())).isEqualTo(200);
    assertThat(r.backendRequest().headers().first("X-Sub")).isEqualTo("alice");
    assertThat(r.backendRequest().headers().first("X-Roles")).isEqualTo("a,b");
  }
}
