package io.gatehouse.engine.jwt;

import static io.gatehouse.engine.jwt.JwtMint.bearer;
import static io.gatehouse.engine.jwt.JwtMint.claims;
import static io.gatehouse.engine.jwt.JwtMint.gateway;
import static io.gatehouse.engine.jwt.JwtMint.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.testing.TestGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSignatureCacheTest {
  private static final TokenVerifier VERIFIER = new TokenVerifier(List.of(), true, 16 * 1024);
  private static final long NOW = System.currentTimeMillis(); // the 4-argument verify reads this clock too

  private static KeySet rsaKeys() {
    return KeySet.of(List.of(VerificationKey.publicKey("rsa-1", JwtMint.rsa().getPublicKey())));
  }

  @Test
  void aRepeatedTokenIsServedFromTheCache() {
    SignatureCache cache = new SignatureCache(100, Duration.ofHours(1));
    KeySet keys = rsaKeys();
    String token = rs256(claims());
    VerifiedToken first = VERIFIER.verify(token, keys, cache, false);
    assertThat(VERIFIER.verify(token, keys, cache, false)).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(VERIFIER.verify(token, keys, null, false)).isNotSameAs(first);
  }

  @Test
  void anEntryServesForItsMaximumAgeOnTheCallersClock() {
    SignatureCache cache = new SignatureCache(100, Duration.ofSeconds(10));
    KeySet keys = rsaKeys();
    String token = rs256(claims());
    long t0 = 1_000_000L;
    VerifiedToken first = VERIFIER.verify(token, 0, token.length(), keys, cache, false, t0);
    assertThat(VERIFIER.verify(token, 0, token.length(), keys, cache, false, t0 + 9_999)).isSameAs(first);
    VerifiedToken again = VERIFIER.verify(token, 0, token.length(), keys, cache, false, t0 + 10_000);
    assertThat(again).isNotSameAs(first); // too old: verified again, and stored anew
    assertThat(VERIFIER.verify(token, 0, token.length(), keys, cache, false, t0 + 19_999)).isSameAs(again);
    // a clock that went back (a test clock, a corrected system clock) does not trust entries from its future
    assertThat(VERIFIER.verify(token, 0, token.length(), keys, cache, false, t0)).isNotSameAs(again);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aNewKeySetVersionMissesAndOtherKeysStillRefuse() {
    SignatureCache cache = new SignatureCache(100, Duration.ofHours(1));
    String token = rs256(claims());
    VerifiedToken first = VERIFIER.verify(token, rsaKeys(), cache, false);
    assertThat(VERIFIER.verify(token, rsaKeys(), cache, false)).isNotSameAs(first);
    KeySet other = KeySet.of(List.of(VerificationKey.publicKey("rsa-1", JwtMint.rsa2().getPublicKey())));
    assertThatThrownBy(() -> VERIFIER.verify(token, other, cache, false)).isInstanceOf(TokenRejection.class)
        .extracting(e -> ((TokenRejection) e).reason()).isEqualTo("TokenSignatureInvalid");
  }

  @Test
  void aHitIsTheSameTokenNotJustTheSameSignature() {
    SignatureCache cache = new SignatureCache(100, Duration.ofHours(1));
    KeySet keys = rsaKeys();
    String token = rs256(claims());
    VerifiedToken first = VERIFIER.verify(token, keys, cache, false);
    int dot1 = token.indexOf('.');
    int dot2 = token.lastIndexOf('.');
    String signature = token.substring(dot2);
    String otherPayload = JwtMint.rs256(Map.of("sub", "mallory")).split("\\.")[1];
    // the cached token's signature after another signed part: found by its signature, told apart by the rest
    for (String other : List.of(token.substring(0, dot1 + 1) + otherPayload + signature,
        token.substring(0, dot2 - 1) + signature, "x" + token)) {
      assertThatThrownBy(() -> VERIFIER.verify(other, keys, cache, false)).isInstanceOf(TokenRejection.class);
    }
    for (String malformed : List.of(signature.substring(1), signature, "." + token)) {
      assertThatThrownBy(() -> VERIFIER.verify(malformed, keys, cache, false)).isInstanceOf(TokenRejection.class)
          .extracting(e -> ((TokenRejection) e).reason()).isEqualTo("JwtInvalid");
    }
    assertThat(VERIFIER.verify(token, keys, cache, false)).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void failuresAreNotCached() {
    SignatureCache cache = new SignatureCache(100, Duration.ofHours(1));
    String forged = JwtMint.sign("RS256", JwtMint.rsa2().getPrivateKey(), "rsa-1", claims(), Map.of());
    KeySet keys = rsaKeys();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> VERIFIER.verify(forged, keys, cache, false)).isInstanceOf(TokenRejection.class);
    }
    assertThat(cache.size()).isZero();
  }

  @Test
  void lifetimeAudienceAndClaimsStillRunOnACachedToken() {
    String policy = "<validate-jwt header-name=\"Authorization\"><issuer-signing-keys>"
        + JwtMint.rsaKeyElement(JwtMint.rsa()) + "</issuer-signing-keys><audiences><audience>api://orders"
        + "</audience></audiences></validate-jwt>";
    TestGateway g = gateway(policy);
    String token = rs256(claims());
    assertThat(bearer(g, token).status()).isEqualTo(200);
    assertThat(bearer(g, token).status()).isEqualTo(200);
    g.clock().advance(Duration.ofHours(2));
    assertThat(bearer(g, token).lastError().reason()).isEqualTo("TokenExpired");

    TestGateway other = gateway(policy.replace("api://orders", "api://billing"));
    assertThat(bearer(other, token).lastError().reason()).isEqualTo("TokenAudienceNotAllowed");
    assertThat(bearer(other, token).lastError().reason()).isEqualTo("TokenAudienceNotAllowed");
  }

  @Test
  void theCacheCanBeSwitchedOff() {
    assertThat(TokenValidation.create(TokenValidationOptions.defaults()).signatureCache()).isNotNull();
    TokenValidationOptions off = TokenValidationOptions.defaults().withSignatureCache(false);
    assertThat(TokenValidation.create(off).signatureCache()).isNull();
    TestGateway g = gateway("<validate-jwt header-name=\"Authorization\"><issuer-signing-keys>"
        + JwtMint.rsaKeyElement(JwtMint.rsa()) + "</issuer-signing-keys></validate-jwt>", off);
    String token = rs256(claims());
    assertThat(bearer(g, token).status()).isEqualTo(200);
    assertThat(bearer(g, token).status()).isEqualTo(200);
  }

  @Test
  void aTokenOutsideTheBase64UrlAlphabetIsMalformedAndNeverCached() {
    SignatureCache cache = new SignatureCache(100, Duration.ofHours(1));
    KeySet keys = rsaKeys();
    String token = rs256(claims());
    assertThat(VERIFIER.verify(token, keys, cache, false)).isNotNull();
    // Nimbus's Base64URL decoder skips characters outside the alphabet, so a '?' or '=' after the signature would
    // still verify; under ISO-8859-1 a '\u20ac' would have been read as that '?' and hit its cache entry.
    for (String other : List.of(token + "?", token + "=", token + " ", token + "\u20ac", token + "\u00e9",
        "\u0141" + token.substring(1), token.replace('.', '+'))) {
      for (SignatureCache c : java.util.Arrays.asList(cache, null)) {
        assertThatThrownBy(() -> VERIFIER.verify(other, keys, c, false)).isInstanceOf(TokenRejection.class)
            .extracting(e -> ((TokenRejection) e).reason()).isEqualTo("JwtInvalid");
      }
    }
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aTokenInsideALongerTextIsVerifiedWithoutCopyingItFirst() {
    SignatureCache cache = new SignatureCache(100, Duration.ofHours(1));
    KeySet keys = rsaKeys();
    String token = rs256(claims());
    String header = "Bearer " + token + "  ";
    VerifiedToken first = VERIFIER.verify(header, 7, 7 + token.length(), keys, cache, false, NOW);
    assertThat(VERIFIER.verify(token, keys, cache, false)).isSameAs(first);
    assertThat(VERIFIER.verify(header, 7, 7 + token.length(), keys, null, false, NOW).claimValues("sub"))
        .isEqualTo(first.claimValues("sub"));
    TokenVerifier short10 = new TokenVerifier(List.of(), true, 10);
    assertThatThrownBy(() -> short10.verify(header, 7, 17, keys, cache, false, NOW)).isInstanceOf(TokenRejection.class)
        .extracting(e -> ((TokenRejection) e).reason()).isEqualTo("JwtInvalid");
    assertThatThrownBy(() -> short10.verify(header, 7, 18, keys, cache, false, NOW)).hasMessageContaining("longer");
  }
}
