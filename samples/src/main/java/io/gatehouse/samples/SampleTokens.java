package io.gatehouse.samples;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Demo JWTs for the Jetty sample: HS256 with a fixed demo secret, issuer {@link #ISSUER}, audience {@link #AUDIENCE}.
 * Tokens are minted with the JDK's HMAC at the current time, so they never carry an expiry that has already lapsed.
 * The secret is public: it is for local demos only.
 */
public final class SampleTokens {
  /** The {@code iss} the sample's {@code validate-jwt} accepts. */
  public static final String ISSUER = "https://gatehouse.demo/";
  /** The {@code aud} the sample's {@code validate-jwt} accepts. */
  public static final String AUDIENCE = "api://gatehouse-demo";
  /** The subject of tokens minted without one. */
  public static final String DEFAULT_SUBJECT = "demo-user";
  /** How long minted tokens are valid by default. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private static final byte[] SECRET = "gatehouse-demo-secret-32-bytes!!".getBytes(StandardCharsets.US_ASCII);

  private SampleTokens() {}

  /** The signing secret, Base64-encoded as {@code validate-jwt}'s {@code <key>} (the {@code jwt-signing-key} value). */
  public static String signingKeyBase64() {
    return Base64.getEncoder().encodeToString(SECRET);
  }

  /** A token for {@code subject}, issued at {@code now} and expiring after {@code lifetime}. */
  public static String mint(String subject, Instant now, Duration lifetime) {
    if (!subject.matches("[A-Za-z0-9@._\\-]{1,100}")) {
      throw new IllegalArgumentException("subject must be 1-100 of A-Z a-z 0-9 @ . _ -, got '" + subject + "'");
    }
    long issued = now.getEpochSecond();
    String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
        + "\",\"iat\":" + issued + ",\"nbf\":" + issued + ",\"exp\":" + (issued + lifetime.toSeconds()) + "}";
    String signingInput = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64Url(payload);
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signingInput));
  }

  /** A token for {@link #DEFAULT_SUBJECT}, valid for {@link #DEFAULT_LIFETIME} from now. */
  public static String mintNow() {
    return mint(DEFAULT_SUBJECT, Instant.now(), DEFAULT_LIFETIME);
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
