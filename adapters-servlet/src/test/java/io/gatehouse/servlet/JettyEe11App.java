package io.gatehouse.servlet;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@link ServletApp} on a real Jetty 12 server with its ee11 (Servlet 6.1) servlet container; used in the
 * {@code servlet-6.1} test run only.
 */
final class JettyEe11App implements ServletApp {
  private final Server server;
  private final URI base;

  private JettyEe11App(Server server, URI base) {
    this.server = server;
    this.base = base;
  }

  static JettyEe11App start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/shop");
    FilterHolder gate = new FilterHolder(filter);
    gate.setAsyncSupported(asyncSupported);
    context.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST));
    for (Mapping m : ServletApp.servlets(asyncSupported)) {
      ServletHolder holder = new ServletHolder(m.name(), m.servlet());
      holder.setAsyncSupported(m.asyncSupported());
      context.addServlet(holder, m.pattern());
    }
    server.setHandler(context);
    server.start();
    return new JettyEe11App(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop"));
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
