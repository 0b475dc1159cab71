package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.NOW;
import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.rs256Raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's own claims parser ({@link TokenClaims}) against Nimbus's {@code JWTClaimsSet}, which it replaced on
 * the hot path: the same payloads are refused, and accepted ones give the same lifetime, issuer, audience and claim
 * texts. Then the cases where it is deliberately stricter, end to end.
 */
class JwtClaimsParsingTest {
  private static final String POLICY = "<validate-jwt header-name=\"Authorization\"><issuer-signing-keys>"
      + JwtMint.rsaKeyElement(JwtMint.rsa()) + "</issuer-signing-keys><audiences><audience>api://orders</audience>"
      + "</audiences></validate-jwt>";

  private static final List<String> PAYLOADS = List.of(
      "{\"sub\":\"alice\",\"iss\":\"https://issuer.test/\",\"aud\":\"api://orders\",\"exp\":1767229200,"
          + "\"nbf\":1767225540,\"iat\":1767225600,\"jti\":\"j-1\"}",
      "{\"aud\":[\"a\",\"b\"],\"roles\":[\"reader\",\"writer\"],\"scp\":\"x y\"}",
      "{\"aud\":[\"a\",null]}", "{\"aud\":[]}", "{\"aud\":null}", "{\"aud\":5}", "{\"aud\":[\"a\",5]}",
      "{\"aud\":{\"a\":1}}", "{\"iss\":5}", "{\"iss\":null}", "{\"iss\":{}}", "{\"iss\":[\"a\"]}", "{\"sub\":5}",
      "{\"sub\":[1]}", "{\"sub\":true}", "{\"jti\":5}", "{\"exp\":\"5\"}", "{\"exp\":1.9}", "{\"exp\":null}",
      "{\"exp\":true}", "{\"exp\":-5}", "{\"nbf\":1e3}", "{\"iat\":\"x\"}", "{\"iat\":12}",
      "{\"n\":42,\"f\":2.5,\"b\":true,\"z\":null,\"big\":99999999999999999999,\"e\":1e3}",
      "{\"x\":{\"a\":[1,2.5,null,true],\"s\":\"t\"},\"l\":[[1],{\"k\":\"v\"}]}",
      "{\"a\":1,\"a\":2}", "{'a':1}", "{a:1}", "{\"a\":1}x", "{\"a\":1}{}", "[1]", "1",
      "\"s\"", "", " ", "{", "{\"a\":}", "{\"a\":01}", "{\"a\":NaN}", " {\"sp\":1} ", "{\"u\":\"\\u00e9\u00e8\"}",
      "{}");

  @Test
  void agreesWithNimbusOnEveryPayload() throws Exception {
    for (String json : PAYLOADS) {
      JWTClaimsSet nimbus;
      try {
        nimbus = JWTClaimsSet.parse(JSONObjectUtils.parse(json));
      } catch (java.text.ParseException e) {
        nimbus = null;
      }
      TokenClaims ours;
      try {
        ours = TokenClaims.parse(json.getBytes(StandardCharsets.UTF_8));
      } catch (TokenRejection r) {
        assertThat(r.reason()).isEqualTo("JwtInvalid");
        ours = null;
      }
      assertThat(ours == null).as("refused: " + json).isEqualTo(nimbus == null);
      if (ours == null) {
        continue;
      }
      assertThat(ours.issuer()).as(json).isEqualTo(nimbus.getIssuer());
      assertThat(ours.audience()).as(json).isEqualTo(nimbus.getAudience());
      assertThat(ours.expiresAtMillis()).as(json).isEqualTo(millis(nimbus.getExpirationTime()));
      assertThat(ours.notBeforeMillis()).as(json).isEqualTo(millis(nimbus.getNotBeforeTime()));
      for (String name : nimbus.getClaims().keySet()) {
        assertThat(ours.values(name)).as(json + " " + name).isEqualTo(nimbusValues(nimbus, name));
      }
      assertThat(ours.values("absent")).isNull();
    }
  }

