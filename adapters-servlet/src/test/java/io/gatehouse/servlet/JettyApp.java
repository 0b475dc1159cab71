package io.gatehouse.servlet;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** {@link ServletApp} on a real Jetty 12 (ee10) server. */
final class JettyApp implements ServletApp {
  private final Server server;
  private final URI base;

  private JettyApp(Server server, URI base) {
    this.server = server;
    this.base = base;
  }

  static JettyApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/shop");
    FilterHolder gate = new FilterHolder(filter);
    gate.setAsyncSupported(asyncSupported);
    context.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST));
    for (Mapping m : ServletApp.servlets(asyncSupported)) {
      ServletHolder holder = new ServletHolder(m.name(), m.servlet());
      holder.setAsyncSupported(m.asyncSupported());
      context.addServlet(holder, m.pattern());
    }
    return serve(context);
  }

  /** A Jetty server on 127.0.0.1 and a free port serving {@code context} (mounted at {@code /shop}), started. */
  static JettyApp serve(Handler context) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    return new JettyApp(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop"));
  }

  @Override
  public URI uri(String path) {
    return URI.create(base + path);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
