package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.HMAC_BASE64;
import static io.gatehouse.engine.jwt.JwtMint.NOW;
import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.rs256;
import static io.gatehouse.engine.jwt.JwtMint.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** The security matrix: each way a token can be forged, confused, stale or malformed is refused. */
class JwtSecurityTest {
  private static final String RSA_POLICY = "<validate-jwt header-name=\"Authorization\" clock-skew=\"%d\">"
      + "<issuer-signing-keys>" + JwtMint.rsaKeyElement(JwtMint.rsa()) + "</issuer-signing-keys></validate-jwt>";

  private static TestGateway rsaGateway() {
    return gateway(String.format(RSA_POLICY, 0));
  }

  private static String reason(TestGateway g, String token) {
    TestResult r = bearer(g, token);
    if (r.status() == 200) {
      return "OK";
    }
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.lastError().message()).doesNotContain(token);
    assertThat(r.bodyText()).doesNotContain(token);
    String[] parts = token.split("\\.");
    for (String part : parts) {
      if (part.length() > 8) {
        assertThat(r.lastError().message()).doesNotContain(part);
      }
    }
    return r.lastError().reason();
  }

  @Test
  void algNoneIsRefusedUnlessUnsignedTokensAreExplicitlyAllowed() {
    String none = sign("none", null, null, claims(), Map.of());
    assertThat(none).endsWith(".");
    assertThat(reason(rsaGateway(), none)).isEqualTo("TokenSignatureInvalid");
    String noneWithKid = sign("none", null, "rsa-1", claims(), Map.of());
    assertThat(reason(rsaGateway(), noneWithKid)).isEqualTo("TokenSignatureInvalid");
    TestGateway unsigned = gateway("<validate-jwt header-name=\"Authorization\" require-signed-tokens=\"false\">"
        + "<issuer-signing-keys><key>" + HMAC_BASE64 + "</key></issuer-signing-keys></validate-jwt>");
    assertThat(reason(unsigned, none)).isEqualTo("OK");
  }

  @Test
  void hmacSignedWithTheRsaPublicKeyIsRefused() {
    byte[] spki = JwtMint.rsa().getRsaPublicKey().getEncoded();
    byte[] modulus = JwtMint.rsa().getRsaPublicKey().getModulus().toByteArray();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(spki)
        + "\n-----END PUBLIC KEY-----\n";
    byte[] nText = JwtMint.b64u(JwtMint.rsa().getRsaPublicKey().getModulus()).getBytes(StandardCharsets.US_ASCII);
    for (byte[] secret : List.of(spki, modulus, pem.getBytes(StandardCharsets.US_ASCII), nText)) {
      for (String alg : List.of("HS256", "HS384", "HS512")) {
        String confused = sign(alg, new HmacKey(secret), "rsa-1", claims(), Map.of());
        assertThat(reason(rsaGateway(), confused)).as(alg).isEqualTo("TokenSignatureInvalid");
      }
    }
  }

  @Test
  void algorithmMustMatchTheKeyType() {
    String es256 = sign("ES256", JwtMint.ec().getPrivateKey(), "rsa-1", claims(), Map.of());
    assertThat(reason(rsaGateway(), es256)).isEqualTo("TokenSignatureInvalid");
    TestGateway hmac = gateway("<validate-jwt header-name=\"Authorization\"><issuer-signing-keys><key>"
        + HMAC_BASE64 + "</key></issuer-signing-keys></validate-jwt>");
    assertThat(reason(hmac, rs256(claims()))).isEqualTo("TokenSignatureKeyNotFound");
    TestGateway hmacSameId = gateway("<validate-jwt header-name=\"Authorization\"><issuer-signing-keys>"
        + "<key id=\"rsa-1\">" + HMAC_BASE64 + "</key></issuer-signing-keys></validate-jwt>");
    assertThat(reason(hmacSameId, rs256(claims()))).isEqualTo("TokenSignatureInvalid");
    for (String alg : List.of("RS384", "RS512", "PS256", "PS384", "PS512")) {
      String t = sign(alg, JwtMint.rsa().getPrivateKey(), "rsa-1", claims(), Map.of());
      assertThat(reason(rsaGateway(), t)).as(alg).isEqualTo("OK");
    }
  }

  @Test
  void unknownKidIsKeyNotFoundButKeysWithoutIdsAreStillTried() {
    String otherKey = sign("RS256", JwtMint.rsa2().getPrivateKey(), "rsa-2", claims(), Map.of());
    assertThat(reason(rsaGateway(), otherKey)).isEqualTo("TokenSignatureKeyNotFound");
    String unknownKid = sign("RS256", JwtMint.rsa().getPrivateKey(), "who", claims(), Map.of());
    assertThat(reason(rsaGateway(), unknownKid)).isEqualTo("OK");
    String wrongKeyRightKid = sign("RS256", JwtMint.rsa2().getPrivateKey(), "rsa-1", claims(), Map.of());
    assertThat(reason(rsaGateway(), wrongKeyRightKid)).isEqualTo("TokenSignatureInvalid");
  }

  @Test
  void keysInTheTokenAreNeverFetchedOrTrusted() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      byte[] body = ("{\"keys\":[" + JwtMint.rsa2().toJson() + "]}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      PublicJsonWebKey attacker = JwtMint.rsa2();
      Map<String, Object> jwk = attacker.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
      List<Map<String, Object>> headers = List.of(Map.of("jku", base + "/jwks"), Map.of("x5u", base + "/cert"),
          Map.of("jwk", jwk), Map.of("x5c", List.of(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))));
      for (Map<String, Object> h : headers) {
        String t = sign("RS256", attacker.getPrivateKey(), null, claims(), h);
        assertThat(reason(rsaGateway(), t)).as(h.keySet().toString()).isEqualTo("TokenSignatureInvalid");
      }
      assertThat(hits.get()).isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void criticalHeadersAreRefused() {
    String crit = sign("RS256", JwtMint.rsa().getPrivateKey(), "rsa-1", claims(),
        Map.of("crit", List.of("exp"), "exp", 1));
    assertThat(reason(rsaGateway(), crit)).isEqualTo("JwtInvalid");
    String b64 = sign("RS256", JwtMint.rsa().getPrivateKey(), "rsa-1", claims(),
        Map.of("crit", List.of("urn:example:unknown"), "urn:example:unknown", true));
    assertThat(reason(rsaGateway(), b64)).isEqualTo("JwtInvalid");
  }

  @Test
  void lifetimeEdgesUseTheEngineClockAndSkew() {
    Map<String, Object> c = claims();
    c.put("exp", NOW.getEpochSecond());
    String expNow = rs256(c);
    TestGateway g = rsaGateway();
    assertThat(reason(g, expNow)).isEqualTo("OK");
    g.clock().advance(Duration.ofMillis(1));
    assertThat(reason(g, expNow)).isEqualTo("TokenExpired");

    TestGateway skewed = gateway(String.format(RSA_POLICY, 30));
    skewed.clock().advance(Duration.ofSeconds(30));
    assertThat(reason(skewed, expNow)).isEqualTo("OK");
    skewed.clock().advance(Duration.ofMillis(1));
    TestResult expired = bearer(skewed, expNow);
    assertThat(expired.lastError().reason()).isEqualTo("TokenExpired");
    assertThat(expired.lastError().message()).startsWith("Lifetime validation failed. The token is expired.")
        .endsWith("Access denied.");

    Map<String, Object> future = claims();
    future.put("nbf", NOW.getEpochSecond() + 30);
    String nbf = rs256(future);
    TestGateway early = gateway(String.format(RSA_POLICY, 30));
    assertThat(reason(early, nbf)).isEqualTo("OK");
    early.clock().advance(Duration.ofMillis(-1));
    assertThat(reason(early, nbf)).isEqualTo("JwtInvalid");
    assertThat(reason(rsaGateway(), nbf)).isEqualTo("JwtInvalid");

    Map<String, Object> noExp = claims();
    noExp.remove("exp");
    assertThat(reason(rsaGateway(), rs256(noExp))).isEqualTo("JwtInvalid");
    TestGateway optional = gateway(String.format(RSA_POLICY, 0)
        .replace("clock-skew=\"0\"", "require-expiration-time=\"false\""));
    assertThat(reason(optional, rs256(noExp))).isEqualTo("OK");
  }

  @Test
  void oversizeAndMalformedTokensAreJwtInvalid() {
    Map<String, Object> big = claims();
    big.put("pad", "x".repeat(17 * 1024));
    String huge = rs256(big);
    assertThat(reason(rsaGateway(), huge)).isEqualTo("JwtInvalid");
    assertThat(bearer(rsaGateway(), huge).lastError().message()).contains("longer than 16384");
    TestGateway small = gateway(String.format(RSA_POLICY, 0),
        TokenValidationOptions.defaults().withMaxTokenLength(100));
    assertThat(reason(small, rs256(claims()))).isEqualTo("JwtInvalid");

    String good = rs256(claims());
    String[] p = good.split("\\.");
    List<String> malformed = new ArrayList<>(List.of("abc", "a.b", "a.b.c", "...", "a.b.c.d", "a.b.c.d.e.f",
        p[0] + ".%%%." + p[2], Base64.getUrlEncoder().encodeToString("not json".getBytes()) + "." + p[1] + "." + p[2],
        p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("[1]".getBytes()) + "." + p[2]));
    for (String m : malformed) {
      assertThat(reason(rsaGateway(), m)).as(m).isIn("JwtInvalid", "TokenSignatureInvalid");
    }
    assertThat(reason(rsaGateway(), "abc")).isEqualTo("JwtInvalid");
  }

  @Test
  void tamperedPayloadIsSignatureInvalid() {
    String[] p = rs256(claims()).split("\\.");
    Map<String, Object> admin = claims();
    admin.put("sub", "admin");
    String[] q = rs256(admin).split("\\.");
    assertThat(reason(rsaGateway(), p[0] + "." + q[1] + "." + p[2])).isEqualTo("TokenSignatureInvalid");
  }
}
