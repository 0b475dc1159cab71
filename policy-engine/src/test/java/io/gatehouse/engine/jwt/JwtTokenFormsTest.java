package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.rs256;
import static io.gatehouse.engine.jwt.JwtMint.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.expr.runtime.Jwt;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * Token forms through one gateway: compact JWS whose headers differ only slightly (parsed headers are remembered, so
 * a remembered header must never stand in for another), unencoded payloads, and JWE with a nested JWS or bare claims.
 */
class JwtTokenFormsTest {
  private static final byte[] AES = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
  private static final String KEYS = "<issuer-signing-keys>" + JwtMint.rsaKeyElement(JwtMint.rsa())
      + "</issuer-signing-keys><decryption-keys><key>" + Base64.getEncoder().encodeToString(AES)
      + "</key></decryption-keys>";

  private static TestGateway gatewayWith(String attributes) {
    return gateway("<validate-jwt header-name=\"Authorization\" output-token-variable-name=\"jwt\"" + attributes
        + ">" + KEYS + "</validate-jwt>");
  }

  private static String reason(TestGateway g, String token) {
    TestResult r = bearer(g, token);
    return r.status() == 200 ? "OK" : r.lastError().reason();
  }

  private static String encrypt(String payload, byte[] key) {
    try {
      JsonWebEncryption jwe = new JsonWebEncryption();
      jwe.setAlgorithmHeaderValue("dir");
      jwe.setEncryptionMethodHeaderParameter("A256GCM");
      jwe.setContentTypeHeaderValue("JWT");
      jwe.setKey(new AesKey(key));
      jwe.setPayload(payload);
      return jwe.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rememberedHeadersNeverStandInForOthers() {
    TestGateway g = gatewayWith("");
    String good = rs256(claims());
    String confused = sign("HS256", new HmacKey(JwtMint.rsa().getRsaPublicKey().getEncoded()), "rsa-1", claims(),
        Map.of());
    String none = sign("none", null, "rsa-1", claims(), Map.of());
    String crit = sign("RS256", JwtMint.rsa().getPrivateKey(), "rsa-1", claims(),
        Map.of("crit", java.util.List.of("exp"), "exp", 1));
    Map<String, Object> noDots = claims();
    noDots.remove("iss");
    String unencoded = sign("RS256", JwtMint.rsa().getPrivateKey(), "rsa-1", noDots, Map.of("b64", false));
    for (int round = 0; round < 2; round++) {
      assertThat(reason(g, good)).isEqualTo("OK");
      assertThat(reason(g, confused)).isEqualTo("TokenSignatureInvalid");
      assertThat(reason(g, none)).isEqualTo("TokenSignatureInvalid");
      assertThat(reason(g, crit)).isEqualTo("JwtInvalid");
      assertThat(reason(g, unencoded)).isEqualTo("JwtInvalid");
      assertThat(reason(g, good.replaceFirst("\\.", "x."))).isEqualTo("JwtInvalid");
    }
  }

  @Test
  void encryptedTokensAreDecryptedThenTheirNestedSignatureVerified() {
    TestGateway g = gatewayWith("");
    Map<String, Object> c = claims();
    c.put("roles", java.util.List.of("reader", "writer"));
    TestResult ok = bearer(g, encrypt(rs256(c), AES));
    assertThat(ok.status()).isEqualTo(200);
    Jwt jwt = (Jwt) ok.variable("jwt");
    assertThat(jwt.subject()).isEqualTo("alice");
    assertThat(jwt.algorithm()).isEqualTo("RS256");
    assertThat(jwt.claims().getValueOrDefault("roles", "")).isEqualTo("reader,writer");

    String forged = sign("RS256", JwtMint.rsa2().getPrivateKey(), "rsa-1", claims(), Map.of());
    assertThat(reason(g, encrypt(forged, AES))).isEqualTo("TokenSignatureInvalid");
    byte[] otherKey = "0000000000000000fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    assertThat(reason(g, encrypt(rs256(claims()), otherKey))).isEqualTo("JwtInvalid");
    String bareClaims = "{\"sub\":\"bob\",\"exp\":" + (JwtMint.NOW.getEpochSecond() + 60) + "}";
    assertThat(reason(g, encrypt(bareClaims, AES))).isEqualTo("TokenSignatureInvalid");

    TestGateway unsigned = gatewayWith(" require-signed-tokens=\"false\"");
    TestResult plain = bearer(unsigned, encrypt(bareClaims, AES));
    assertThat(plain.status()).isEqualTo(200);
    assertThat(((Jwt) plain.variable("jwt")).subject()).isEqualTo("bob");
  }
}
