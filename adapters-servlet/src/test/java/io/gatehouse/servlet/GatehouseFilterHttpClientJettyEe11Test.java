package io.gatehouse.servlet;

/** {@link GatehouseFilterHttpClientContract} on Jetty 12 ee11 (Servlet 6.1), in the {@code servlet-6.1} test run. */
class GatehouseFilterHttpClientJettyEe11Test extends GatehouseFilterHttpClientContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return JettyEe11App.start(filter, asyncSupported);
  }
}