  private static Long millis(Date d) {
    return d == null ? null : d.getTime();
  }

  /** The texts the engine used to derive from a JWTClaimsSet. */
  private static List<String> nimbusValues(JWTClaimsSet claims, String name) {
    Object v = claims.getClaim(name);
    if (v == null) {
      return List.of("");
    }
    if (v instanceof List<?> list) {
      return list.stream().map(JwtClaimsParsingTest::nimbusText).toList();
    }
    return List.of(nimbusText(v));
  }

  private static String nimbusText(Object v) {
    if (v instanceof Date d) {
      return Long.toString(d.getTime() / 1000);
    }
    if (v instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> object = (Map<String, ?>) map;
      return JSONObjectUtils.toJSONString(object);
    }
    if (v instanceof List<?> list) {
      return com.nimbusds.jose.util.JSONArrayUtils.toJSONString(list);
    }
    return String.valueOf(v);
  }

  @Test
  void stricterThanNimbusWhereItMatters() {
    // A far-future nbf must not wrap around into the past (Nimbus multiplies seconds by 1000 and overflows).
    assertThat(TokenClaims.parse("{\"nbf\":1e20}".getBytes(StandardCharsets.UTF_8)).notBeforeMillis())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(TokenClaims.parse("{\"exp\":-1e20}".getBytes(StandardCharsets.UTF_8)).expiresAtMillis())
        .isEqualTo(Long.MIN_VALUE);
    // Duplicate names are refused at every level (Nimbus only checks the top level).
    assertThatThrownBy(() -> TokenClaims.parse("{\"x\":{\"a\":1,\"a\":2}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(TokenRejection.class);
    // Only UTF-8: a BOM or a UTF-16 payload is not well formed.
    for (byte[] odd : List.of(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'},
        "{}".getBytes(StandardCharsets.UTF_16BE), "{}".getBytes(StandardCharsets.UTF_16LE))) {
      assertThatThrownBy(() -> TokenClaims.parse(odd)).isInstanceOf(TokenRejection.class);
    }
  }

  private static String reason(String token) {
    TestGateway g = JwtMint.gateway(POLICY);
    TestResult r = bearer(g, token);
    return r.status() == 200 ? "OK" : r.lastError().reason();
  }

  @Test
  void signedOddPayloadsEndToEnd() {
    long exp = NOW.getEpochSecond() + 3600;
    assertThat(reason(rs256Raw("{\"aud\":\"api://orders\",\"exp\":" + exp + "}"))).isEqualTo("OK");
    // duplicate names: a second "aud" or "exp" must not be silently preferred over the first
    assertThat(reason(rs256Raw("{\"aud\":\"other\",\"aud\":\"api://orders\",\"exp\":" + exp + "}")))
        .isEqualTo("JwtInvalid");
    assertThat(reason(rs256Raw("{\"aud\":\"api://orders\",\"exp\":1,\"exp\":" + exp + "}"))).isEqualTo("JwtInvalid");
    // far-future nbf: not yet valid (not wrapped into the past)
    assertThat(reason(rs256Raw("{\"aud\":\"api://orders\",\"exp\":" + exp + ",\"nbf\":1e20}")))
        .isEqualTo("JwtInvalid");
    // a null audience entry is a non-matching audience, not an engine error
    assertThat(reason(rs256Raw("{\"aud\":[null,\"x\"],\"exp\":" + exp + "}"))).isEqualTo("TokenAudienceNotAllowed");
    assertThat(reason(rs256Raw("{\"aud\":[null,\"api://orders\"],\"exp\":" + exp + "}"))).isEqualTo("OK");
    assertThat(reason(rs256Raw("{\"aud\":\"api://orders\",\"exp\":\"" + exp + "\"}"))).isEqualTo("JwtInvalid");
    assertThat(reason(rs256Raw("[\"api://orders\"]"))).isEqualTo("JwtInvalid");
  }
}
