package io.gatehouse.jmh.load;

import io.gatehouse.api.Subscription;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateways of the load benchmark ({@code bench/load.sh}). Every server serves {@code GET /api/hello}; the API's
 * {@code serviceUrl} is {@code http://app/api}, so {@code forward-request} reaches the server's own hello handler.
 *
 * <ul>
 *   <li>{@code light}: three {@code set-header} policies, one of them an expression.
 *   <li>{@code bare}: no policy but {@code forward-request}: what the engine and an adapter cost on their own.
 *   <li>{@code security}: subscription key, {@code validate-jwt} (HS256), {@code rate-limit-by-key} with a limit
 *       that is never reached, {@code cors}.
 * </ul>
 *
 * <p>{@code java -cp benchmarks.jar io.gatehouse.jmh.load.LoadPipelines token} prints a valid HS256 token.
 */
public final class LoadPipelines {
  /** The request path every server answers. */
  public static final String PATH = "/api/hello";
  /** The Netty server's reference mode: the light pipeline written by hand on Netty's messages (no Gatehouse). */
  public static final String HAND_WRITTEN = "handwritten";
  /** Prefix of the reference modes {@code spin-NANOS} ({@link SpinHandler}). */
  public static final String SPIN = "spin-";
  /** The subscription key the security pipeline accepts. */
  public static final String SUBSCRIPTION_KEY = "bench-key-0123456789";
  /** The CORS origin the security pipeline allows. */
  public static final String ORIGIN = "https://app.bench.test";
  static final byte[] SECRET = "bench-secret-0123456789abcdef-32".getBytes(StandardCharsets.US_ASCII);
  static final String AUDIENCE = "api://bench";
  static final String ISSUER = "https://issuer.bench.test/";

  private static final String LIGHT = "<policies><inbound><base />"
      + "<set-header name=\"X-Gateway\" exists-action=\"override\"><value>gatehouse</value></set-header>"
      + "<set-header name=\"X-Client-Name\" exists-action=\"override\"><value>"
      + "@(context.Request.Headers.GetValueOrDefault(\"X-Client\", \"anonymous\"))</value></set-header>"
      + "</inbound><backend><forward-request /></backend><outbound><base />"
      + "<set-header name=\"Cache-Control\" exists-action=\"override\"><value>no-store</value></set-header>"
      + "</outbound><on-error><base /></on-error></policies>";

  private static final String SECURITY = "<policies><inbound><base />"
      + "<cors><allowed-origins><origin>" + ORIGIN + "</origin></allowed-origins>"
      + "<allowed-methods><method>GET</method></allowed-methods>"
      + "<allowed-headers><header>Authorization</header></allowed-headers></cors>"
      + "<validate-jwt header-name=\"Authorization\" failed-validation-httpcode=\"401\">"
      + "<issuer-signing-keys><key>" + Base64.getEncoder().encodeToString(SECRET) + "</key></issuer-signing-keys>"
      + "<audiences><audience>" + AUDIENCE + "</audience></audiences>"
      + "<issuers><issuer>" + ISSUER + "</issuer></issuers></validate-jwt>"
      + "<rate-limit-by-key calls=\"1000000000\" renewal-period=\"60\" counter-key=\"@(context.Subscription.Id)\" />"
      + "</inbound><backend><forward-request /></backend><outbound><base /></outbound>"
      + "<on-error><base /></on-error></policies>";

  private static final String BARE = "<policies><inbound /><backend><forward-request /></backend><outbound />"
      + "<on-error /></policies>";

  private LoadPipelines() {}

  /** The gatehouse of {@code mode} ({@code bare}, {@code light} or {@code security}). */
  public static Gatehouse gatehouse(String mode) {
    String policy = switch (mode) {
      case "light" -> LIGHT;
      case "security" -> SECURITY;
      case "bare" -> BARE;
      default -> throw new IllegalArgumentException("mode must be raw, bare, light or security: " + mode);
    };
    GatewayConfig config = GatewayConfig.builder()
        .api(ApiDefinition.builder("bench").path("api").serviceUrl("http://app/api")
            .subscriptionRequired(mode.equals("security")).policy(policy)
            .operation("hello", "GET", "/hello").build())
        .build();
    return Gatehouse.builder().config(config).subscriptions(new InMemorySubscriptionStore(
        List.of(Subscription.of("bench", Subscription.Scope.ALL, null, SUBSCRIPTION_KEY, null)))).build();
  }

  /** An HS256 token the security pipeline accepts for the next 24 hours. */
  public static String token() {
    long now = Instant.now().getEpochSecond();
    String claims = "{\"sub\":\"bench\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now
        + ",\"nbf\":" + (now - 60) + ",\"exp\":" + (now + 86_400) + ",\"scp\":\"hello.read\"}";
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    String input = e.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return input + "." + e.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** {@code token}: prints a token; {@code key}, {@code origin}, {@code path}: print those constants. */
  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "token";
    System.out.println(switch (what) {
      case "token" -> token();
      case "key" -> SUBSCRIPTION_KEY;
      case "origin" -> ORIGIN;
      case "path" -> PATH;
      default -> throw new IllegalArgumentException("token | key | origin | path");
    });
  }

  static String mode(String[] args, int index) {
    String mode = args.length > index ? args[index] : "raw";
    if (!List.of("raw", "bare", "light", "security", HAND_WRITTEN).contains(mode) && spinNanos(mode) < 0) {
      throw new IllegalArgumentException("mode must be raw, bare, light, security, handwritten or spin-NANOS: "
          + mode);
    }
    return mode;
  }

  /** The nanoseconds of a {@code spin-NANOS} mode ({@link SpinHandler}, Netty only), or -1 for another mode. */
  static long spinNanos(String mode) {
    if (!mode.startsWith(SPIN)) {
      return -1;
    }
    try {
      long nanos = Long.parseLong(mode.substring(SPIN.length()));
      return nanos >= 0 ? nanos : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
