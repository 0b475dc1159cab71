package io.gatehouse.jmh;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.jwt.KeySet;
import io.gatehouse.engine.jwt.SignatureCache;
import io.gatehouse.engine.jwt.TokenRules;
import io.gatehouse.engine.jwt.TokenValidationOptions;
import io.gatehouse.engine.jwt.TokenVerifier;
import io.gatehouse.engine.jwt.VerificationKey;
import io.gatehouse.engine.jwt.VerifiedToken;
import io.gatehouse.engine.testing.StubBackend;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * validate-jwt cost per request (issue 4), all on the same token and key: Nimbus's bare parse + verify (the issue's
 * reference), Nimbus doing everything the policy does ({@code *Claims}: parse, verify, claims, lifetime, audience,
 * issuer), the engine's verifier (parse, key selection by kid, allow-listed verify, claims, the same checks), and a
 * whole gateway request with and without the policy. {@code *Cached} runs hit the signature cache (a repeated token). Tokens are
 * minted with the JDK (not Nimbus).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class JwtBench {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  String rs256;
  String hs256;
  JWSVerifier nimbusRsa;
  JWSVerifier nimbusHmac;
  KeySet rsaKeys;
  KeySet hmacKeys;
  TokenVerifier verifier;
  SignatureCache cache;
  TokenRules rules;
  Gatehouse baseline;
  Gatehouse gatewayRsa;
  Gatehouse gatewayHmac;
  Gatehouse gatewayRsaCached;
  GatewayRequest rsaRequest;
  GatewayRequest hmacRequest;

  @Setup
  public void setUp() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair rsa = g.generateKeyPair();
    String claims = "{\"sub\":\"alice\",\"iss\":\"https://issuer.test/\",\"aud\":\"api://orders\",\"exp\":"
        + (NOW.getEpochSecond() + 3600) + ",\"nbf\":" + (NOW.getEpochSecond() - 60)
        + ",\"scp\":\"orders.read orders.write\",\"roles\":[\"reader\",\"writer\"],\"tid\":\"t-1\"}";
    rs256 = signRsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"JWT\"}", claims, rsa);
    hs256 = signHmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims);
    nimbusRsa = new RSASSAVerifier((RSAPublicKey) rsa.getPublic());
    nimbusHmac = new MACVerifier(SECRET);
    rsaKeys = KeySet.of(List.of(VerificationKey.publicKey("rsa-1", rsa.getPublic())));
    hmacKeys = KeySet.of(List.of(VerificationKey.symmetric(null, SECRET)));
    verifier = new TokenVerifier(List.of(), true, 16 * 1024);
    cache = new SignatureCache(10_000, Duration.ofHours(1));
    rules = new TokenRules(true, 0, List.of("api://orders"), List.of("https://issuer.test/"), List.of());

    RSAPublicKey pub = (RSAPublicKey) rsa.getPublic();
    String check = "<audiences><audience>api://orders</audience></audiences>"
        + "<issuers><issuer>https://issuer.test/</issuer></issuers></validate-jwt>";
    String rsaPolicy = "<validate-jwt header-name=\"Authorization\"><issuer-signing-keys><key id=\"rsa-1\" n=\""
        + b64u(pub.getModulus()) + "\" e=\"" + b64u(pub.getPublicExponent()) + "\" /></issuer-signing-keys>" + check;
    String hmacPolicy = "<validate-jwt header-name=\"Authorization\"><issuer-signing-keys><key>"
        + Base64.getEncoder().encodeToString(SECRET) + "</key></issuer-signing-keys>" + check;
    TokenValidationOptions off = TokenValidationOptions.defaults().withSignatureCache(false);
    baseline = gateway("", off);
    gatewayRsa = gateway(rsaPolicy, off);
    gatewayHmac = gateway(hmacPolicy, off);
    gatewayRsaCached = gateway(rsaPolicy, TokenValidationOptions.defaults());
    rsaRequest = request(rs256);
    hmacRequest = request(hs256);
    for (Gatehouse gh : List.of(gatewayRsa, gatewayRsaCached)) {
      if (gh.execute(rsaRequest).toCompletableFuture().join().response().status() != 200) {
        throw new IllegalStateException("RS256 token refused");
      }
    }
    if (!nimbusChecked(rs256, nimbusRsa) || !nimbusChecked(hs256, nimbusHmac)) {
      throw new IllegalStateException("Nimbus refused a token");
    }
    if (gatewayHmac.execute(hmacRequest).toCompletableFuture().join().response().status() != 200) {
      throw new IllegalStateException("HS256 token refused");
    }
  }

  private static GatewayRequest request(String token) {
    return new GatewayRequest("GET", "https://gw.test/api/x", HttpHeaders.of("Authorization", "Bearer " + token),
        new byte[0], "10.0.0.1", List.of());
  }

  private static Gatehouse gateway(String inbound, TokenValidationOptions options) {
    String policy = "<policies><inbound>" + inbound + "<return-response><set-status code=\"200\" />"
        + "</return-response></inbound><backend /><outbound /><on-error /></policies>";
    GatewayConfig config = GatewayConfig.builder()
        .api(ApiDefinition.builder("api").path("api").serviceUrl("https://backend.test").subscriptionRequired(false)
            .operation("x", "GET", "/x", policy).build())
        .build();
    return Gatehouse.builder().config(config).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .backend(StubBackend.echoing()).tokenValidation(options).build();
  }

  private static String b64u(BigInteger i) {
    byte[] b = i.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String input(String header, String claims) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
  }

  private static String signRsa(String header, String claims, KeyPair key) throws Exception {
    String in = input(header, claims);
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key.getPrivate());
    s.update(in.getBytes(StandardCharsets.US_ASCII));
    return in + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
  }

  private static String signHmac(String header, String claims) throws Exception {
    String in = input(header, claims);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    return in + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(in.getBytes(StandardCharsets.US_ASCII)));
  }

  @Benchmark
  public boolean nimbusRs256() throws Exception {
    return SignedJWT.parse(rs256).verify(nimbusRsa);
  }

  @Benchmark
  public boolean nimbusHs256() throws Exception {
    return SignedJWT.parse(hs256).verify(nimbusHmac);
  }

  @Benchmark
  public boolean nimbusRs256Claims() throws Exception {
    return nimbusChecked(rs256, nimbusRsa);
  }

  @Benchmark
  public boolean nimbusHs256Claims() throws Exception {
    return nimbusChecked(hs256, nimbusHmac);
  }

  /** What the policy does, by hand with Nimbus: parse, verify, claims, lifetime, audience and issuer. */
  private static boolean nimbusChecked(String token, JWSVerifier v) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    if (!jwt.verify(v)) {
      return false;
    }
    JWTClaimsSet c = jwt.getJWTClaimsSet();
    long now = NOW.toEpochMilli();
    return c.getExpirationTime() != null && c.getExpirationTime().getTime() >= now
        && (c.getNotBeforeTime() == null || c.getNotBeforeTime().getTime() <= now)
        && c.getAudience().contains("api://orders") && "https://issuer.test/".equals(c.getIssuer());
  }

  @Benchmark
  public VerifiedToken verifierRs256() {
    VerifiedToken t = verifier.verify(rs256, rsaKeys, null, false);
    rules.check(t, NOW, java.util.Set.of());
    return t;
  }

  @Benchmark
  public VerifiedToken verifierHs256() {
    VerifiedToken t = verifier.verify(hs256, hmacKeys, null, false);
    rules.check(t, NOW, java.util.Set.of());
    return t;
  }

  @Benchmark
  public VerifiedToken verifierRs256Cached() {
    VerifiedToken t = verifier.verify(rs256, rsaKeys, cache, false);
    rules.check(t, NOW, java.util.Set.of());
    return t;
  }

  @Benchmark
  public int gatewayWithoutJwt() {
    return baseline.execute(rsaRequest).toCompletableFuture().join().response().status();
  }

  @Benchmark
  public int gatewayRs256() {
    return gatewayRsa.execute(rsaRequest).toCompletableFuture().join().response().status();
  }

  @Benchmark
  public int gatewayHs256() {
    return gatewayHmac.execute(hmacRequest).toCompletableFuture().join().response().status();
  }

  @Benchmark
  public int gatewayRs256Cached() {
    return gatewayRsaCached.execute(rsaRequest).toCompletableFuture().join().response().status();
  }
}
