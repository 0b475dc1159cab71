package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.Gatehouse;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gateway closes connections that go quiet while none of their requests is being answered, and only those. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyGatewayIdleTest {
  private static final Duration IDLE = Duration.ofMillis(100);
  private EchoBackend backend;
  private NettyGateway gateway;

  @BeforeAll
  void start() throws Exception {
    backend = new EchoBackend();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    gateway = NettyGateway.builder().gatehouse(Gatehouse.builder().apiOpsTree(TestTree.write(
            Files.createTempDirectory("netty-idle"), backend.url(), "http://127.0.0.1:" + closedPort)).build())
        .idleTimeout(IDLE).start();
  }

  @AfterAll
  void stop() {
    gateway.close();
    backend.close();
  }

  private Socket connect() throws Exception {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", gateway.address().getPort()));
    s.setSoTimeout(5_000);
    return s;
  }

  /** Everything until the gateway closes the connection, and how long that took. */
  private static String readToClose(InputStream in, long[] millis) throws Exception {
    long start = System.nanoTime();
    String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    millis[0] = (System.nanoTime() - start) / 1_000_000;
    return all;
  }

  @Test
  void aSilentConnectionIsClosed() throws Exception {
    try (Socket s = connect()) {
      long[] millis = new long[1];
      assertThat(readToClose(s.getInputStream(), millis)).isEmpty();
      assertThat(millis[0]).isBetween(IDLE.toMillis() - 20, 3_000L);
    }
  }

  @Test
  void aClientThatStopsInTheMiddleOfARequestIsClosed() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream().write("GET /shop/hello HTTP/1.1\r\nHost: gw\r\nX-Half: ".getBytes(StandardCharsets.US_ASCII));
      long[] millis = new long[1];
      assertThat(readToClose(s.getInputStream(), millis)).isEmpty();
      assertThat(millis[0]).isLessThan(3_000L);
    }
  }

  /** /shop/slow waits 300 ms for a backend that answers after 2 s: three idle periods pass while it runs. */
  @Test
  void aRequestTakingLongerThanTheIdleTimeoutIsAnsweredThenTheQuietConnectionClosed() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream().write("GET /shop/slow HTTP/1.1\r\nHost: gw\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      long[] millis = new long[1];
      String answer = readToClose(s.getInputStream(), millis);
      assertThat(answer).startsWith("HTTP/1.1 500 ");
      assertThat(millis[0]).isGreaterThanOrEqualTo(300L);
    }
  }
}
