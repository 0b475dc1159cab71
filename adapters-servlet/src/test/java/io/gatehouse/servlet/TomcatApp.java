package io.gatehouse.servlet;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * {@link ServletApp} on a real embedded Tomcat server: 10.1 (Servlet 6.0), or 11 (Servlet 6.1) in the
 * {@code servlet-6.1} test run.
 */
final class TomcatApp implements ServletApp {
  private final Tomcat tomcat;
  private final Path baseDir;
  private final URI base;

  private TomcatApp(Tomcat tomcat, Path baseDir, URI base) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
    this.base = base;
  }

  static TomcatApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    FilterDef gate = new FilterDef();
    gate.setFilter(filter);
    return start(gate, asyncSupported);
  }

  /**
   * The filter as {@code web.xml} declares it: Tomcat instantiates {@link GatehouseFilter} with its no-argument
   * constructor and hands it {@code initParameters}.
   */
  static TomcatApp startWithInitParameters(Map<String, String> initParameters) throws Exception {
    FilterDef gate = new FilterDef();
    gate.setFilterClass(GatehouseFilter.class.getName());
    initParameters.forEach(gate::addInitParameter);
    return start(gate, true);
  }

  private static TomcatApp start(FilterDef gate, boolean asyncSupported) throws Exception {
    Path baseDir = Files.createTempDirectory("gatehouse-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("/shop", baseDir.toString());
    gate.setFilterName("gatehouse");
    gate.setAsyncSupported(Boolean.toString(asyncSupported));
    context.addFilterDef(gate);
    FilterMap map = new FilterMap();
    map.setFilterName("gatehouse");
    map.addURLPattern("/*");
    map.setDispatcher("REQUEST");
    context.addFilterMap(map);
    for (Mapping m : ServletApp.servlets(asyncSupported)) {
      Wrapper wrapper = Tomcat.addServlet(context, m.name(), m.servlet());
      wrapper.setAsyncSupported(m.asyncSupported());
      context.addServletMappingDecoded(m.pattern(), m.name());
    }
    tomcat.start();
    return new TomcatApp(tomcat, baseDir, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/shop"));
  }

  @Override
  public URI uri(String path) {
    return URI.create(base + path);
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    try (Stream<Path> files = Files.walk(baseDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
