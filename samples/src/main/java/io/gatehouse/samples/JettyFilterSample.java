package io.gatehouse.samples;

import io.gatehouse.api.Subscription;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.servlet.GatehouseFilter;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Sample (a): an existing servlet application ({@link OrdersServlet}, {@link HealthServlet}) on embedded Jetty 12,
 * wrapped by {@link GatehouseFilter} on {@code /api}. The bundled {@code jetty-tree} requires a subscription key
 * ({@link #DEMO_KEY}) and a Bearer token ({@link SampleTokens}), allows 5 calls a minute per subscription, answers
 * CORS for one origin, and transforms headers both ways.
 *
 * <pre>{@code
 * java -jar samples/target/gatehouse-quickstart.jar jetty [--port 8080] [--allowed-origin http://localhost:3000]
 * }</pre>
 */
public final class JettyFilterSample implements AutoCloseable {
  /** The demo subscription's key: fixed, so the printed curl commands work as they are. */
  public static final String DEMO_KEY = "demo-subscription-key-0001";
  /** The demo subscription's name (sent to the application as {@code X-Subscription}). */
  public static final String DEMO_SUBSCRIPTION = "demo";
  /** The named value holding the allowed browser origin. */
  static final String ORIGIN_NAMED_VALUE = "cors-allowed-origin";
  /** The named value holding the JWT signing key (a secret: never in the tree). */
  static final String SIGNING_KEY_NAMED_VALUE = "jwt-signing-key";
  static final String TREE = "jetty-tree";

  private final Server server;
  private final ServerConnector connector;
  private final OrdersServlet orders;
  private final BundledTree tree;

  private JettyFilterSample(Server server, ServerConnector connector, OrdersServlet orders, BundledTree tree) {
    this.server = server;
    this.connector = connector;
    this.orders = orders;
    this.tree = tree;
  }

  /** The demo subscription: API scope, the {@code orders} API, key {@link #DEMO_KEY}. */
  public static Subscription demoSubscription() {
    return new Subscription("demo-subscription", DEMO_SUBSCRIPTION, Subscription.Scope.API, "orders",
        Subscription.State.ACTIVE, DEMO_KEY, null, null, null, null, null);
  }

  /** The tree's named values that the sample supplies: the signing key and the allowed origin. */
  public static ApiOpsOptions apiOpsOptions(String allowedOrigin) {
    return ApiOpsOptions.defaults()
        .withNamedValue(SIGNING_KEY_NAMED_VALUE, SampleTokens.signingKeyBase64())
        .withNamedValue(ORIGIN_NAMED_VALUE, allowedOrigin);
  }

  /** Compiles the tree and starts Jetty on 127.0.0.1. */
  public static JettyFilterSample start(SampleOptions options) throws Exception {
    BundledTree tree = BundledTree.of(TREE);
    Server server = new Server();
    try {
      Gatehouse gatehouse = Gatehouse.builder()
          .apiOpsTree(tree.root())
          .apiOpsOptions(apiOpsOptions(options.allowedOrigin()))
          .subscriptions(new InMemorySubscriptionStore(List.of(demoSubscription())))
          .build();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(options.port());
      server.addConnector(connector);

      // The application as it was before Gatehouse: two servlets.
      ServletContextHandler context = new ServletContextHandler("/");
      OrdersServlet orders = new OrdersServlet();
      context.addServlet(new ServletHolder(orders), "/api/orders/*");
      context.addServlet(new ServletHolder(new HealthServlet()), "/health");

      // What adopting Gatehouse adds: one filter. /api/orders/1 is the gateway's /orders/1.
      FilterHolder gate = new FilterHolder(GatehouseFilter.builder().gatehouse(gatehouse).urlPrefix("/api").build());
      gate.setAsyncSupported(true);
      context.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST));

      server.setHandler(context);
      try {
        server.start();
      } catch (IOException e) {
        if (e instanceof BindException || e.getCause() instanceof BindException) {
          throw new BindException("port " + options.port() + " is in use; pass --port N (0 = any free port)");
        }
        throw e;
      }
      return new JettyFilterSample(server, connector, orders, tree);
    } catch (Exception e) {
      server.stop();
      tree.close();
      throw e;
    }
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /** How many requests reached the orders servlet (the gateway refuses the rest). */
  public int applicationCalls() {
    return orders.calls();
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      tree.close();
    }
  }

  /** Prints the demo credentials and the curl commands to try, with a freshly minted token. */
  void printWelcome(PrintStream out, String allowedOrigin) {
    out.println("Gatehouse Jetty sample: orders servlets on " + url() + ", GatehouseFilter on /api");
    out.println();
    out.println("# demo credentials (paste this first); the token is valid for "
        + SampleTokens.DEFAULT_LIFETIME.toMinutes() + " minutes");
    out.println("export KEY=" + DEMO_KEY);
    out.println("export TOKEN=" + SampleTokens.mintNow());
    out.println();
    out.println("# mint another token (subject alice, 30 minutes):");
    out.println("#   export TOKEN=$(java -jar samples/target/gatehouse-quickstart.jar mint-token alice --minutes 30)");
    out.println();
    for (String[] example : CurlExamples.forJettySample(url(), allowedOrigin)) {
      out.println("# " + example[0]);
      out.println(example[1]);
      out.println();
    }
    out.println("ready (Ctrl-C to stop)");
  }
}
