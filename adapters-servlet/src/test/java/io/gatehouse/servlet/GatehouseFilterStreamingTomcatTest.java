package io.gatehouse.servlet;

/**
 * {@link GatehouseFilterStreamingContract} on Tomcat: 10.1 (Servlet 6.0) in the default test run, 11 (Servlet 6.1) in
 * the {@code servlet-6.1} run.
 */
class GatehouseFilterStreamingTomcatTest extends GatehouseFilterStreamingContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return TomcatApp.start(filter, asyncSupported);
  }
}
