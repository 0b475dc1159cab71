package io.gatehouse.samples;

import io.gatehouse.engine.Gatehouse;
import io.gatehouse.netty.NettyGateway;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;

/**
 * Sample (b): the Netty reverse proxy ({@link NettyGateway}) in front of a tiny backend, {@link DemoOrdersBackend}
 * (a JDK {@code HttpServer}). The bundled {@code netty-tree} rewrites the public {@code /orders/...} paths to the
 * backend's, limits each client IP to 10 calls a minute and adds headers both ways.
 *
 * <pre>{@code
 * java -jar samples/target/gatehouse-quickstart.jar netty [--port 8080] [--backend-port 0]
 * }</pre>
 */
public final class NettyGatewaySample implements AutoCloseable {
  /** The named value in the tree that holds the backend's base URL. */
  static final String BACKEND_NAMED_VALUE = "orders-backend-url";
  static final String TREE = "netty-tree";

  private final DemoOrdersBackend backend;
  private final BundledTree tree;
  private final NettyGateway gateway;

  private NettyGatewaySample(DemoOrdersBackend backend, BundledTree tree, NettyGateway gateway) {
    this.backend = backend;
    this.tree = tree;
    this.gateway = gateway;
  }

  /** Starts the backend, compiles the tree with {@code orders-backend-url} pointing at it, starts the gateway. */
  public static NettyGatewaySample start(SampleOptions options) throws Exception {
    DemoOrdersBackend backend = DemoOrdersBackend.start(options.backendPort());
    BundledTree tree = null;
    try {
      tree = BundledTree.of(TREE);
      Gatehouse gatehouse = Gatehouse.builder()
          .apiOpsTree(tree.root())
          .apiOpsOptions(ApiOpsOptions.defaults().withNamedValue(BACKEND_NAMED_VALUE, backend.baseUrl().toString()))
          .build();
      NettyGateway gateway;
      try {
        gateway = NettyGateway.builder().gatehouse(gatehouse).address("127.0.0.1").port(options.port()).threads(2)
            .start();
      } catch (Exception e) {
        // Netty rethrows the bind failure undeclared.
        if (e instanceof BindException) {
          throw new BindException("port " + options.port() + " is in use; pass --port N (0 = any free port)");
        }
        throw e;
      }
      return new NettyGatewaySample(backend, tree, gateway);
    } catch (Exception e) {
      if (tree != null) {
        tree.close();
      }
      backend.close();
      throw e;
    }
  }

  /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI url() {
    return URI.create(gateway.url());
  }

  /** The backend's base URL, e.g. {@code http://127.0.0.1:41234/api}. */
  public URI backendUrl() {
    return backend.baseUrl();
  }

  /** Stops the gateway (waiting a few seconds at most), then the backend. */
  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      backend.close();
      tree.close();
    }
  }

  /** Prints what is running and the curl commands to try. */
  void printWelcome(PrintStream out) {
    out.println("Gatehouse Netty sample: gateway on " + url() + " in front of the demo orders backend on "
        + backendUrl());
    out.println();
    for (String[] example : CurlExamples.forNettySample(url())) {
      out.println("# " + example[0]);
      out.println(example[1]);
      out.println();
    }
    out.println("ready (Ctrl-C to stop)");
  }
}
