package io.gatehouse.engine.jwt;

import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;

/**
 * Test tokens minted with jose4j (never with Nimbus, which verifies them), and a one-operation gateway around a
 * policy. The harness clock starts at {@link #NOW}.
 */
final class JwtMint {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final byte[] HMAC_SECRET = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final String HMAC_BASE64 = Base64.getEncoder().encodeToString(HMAC_SECRET);

  private static RsaJsonWebKey rsa;
  private static RsaJsonWebKey rsa2;
  private static EllipticCurveJsonWebKey ec;

  private JwtMint() {}

  static synchronized RsaJsonWebKey rsa() {
    if (rsa == null) {
      rsa = generateRsa("rsa-1");
    }
    return rsa;
  }

  static synchronized RsaJsonWebKey rsa2() {
    if (rsa2 == null) {
      rsa2 = generateRsa("rsa-2");
    }
    return rsa2;
  }

  static RsaJsonWebKey generateRsa(String kid) {
    try {
      RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
      k.setKeyId(kid);
      return k;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized EllipticCurveJsonWebKey ec() {
    if (ec == null) {
      try {
        ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-1");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return ec;
  }

  /** Base64url of an unsigned big-endian integer (for n/e attributes). */
  static String b64u(java.math.BigInteger i) {
    byte[] b = i.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Default claims: sub, iss, aud, exp = NOW + 1 h, nbf = NOW - 1 min. */
  static Map<String, Object> claims() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("sub", "alice");
    c.put("iss", "https://issuer.test/");
    c.put("aud", "api://orders");
    c.put("exp", NOW.getEpochSecond() + 3600);
    c.put("nbf", NOW.getEpochSecond() - 60);
    return c;
  }

  /** A compact JWS; {@code headers} are extra header parameters; unlimited algorithms (tests mint bad tokens). */
  static String sign(String alg, Key key, String kid, Map<String, Object> claims, Map<String, Object> headers) {
    try {
      JwtClaims jc = new JwtClaims();
      for (Map.Entry<String, Object> e : claims.entrySet()) {
        if (e.getValue() instanceof Long l && (e.getKey().equals("exp") || e.getKey().equals("nbf"))) {
          jc.setClaim(e.getKey(), NumericDate.fromSeconds(l).getValue());
        } else {
          jc.setClaim(e.getKey(), e.getValue());
        }
      }
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(jc.toJson());
      jws.setAlgorithmHeaderValue(alg);
      jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
      jws.setDoKeyValidation(false);
      if (kid != null) {
        jws.setKeyIdHeaderValue(kid);
      }
      for (Map.Entry<String, Object> h : headers.entrySet()) {
        jws.setHeader(h.getKey(), h.getValue());
      }
      jws.setKey(key);
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A compact RS256 JWS (key {@code rsa-1}) over a payload given as raw JSON text, however odd. */
  static String rs256Raw(String payloadJson) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(payloadJson);
      jws.setAlgorithmHeaderValue("RS256");
      jws.setKeyIdHeaderValue(rsa().getKeyId());
      jws.setKey(rsa().getPrivateKey());
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String rs256(Map<String, Object> claims) {
    return sign("RS256", rsa().getPrivateKey(), rsa().getKeyId(), claims, Map.of());
  }

  static String hs256(Map<String, Object> claims) {
    return sign("HS256", new org.jose4j.keys.HmacKey(HMAC_SECRET), null, claims, Map.of());
  }

  /** The {@code <key n e>} element of an RSA key. */
  static String rsaKeyElement(RsaJsonWebKey k) {
    return "<key id=\"" + k.getKeyId() + "\" n=\"" + b64u(k.getRsaPublicKey().getModulus()) + "\" e=\""
        + b64u(k.getRsaPublicKey().getPublicExponent()) + "\" />";
  }

  /** A gateway with one GET operation {@code /api/x} whose inbound holds {@code inbound}. */
  static TestGateway gateway(String inbound, TokenValidationOptions options) {
    String onError = "<on-error><set-header name=\"X-Reason\" exists-action=\"override\">"
        + "<value>@(context.LastError.Reason)</value></set-header></on-error>";
    String policy = "<policies><inbound>" + inbound + "</inbound><backend><forward-request /></backend>"
        + "<outbound />" + onError + "</policies>";
    GatewayConfig config = GatewayConfig.builder()
        .api(ApiDefinition.builder("api").path("api").serviceUrl("https://backend.test").subscriptionRequired(false)
            .operation("x", "GET", "/x", policy).build())
        .build();
    return TestGateway.builder().config(config).clockAt(NOW).tokenValidation(options).build();
  }

  static TestGateway gateway(String inbound) {
    return gateway(inbound, TokenValidationOptions.defaults());
  }

  static TestResult bearer(TestGateway g, String token) {
    return g.send(TestRequest.get("https://gw.test/api/x").header("Authorization", "Bearer " + token));
  }
}
