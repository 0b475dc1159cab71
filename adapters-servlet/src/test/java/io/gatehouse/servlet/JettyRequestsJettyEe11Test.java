package io.gatehouse.servlet;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** Jetty ee11's own request, read by {@link JettyRequests}, agrees with the Servlet API's view of it. */
class JettyRequestsJettyEe11Test {
  @Test
  void fastPathAgreesWithTheServletApi() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/shop");
    context.addServlet(new ServletHolder(new HeaderCopyServlet()), "/h");
    try (ServletApp app = JettyApp.serve(context)) {
      HeaderCopyServlet.check(app.uri("/h").getPort());
    }
  }
}
