package io.gatehouse.servlet;

/**
 * {@link GatehouseFilterCurlContract} on Tomcat: 10.1 (Servlet 6.0) in the default test run, 11 (Servlet 6.1) in the
 * {@code servlet-6.1} run.
 */
class GatehouseFilterCurlTomcatTest extends GatehouseFilterCurlContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return TomcatApp.start(filter, asyncSupported);
  }
}
