package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.Gatehouse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reverse proxy in front of a JDK HttpServer backend, through its pooled {@link NettyBackend}. */
class NettyGatewayTest extends RealClientContract {
  private EchoBackend backend;
  private NettyGateway gateway;
  private Path tree;

  @BeforeAll
  void start() throws Exception {
    backend = new EchoBackend();
    tree = TestTree.write(Files.createTempDirectory("netty-gateway"), backend.url(), "http://127.0.0.1:" + freePort());
    gateway = NettyGateway.builder().gatehouse(Gatehouse.builder().apiOpsTree(tree).build()).port(0).threads(2)
        .maxContentLength(MAX_REQUEST).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @AfterAll
  void stop() {
    gateway.close();
    backend.close();
  }

  @Override
  String url() {
    return gateway.url();
  }

  @Override
  String backendPath(String suffix) {
    return suffix;
  }

  @Test
  void backendConnectionsAreReused() throws Exception {
    send(get("/shop/hello"));
    backend.clientPorts.clear();
    for (int i = 0; i < 5; i++) {
      assertThat(send(get("/shop/hello")).statusCode()).isEqualTo(200);
    }
    assertThat(backend.clientPorts).hasSize(1);
  }

  @Test
  void urlIsLoopbackWithTheBoundPort() {
    assertThat(gateway.url()).isEqualTo("http://127.0.0.1:" + gateway.address().getPort());
    assertThat(gateway.address().getPort()).isPositive();
  }
}
