package io.gatehouse.servlet;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * {@link ServletApp} on a real Jetty 12 server with its ee11 (Servlet 6.1) servlet container; used in the
 * {@code servlet-6.1} test run only.
 */
final class JettyEe11App {
  private JettyEe11App() {}

  static ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/shop");
    FilterHolder gate = new FilterHolder(filter);
    gate.setAsyncSupported(asyncSupported);
    context.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST));
    for (ServletApp.Mapping m : ServletApp.servlets(asyncSupported)) {
      ServletHolder holder = new ServletHolder(m.name(), m.servlet());
      holder.setAsyncSupported(m.asyncSupported());
      context.addServlet(holder, m.pattern());
    }
    return JettyApp.serve(context);
  }
}
