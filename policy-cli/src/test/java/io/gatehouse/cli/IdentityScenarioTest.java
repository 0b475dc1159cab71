package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 through {@code gatehouse-cli run}: subscription keys, validate-jwt (token minted here with the JDK's HMAC,
 * not with the library that verifies it), authentication-basic with a secret named value, and
 * validate-client-certificate with a certificate made by the JDK's keytool.
 */
class IdentityScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hs256(String payloadJson) throws GeneralSecurityException {
    String signingInput = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64url(payloadJson.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    return signingInput + "." + b64url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }

  private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void identityPoliciesRunThroughTheCli(@TempDir Path dir) throws Exception {
    keytool(dir, "-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=client",
        "-validity", "3650", "-startdate", "2025/01/01 00:00:00", "-keystore", "client.p12", "-storetype",
        "PKCS12", "-storepass", "changeit");
    keytool(dir, "-exportcert", "-rfc", "-alias", "client", "-keystore", "client.p12", "-storepass", "changeit",
        "-file", "client.pem");

    Path tree = dir.resolve("tree");
    write(tree.resolve("policy.xml"), "<policies><inbound /><backend><forward-request /></backend><outbound />"
        + "<on-error /></policies>");
    write(tree.resolve("apis/secure/apiInformation.json"), "{\"properties\": {\"path\": \"secure\", "
        + "\"serviceUrl\": \"https://backend.test\", \"subscriptionRequired\": true}}");
    write(tree.resolve("apis/secure/specification.yaml"), "openapi: 3.0.1\ninfo: {title: s, version: '1'}\npaths:\n"
        + "  /jwt:\n    get: {operationId: jwt, responses: {'200': {description: ok}}}\n"
        + "  /basic:\n    get: {operationId: basic, responses: {'200': {description: ok}}}\n"
        + "  /cert:\n    get: {operationId: cert, responses: {'200': {description: ok}}}\n");
    write(tree.resolve("named values/basic-password/namedValueInformation.json"),
        "{\"properties\": {\"displayName\": \"basic-password\", \"secret\": true}}");
    String key = Base64.getEncoder().encodeToString(SECRET);
    write(tree.resolve("apis/secure/operations/jwt/policy.xml"), "<policies><inbound><base />"
        + "<validate-jwt header-name=\"Authorization\" require-scheme=\"Bearer\" output-token-variable-name=\"jwt\">"
        + "<issuer-signing-keys><key>" + key + "</key></issuer-signing-keys>"
        + "<audiences><audience>api://orders</audience></audiences><issuers><issuer>https://issuer.test/</issuer>"
        + "</issuers><required-claims><claim name=\"roles\" match=\"any\"><value>reader</value></claim>"
        + "</required-claims></validate-jwt>"
        + "<set-header name=\"X-Sub\"><value>@(((Jwt)context.Variables[\"jwt\"]).Subject)</value></set-header>"
        + "</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>");
    write(tree.resolve("apis/secure/operations/basic/policy.xml"), "<policies><inbound><base />"
        + "<authentication-basic username=\"svc\" password=\"{{basic-password}}\" /></inbound><backend><base />"
        + "</backend><outbound><base /></outbound><on-error><base /></on-error></policies>");
    write(tree.resolve("apis/secure/operations/cert/policy.xml"), "<policies><inbound><base />"
        + "<validate-client-certificate validate-revocation=\"false\" validate-trust=\"true\" "
        + "validate-not-before=\"true\" validate-not-after=\"true\" ignore-error=\"false\"><identities>"
        + "<identity common-name=\"client\" /></identities></validate-client-certificate></inbound><backend><base />"
        + "</backend><outbound><base /></outbound><on-error><base /></on-error></policies>");

    long exp = START.getEpochSecond() + 60;
    String token = hs256("{\"sub\":\"user-1\",\"aud\":\"api://orders\",\"iss\":\"https://issuer.test/\","
        + "\"roles\":[\"reader\"],\"exp\":" + exp + "}");
    String wrongAudience = hs256("{\"sub\":\"user-1\",\"aud\":\"api://other\",\"iss\":\"https://issuer.test/\","
        + "\"roles\":[\"reader\"],\"exp\":" + exp + "}");
    Path scenario = dir.resolve("identity.json");
    String key1 = "{\"Ocp-Apim-Subscription-Key\": \"key-1\"";
    Files.writeString(scenario, "{\"clock\": \"" + START + "\", \"namedValues\": {\"basic-password\": \"pa55\"},"
        + "\"subscriptions\": [{\"name\": \"s1\", \"scope\": \"api:secure\", \"primaryKey\": \"key-1\"}],"
        + "\"trustedCertificates\": [\"client.pem\"], \"requests\": ["
        + "{\"url\": \"https://gw.test/secure/jwt\", \"headers\": " + key1 + ", \"Authorization\": \"Bearer "
        + token + "\"}},"
        + "{\"url\": \"https://gw.test/secure/jwt\", \"headers\": " + key1 + ", \"Authorization\": \"Bearer "
        + wrongAudience + "\"}},"
        + "{\"url\": \"https://gw.test/secure/jwt\", \"headers\": " + key1 + "}},"
        + "{\"advanceSeconds\": 120, \"url\": \"https://gw.test/secure/jwt\", \"headers\": " + key1
        + ", \"Authorization\": \"Bearer " + token + "\"}},"
        + "{\"url\": \"https://gw.test/secure/jwt\", \"headers\": {\"Authorization\": \"Bearer " + token + "\"}},"
        + "{\"url\": \"https://gw.test/secure/basic\", \"headers\": " + key1 + "}},"
        + "{\"url\": \"https://gw.test/secure/cert\", \"headers\": " + key1 + "}, \"clientCertificate\": \"client.pem\"},"
        + "{\"url\": \"https://gw.test/secure/cert\", \"headers\": " + key1 + "}}]}");

    Cli result = Cli.run("run", tree.toString(), scenario.toString());
    assertThat(result.exit()).as(result.err()).isZero();
    List<JsonNode> out = result.out().lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new AssertionError(l, e);
      }
    }).toList();
    assertThat(out).hasSize(8);

    assertThat(out.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(out.get(0).at("/backendRequest/headers/X-Sub/0").asText()).isEqualTo("user-1");
    assertThat(out.get(1).get("status").asInt()).isEqualTo(401);
    assertThat(out.get(1).at("/lastError/reason").asText()).isEqualTo("TokenAudienceNotAllowed");
    assertThat(out.get(2).at("/lastError/reason").asText()).isEqualTo("TokenNotPresent");
    assertThat(out.get(2).get("body").asText()).contains("JWT not present.");
    assertThat(out.get(3).at("/lastError/reason").asText()).isEqualTo("TokenExpired");
    assertThat(out.get(4).at("/lastError/reason").asText()).isEqualTo("SubscriptionKeyNotFound");
    String basic = out.get(5).at("/backendRequest/headers/Authorization/0").asText();
    assertThat(basic).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        "svc:pa55".getBytes(StandardCharsets.UTF_8)));
    assertThat(result.out()).doesNotContain("\"pa55\"");
    assertThat(out.get(6).get("status").asInt()).isEqualTo(200);
    assertThat(out.get(7).get("status").asInt()).isEqualTo(403);
    assertThat(out.get(7).at("/lastError/reason").asText()).isEqualTo("ClientCertificateNotPresent");
  }
}
