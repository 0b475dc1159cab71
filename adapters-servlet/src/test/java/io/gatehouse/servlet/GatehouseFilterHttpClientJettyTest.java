package io.gatehouse.servlet;

/** {@link GatehouseFilterHttpClientContract} on Jetty 12 (ee10). */
class GatehouseFilterHttpClientJettyTest extends GatehouseFilterHttpClientContract {
  @Override
  ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception {
    return JettyApp.start(filter, asyncSupported);
  }
}
