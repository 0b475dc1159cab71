package io.gatehouse.servlet;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** Jetty ee11's own request, read by {@link JettyRequests}, agrees with the Servlet API's view of it. */
class JettyRequestsJettyEe11Test {
  @Test
  void fastPathAgreesWithTheServletApi() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new HeaderCopyServlet()), "/h");
    server.setHandler(context);
    server.start();
    try {
      HeaderCopyServlet.check(connector.getLocalPort());
    } finally {
      server.stop();
    }
  }
}
