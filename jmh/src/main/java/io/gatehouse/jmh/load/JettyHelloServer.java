package io.gatehouse.jmh.load;

import io.gatehouse.servlet.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 (ee10) hello server of the load benchmark: {@code QueuedThreadPool(200, 8)}, one connector on 127.0.0.1,
 * one servlet on {@code /*} answering {@code 200 hello}. Modes: {@code raw}; {@code light} / {@code security} add
 * {@link GatehouseFilter} with {@link LoadPipelines} on {@code /*}.
 *
 * <p>{@code java -cp benchmarks.jar io.gatehouse.jmh.load.JettyHelloServer PORT MODE}
 */
public final class JettyHelloServer {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private JettyHelloServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String mode = LoadPipelines.mode(args, 1);
    Server server = new Server(new QueuedThreadPool(200, 8));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(context(mode));
    server.start();
    System.out.println("READY jetty " + mode + " http://127.0.0.1:" + port + LoadPipelines.PATH);
    server.join();
  }

  /** The servlet context of {@code mode}: the hello servlet on {@code /*}, behind the filter unless {@code raw}. */
  public static ServletContextHandler context(String mode) {
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder servlet = new ServletHolder(new Hello());
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/*");
    if (!mode.equals("raw")) {
      FilterHolder filter = new FilterHolder(
          GatehouseFilter.builder().gatehouse(LoadPipelines.gatehouse(mode)).build());
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    return context;
  }

  /** {@code 200}, {@code text/plain}, body {@code hello}. */
  static final class Hello extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setStatus(200);
      resp.setContentType("text/plain");
      resp.setContentLength(HELLO.length);
      resp.getOutputStream().write(HELLO);
    }
  }
}
