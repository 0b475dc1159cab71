package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * validate-jwt with keys from the engine's certificate store ({@code certificate-id}) and encrypted tokens
 * ({@code decryption-keys}). Tokens are minted with jose4j, never with the library that verifies them.
 */
class ValidateJwtCertificateAndEncryptionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final byte[] HMAC = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] AES = "fedcba9876543210fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static String claims() {
    JwtClaims c = new JwtClaims();
    c.setSubject("alice");
    c.setAudience("api://orders");
    c.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 600));
    return c.toJson();
  }

  private static String jws(String alg, Key key) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims());
    jws.setAlgorithmHeaderValue(alg);
    jws.setKey(key);
    return jws.getCompactSerialization();
  }

  private static String jwe(String alg, Key key, String inner) throws Exception {
    JsonWebEncryption jwe = new JsonWebEncryption();
    jwe.setAlgorithmHeaderValue(alg);
    jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
    jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jwe.setContentTypeHeaderValue("JWT");
    jwe.setKey(key);
    jwe.setPayload(inner);
    return jwe.getCompactSerialization();
  }

  private static TestGateway gateway(String keys, CertificateStore certificates) {
    String policy = "<policies><inbound><validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\">" + keys
        + "<audiences><audience>api://orders</audience></audiences></validate-jwt></inbound>"
        + "<backend><forward-request /></backend></policies>";
    GatewayConfig config = GatewayConfig.builder()
        .api(ApiDefinition.builder("api").path("api").serviceUrl("https://backend.test").subscriptionRequired(false)
            .operation("x", "GET", "/x", policy).build())
        .build();
    return TestGateway.builder().config(config).clockAt(NOW).certificates(certificates).build();
  }

  private static TestResult call(TestGateway g, String token) {
    return g.send(TestRequest.get("https://gw.test/api/x").header("Authorization", "Bearer " + token));
  }

  @Test
  void signingKeyFromACertificateId() throws Exception {
    TestPki pki = TestPki.get();
    TestGateway g = gateway("<issuer-signing-keys><key certificate-id=\"signer\" /></issuer-signing-keys>",
        CertificateStore.builder().certificate("signer", pki.server).build());
    // TestPki's keys are P-256 EC keys (keytool's default)
    assertThat(call(g, jws(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, pki.serverKey)).status())
        .isEqualTo(200);
    TestResult forged = call(g, jws(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, pki.clientKey));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.lastError().reason()).isEqualTo("TokenSignatureInvalid");
  }

  @Test
  void symmetricallyEncryptedTokensAreDecryptedThenVerified() throws Exception {
    String keys = "<issuer-signing-keys><key>" + Base64.getEncoder().encodeToString(HMAC) + "</key>"
        + "</issuer-signing-keys><decryption-keys><key>" + Base64.getEncoder().encodeToString(AES) + "</key>"
        + "</decryption-keys>";
    TestGateway g = gateway(keys, CertificateStore.EMPTY);
    String inner = jws(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(HMAC));
    assertThat(call(g, jwe(KeyManagementAlgorithmIdentifiers.A256KW, new AesKey(AES), inner)).status())
        .isEqualTo(200);
    byte[] otherKey = "another-key-another-key-another!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    TestResult wrongKey = call(g, jwe(KeyManagementAlgorithmIdentifiers.A256KW, new AesKey(otherKey), inner));
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.response().bodyText()).doesNotContain(inner.substring(0, 20));
  }

  @Test
  void rsaEncryptedTokensUseTheCertificatesPrivateKeyAndRefuseRsa1Of5() throws Exception {
    TestPki pki = TestPki.get();
    PrivateKey privateKey = pki.rsaKey;
    X509Certificate certificate = pki.rsa;
    String keys = "<issuer-signing-keys><key>" + Base64.getEncoder().encodeToString(HMAC) + "</key>"
        + "</issuer-signing-keys><decryption-keys><key certificate-id=\"decrypt\" /></decryption-keys>";
    TestGateway g = gateway(keys, CertificateStore.builder().certificate("decrypt", privateKey, certificate).build());
    String inner = jws(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(HMAC));
    assertThat(call(g, jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256, certificate.getPublicKey(), inner))
        .status()).isEqualTo(200);
    assertThat(call(g, jwe(KeyManagementAlgorithmIdentifiers.RSA1_5, certificate.getPublicKey(), inner)).status())
        .isEqualTo(401);
    var other = KeyPairGenerator.getInstance("RSA");
    other.initialize(2048);
    assertThat(call(g, jwe(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256, other.generateKeyPair().getPublic(),
        inner)).status()).isEqualTo(401);
  }
}
