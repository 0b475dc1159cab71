package io.gatehouse.samples;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart: serves the bundled APIOps tree ({@code quickstart-tree}) on 127.0.0.1:8080 in front of a demo
 * orders backend, using nothing but the JDK HTTP server and the Gatehouse engine.
 *
 * <pre>{@code
 * java -jar samples/target/gatehouse-quickstart.jar [--port 8080] [--backend-port 0] [--tree DIR]
 * }</pre>
 *
 * <p>Use it in code the same way: {@code try (QuickstartGateway gw = QuickstartGateway.start(options)) {...}}.
 */
public final class QuickstartGateway implements AutoCloseable {
  /** The named value in the tree that holds the orders backend URL; overridden with the demo backend's. */
  public static final String BACKEND_NAMED_VALUE = "orders-backend-url";
  /** How long one request may take in the gateway before the client gets 504. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final DemoOrdersBackend backend;
  private final BundledTree tree;
  private final HttpServer server;
  private final ExecutorService executor;

  private QuickstartGateway(DemoOrdersBackend backend, BundledTree tree, HttpServer server,
      ExecutorService executor) {
    this.backend = backend;
    this.tree = tree;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts the demo backend, compiles the tree with {@code orders-backend-url} pointing at it, and starts the
   * gateway. Throws {@link PolicyLoadException} listing every problem when the tree does not compile.
   */
  public static QuickstartGateway start(QuickstartOptions options) throws IOException {
    DemoOrdersBackend backend = DemoOrdersBackend.start(options.backendPort());
    BundledTree tree = null;
    ExecutorService executor = null;
    try {
      tree = options.tree() == null ? BundledTree.of("quickstart-tree") : BundledTree.external(options.tree());
      Gatehouse gatehouse = Gatehouse.builder()
          .apiOpsTree(tree.root())
          .apiOpsOptions(ApiOpsOptions.defaults().withNamedValue(BACKEND_NAMED_VALUE, backend.baseUrl().toString()))
          .build();
      HttpServer server = bind(options.port());
      executor = Executors.newFixedThreadPool(8, Threads.daemon("gateway"));
      server.createContext("/", new GatewayHttpHandler(gatehouse, REQUEST_TIMEOUT));
      server.setExecutor(executor);
      server.start();
      return new QuickstartGateway(backend, tree, server, executor);
    } catch (IOException | RuntimeException e) {
      if (executor != null) {
        executor.shutdownNow();
      }
      if (tree != null) {
        tree.close();
      }
      backend.close();
      throw e;
    }
  }

  private static HttpServer bind(int port) throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (BindException e) {
      throw new BindException("port " + port + " is in use; pass --port N (0 = any free port)");
    }
  }

  /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The demo backend's base URL, e.g. {@code http://127.0.0.1:41234/api}. */
  public URI backendUrl() {
    return backend.baseUrl();
  }

  /** Stops accepting requests, lets running ones finish for up to a second, then stops the backend. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    backend.close();
    tree.close();
  }

  /** Prints what is running and the curl commands to try. */
  void printWelcome(PrintStream out) {
    out.println("Gatehouse quickstart gateway on " + url() + " (demo orders backend on " + backendUrl() + ")");
    out.println();
    for (String[] example : CurlExamples.forGateway(url())) {
      out.println("# " + example[0]);
      out.println(example[1]);
      out.println();
    }
    out.println("ready (Ctrl-C to stop)");
  }

  public static void main(String[] args) {
    QuickstartOptions options;
    try {
      options = QuickstartOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(QuickstartOptions.USAGE);
      System.exit(2);
      return;
    }
    QuickstartGateway gateway;
    try {
      gateway = start(options);
    } catch (PolicyLoadException e) {
      System.err.println("the APIOps tree does not compile:");
      e.diagnostics().stream().map(Diagnostic::toString).forEach(System.err::println);
      System.exit(1);
      return;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      System.out.println("stopped");
    }, "quickstart-shutdown"));
    gateway.printWelcome(System.out);
  }
}
