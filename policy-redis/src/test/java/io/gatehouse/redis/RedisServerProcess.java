package io.gatehouse.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, without persistence. When the binary is missing the test is
 * skipped with a message, except under {@code CI=true}, where it fails ({@code .ci/run} installs it).
 */
final class RedisServerProcess implements AutoCloseable {
  private final String binary;
  private final int port;
  private Process process;

  private RedisServerProcess(String binary, int port) {
    this.binary = binary;
    this.port = port;
  }

  static RedisServerProcess start() {
    String binary = find();
    if (binary == null) {
      String message = "redis-server not found on PATH; install it (scripts/install-test-deps.sh) to run Redis tests";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message + " (CI=true: Redis tests must run)");
      }
      Assumptions.abort(message);
    }
    RedisServerProcess server = new RedisServerProcess(binary, freePort());
    server.startProcess();
    return server;
  }

  int port() {
    return port;
  }

  /** Starts the server again on the same port (after {@link #kill}). */
  void startProcess() {
    try {
      process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
          "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + binary, e);
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s");
  }

  /** Kills the server at once (SIGKILL). */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static String find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
