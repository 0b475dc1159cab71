package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.HttpUrl;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL the handler gives the engine: in parts from the connection, Host and target, or whole when absolute. */
class GatewayRequestUrlTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();

  @BeforeAll
  static void leaks() {
    LeakRecorder.install();
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/a?x=1            | gw.example:8080 | http://gw.example:8080/a?x=1     | /a?x=1",
      "/                 | ' Gw.Example '  | http://Gw.Example/                | /",
      "*                 | h               | http://h/*                       | /*",
      "/p                | [::1]:9         | http://[::1]:9/p                 | /p",
      "/p                |                 | http://localhost/p               | /p",
      "http://other/x?y  | gw.example      | http://other/x?y                 | ",
      "HTTPS://o:1/      | gw.example      | HTTPS://o:1/                     | "})
  void urlFromTheWire(String target, String host, String url, String partTarget) {
    DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target.strip());
    GatewayRequest r = NettyMessages.toGatewayRequest(request, new HttpHeaders(), host, null, channel, null, "10.0.0.1");
    assertThat(r.url()).isEqualTo(url);
    assertThat(r.target()).isEqualTo(partTarget);
    HttpUrl split = r.target() == null ? HttpUrl.parse(r.url()) : HttpUrl.of(r.scheme(), r.authority(), r.target());
    assertThat(split).isEqualTo(HttpUrl.parse(url));
  }
}
