package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {
  @Test
  void aWholeUrlHasNoParts() {
    GatewayRequest r = GatewayRequest.of("GET", "https://gw.example/a?x=1", null);
    assertThat(r.url()).isEqualTo("https://gw.example/a?x=1");
    assertThat(r.scheme()).isNull();
    assertThat(r.authority()).isNull();
    assertThat(r.target()).isNull();
    assertThat(r.headers().size()).isZero();
    assertThat(r.clientCertificates()).isEmpty();
  }

  @Test
  void partsMakeTheUrlWhenAsked() {
    HttpHeaders headers = HttpHeaders.of("Host", "gw.example:8443");
    GatewayRequest r = GatewayRequest.fromParts("POST", "https", "gw.example:8443", "/a?x=1", headers,
        new byte[] {1}, "10.0.0.1", null);
    assertThat(r.scheme()).isEqualTo("https");
    assertThat(r.authority()).isEqualTo("gw.example:8443");
    assertThat(r.target()).isEqualTo("/a?x=1");
    assertThat(r.url()).isEqualTo("https://gw.example:8443/a?x=1").isSameAs(r.url());
    assertThat(r.headers()).isSameAs(headers);
    assertThat(r.body()).containsExactly(1);
    assertThat(r.clientIp()).isEqualTo("10.0.0.1");
    assertThat(r.toString()).contains("POST https://gw.example:8443/a?x=1", "1 bytes");
    GatewayRequest keyed = GatewayRequest.of("GET", "http://h/", HttpHeaders.of("Ocp-Apim-Subscription-Key", "s3cr3t"));
    assertThat(keyed.toString()).doesNotContain("s3cr3t"); // the record used to print every header value
  }

  @Test
  void refusesWhatCannotBeARequest() {
    assertThatThrownBy(() -> GatewayRequest.fromParts("GET", "HTTP", "h", "/", null, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> GatewayRequest.fromParts("GET", "http", null, "/", null, null, null, List.of()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("authority");
    assertThatThrownBy(() -> GatewayRequest.of(null, "http://h/", null)).hasMessageContaining("method");
    assertThatThrownBy(() -> GatewayRequest.of("GET", null, null)).hasMessageContaining("url");
  }
}
