package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {
  static final String JWT_A = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZXMiOlsicmVhZGVyIiwid3"
      + "JpdGVyIl0sImF1ZCI6ImFwaTovL29yZGVycyIsImV4cCI6MTg5MzQ1NjAwMH0.c2ln";

  private static String token(String payload) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
  }

  @Test
  void specVectors() {
    String header = "Bearer " + JWT_A;
    Jwt jwt = Jwt.parse(CsStrings.split(header, ' ')[1]);
    assertThat(jwt.subject()).isEqualTo("user-42"); // V15
    assertThat(jwt.claims().getValueOrDefault("roles", "")).isEqualTo("reader,writer"); // V16
    assertThat(Jwt.parse("not-a-token")).isNull(); // V17
    assertThat(Jwt.parse(header).subject()).isEqualTo("user-42");
    assertThat(Jwt.parse("bearer " + JWT_A).subject()).isEqualTo("user-42");
    assertThat(jwt.algorithm()).isEqualTo("HS256");
    assertThat(jwt.type()).isEqualTo("JWT");
    assertThat(jwt.audiences()).containsExactly("api://orders");
    assertThat(jwt.expirationTime().toString("o")).isEqualTo("2030-01-01T00:00:00.0000000Z");
    assertThat(jwt.notBefore()).isNull();
  }

  @Test
  void claimsRules() {
    Jwt jwt = Jwt.parse(token("{\"Groups\":[\"a\",\"b\"],\"n\":42,\"ok\":true,\"aud\":[\"x\",\"y\"],\"iat\":0}"));
    assertThat(jwt.claims().get("groups")).containsExactly("a", "b");
    assertThat(jwt.claims().get("n")).containsExactly("42");
    assertThat(jwt.claims().get("ok")).containsExactly("true");
    assertThat(jwt.claims().get("missing")).isEmpty();
    assertThat(jwt.claims().getValueOrDefault("missing", "d")).isEqualTo("d");
    assertThat(jwt.claims().containsKey("GROUPS")).isTrue();
    assertThat(jwt.audiences()).containsExactly("x", "y");
    assertThat(jwt.issuedAt()).isEqualTo(CsDateTime.UNIX_EPOCH);
    assertThat(Jwt.parse("a.b")).isNull();
    assertThat(Jwt.parse(token("[1]"))).isNull();
    assertThat(Jwt.parse(null)).isNull();
  }

  @Test
  void basicAuth() {
    String v = "Basic " + Base64.getEncoder().encodeToString("user:pa:55".getBytes(StandardCharsets.ISO_8859_1));
    BasicAuthCredentials c = BasicAuthCredentials.parse(v);
    assertThat(c.userId()).isEqualTo("user:pa");
    assertThat(c.password()).isEqualTo("55");
    assertThat(BasicAuthCredentials.parse("Basic !!!")).isNull();
    assertThat(BasicAuthCredentials.parse("Bearer x")).isNull();
    assertThat(BasicAuthCredentials.tryParse("basic " + Base64.getEncoder().encodeToString("a:b".getBytes())).userId())
        .isEqualTo("a");
  }
}
