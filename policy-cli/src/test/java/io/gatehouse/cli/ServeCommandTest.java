package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private HttpServer backend;

  @BeforeEach
  void startBackend() throws IOException {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/", exchange -> {
      byte[] body = ("backend saw " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    backend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.stop(0);
  }

  private Path tree(Path dir) throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("policy.xml"), "<policies><inbound /><backend><forward-request />"
        + "</backend><outbound /><on-error /></policies>");
    for (String api : new String[] {"shop", "secure"}) {
      Path apiDir = Files.createDirectories(tree.resolve("apis/" + api));
      Files.writeString(apiDir.resolve("apiInformation.json"), "{\"properties\": {\"path\": \"" + api
          + "\", \"serviceUrl\": \"http://127.0.0.1:" + backend.getAddress().getPort() + "/" + api
          + "\", \"subscriptionRequired\": " + api.equals("secure") + "}}");
      Files.writeString(apiDir.resolve("specification.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"
          + "paths:\n  /hello:\n    get:\n      operationId: hello\n      responses: {'200': {description: ok}}\n");
    }
    writeShopPolicy(tree, "one");
    return tree;
  }

  private static void writeShopPolicy(Path tree, String value) throws IOException {
    Files.writeString(tree.resolve("apis/shop/policy.xml"), "<policies><inbound><base /></inbound><backend><base />"
        + "</backend><outbound><base /><set-header name=\"X-Config\" exists-action=\"override\"><value>" + value
        + "</value></set-header></outbound><on-error><base /></on-error></policies>");
  }

  private ServeCommand.Running start(String... args) throws ServeCommand.Failure {
    return ServeCommand.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String url() {
    Matcher m = Pattern.compile("on (http://\\S+) ").matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private String configHeader() {
    try {
      return get("/shop/hello").headers().firstValue("X-Config").orElse("");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void servesOnLoopbackAndProxiesToTheServiceUrl(@TempDir Path dir) throws Exception {
    try (ServeCommand.Running running = start(tree(dir).toString(), "--port", "0")) {
      assertThat(url()).startsWith("http://127.0.0.1:");
      HttpResponse<String> r = get("/shop/hello?x=1");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("backend saw /shop/hello?x=1");
      assertThat(r.headers().firstValue("X-Config")).hasValue("one");
      assertThat(get("/secure/hello").statusCode()).isEqualTo(401);
    }
  }

  /**
   * {@code gatehouse-cli serve} as a real process: it serves, and Ctrl-C (SIGINT, sent with bash's {@code kill})
   * stops it cleanly: the shutdown hook says so, the process ends, and the port is free again.
   */
  @Test
  void ctrlCStopsARealServeProcess(@TempDir Path dir) throws Exception {
    Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
        GatehouseCli.class.getName(), "serve", tree(dir).toString(), "--port", "0").redirectErrorStream(true)
        .start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String url = null;
      for (String line; url == null && (line = lines.readLine()) != null; ) {
        Matcher m = Pattern.compile("on (http://\\S+) ").matcher(line);
        url = m.find() ? m.group(1) : null;
      }
      assertThat(url).as("the listening URL").isNotNull();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/shop/hello"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("backend saw /shop/hello");

      Process kill = new ProcessBuilder("bash", "-c", "kill -INT " + process.pid()).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGINT").isTrue();
      assertThat(process.exitValue()).isEqualTo(130); // 128 + SIGINT: the JVM's exit on Ctrl-C
      assertThat(lines.lines().toList()).contains("gatehouse-cli: stopping");
      URI address = URI.create(url);
      try (Socket socket = new Socket()) {
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 2000))
            .isInstanceOf(ConnectException.class);
      }
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void reloadsEditsAndKeepsServingWhenAnEditDoesNotCompile(@TempDir Path dir) throws Exception {
    Path tree = tree(dir);
    try (ServeCommand.Running running = start(tree.toString(), "--port", "0")) {
      assertThat(configHeader()).isEqualTo("one");
      writeShopPolicy(tree, "two");
      await(() -> configHeader().equals("two"));
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("reloaded");
      Files.writeString(tree.resolve("apis/shop/policy.xml"), "<policies><inbound><base /><set-header name=\"X\">"
          + "</inbound></policies>");
      await(() -> err.toString(StandardCharsets.UTF_8).contains("does not compile"));
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("policy.xml");
      assertThat(configHeader()).isEqualTo("two");
      assertThat(get("/shop/hello").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void subscriptionsFileGrantsAccess(@TempDir Path dir) throws Exception {
    Path subscriptions = Files.writeString(dir.resolve("subs.json"), "[{\"name\": \"dev\", \"scope\": \"all\", "
        + "\"state\": \"active\", \"primaryKey\": \"k-123\"}]");
    try (ServeCommand.Running running = start(tree(dir).toString(), "--port", "0", "--subscriptions",
        subscriptions.toString())) {
      assertThat(get("/secure/hello").statusCode()).isEqualTo(401);
      HttpResponse<String> ok = get("/secure/hello", "Ocp-Apim-Subscription-Key", "k-123");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("backend saw /secure/hello");
    }
  }

  @Test
  void usageAndBrokenTreesExitNonZero(@TempDir Path dir) throws Exception {
    Cli noPort = Cli.run("serve", tree(dir).toString());
    assertThat(noPort.exit()).isEqualTo(2);
    assertThat(noPort.err()).contains("usage: gatehouse-cli serve");
    Path broken = tree(dir.resolve("b"));
    Files.writeString(broken.resolve("apis/shop/policy.xml"), "<policies><inbound>");
    Cli bad = Cli.run("serve", broken.toString(), "--port", "0");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("does not compile");
  }
}
