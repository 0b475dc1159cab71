package io.gatehouse.servlet;

import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.jwt.TokenValidationOptions;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A gateway whose API {@code jwt} ({@code /api/jwt/items/{id}}, served by the application itself) validates bearer
 * tokens against an OpenID provider that answers its discovery and key documents 50 ms later on another thread: the
 * engine has to wait before it calls the application.
 */
final class SlowIdentityProvider {
  private static final String ISSUER = "https://idp.test/";
  private static final String DISCOVERY = ISSUER + ".well-known/openid-configuration";
  private static final String JWKS = ISSUER + "keys";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final KeyPair KEYS = rsa();

  private SlowIdentityProvider() {}

  static Gatehouse gatehouse() {
    GatewayConfig config = GatewayConfig.builder()
        .api(ApiDefinition.builder("jwt").path("jwt").serviceUrl("http://app/api/jwt").subscriptionRequired(false)
            .policy("<policies><inbound><validate-jwt header-name=\"Authorization\">"
                + "<openid-config url=\"" + DISCOVERY + "\" /></validate-jwt></inbound>"
                + "<backend><forward-request /></backend><outbound /><on-error /></policies>")
            .operation("get", "GET", "/items/{id}")
            .operation("post", "POST", "/items")
            .build())
        .build();
    return Gatehouse.builder().config(config).tokenValidation(TokenValidationOptions.defaults()
        .withFetcher(SlowIdentityProvider::fetchLater)).build();
  }

  private static CompletableFuture<String> fetchLater(URI uri) {
    String document = switch (uri.toString()) {
      case DISCOVERY -> "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + JWKS + "\"}";
      case JWKS -> jwks();
      default -> null;
    };
    return document == null ? CompletableFuture.failedFuture(new IllegalArgumentException("unknown " + uri))
        : CompletableFuture.supplyAsync(() -> document, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
  }

  private static String jwks() {
    RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + B64.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
        + B64.encodeToString(unsigned(key.getPublicExponent())) + "\"}]}";
  }

  /** An RS256 token from this provider, valid for an hour. */
  static String token() {
    long now = Instant.now().getEpochSecond();
    String input = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "." + B64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"test\",\"iat\":" + now + ",\"exp\":"
        + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(KEYS.getPrivate());
      rs256.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
