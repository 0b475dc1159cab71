package io.gatehouse.servlet;

import java.net.URI;

/**
 * A real servlet container on 127.0.0.1 and a free port running the test application behind a
 * {@link GatehouseFilter}: context {@code /shop}, the filter on {@code /*}, the {@link EchoServlet} as default
 * servlet, {@link LargeBodyServlet} on {@code /api/big/*}, {@link StreamingServlet} on {@code /api/stream/*} and,
 * when async is supported, {@link AsyncServlet} on {@code /api/async/*} and the asynchronous
 * {@link StreamingServlet} on {@code /api/stream-async/*}. Started by {@link JettyApp#start} or
 * {@link TomcatApp#start}.
 */
interface ServletApp extends AutoCloseable {
  /** {@code http://127.0.0.1:PORT/shop} + {@code path}. */
  URI uri(String path);
}
