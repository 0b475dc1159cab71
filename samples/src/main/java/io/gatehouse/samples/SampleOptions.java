package io.gatehouse.samples;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link JettyFilterSample} and {@link NettyGatewaySample}.
 *
 * @param port gateway port on 127.0.0.1; 0 picks a free port
 * @param backendPort the Netty sample's backend port on 127.0.0.1; 0 picks a free port (the Jetty sample has no
 *     separate backend and ignores it)
 * @param allowedOrigin the origin the Jetty sample's {@code cors} policy allows, e.g. {@code http://localhost:3000}
 */
public record SampleOptions(int port, int backendPort, String allowedOrigin) {
  /** The port the gateway listens on when none is given. */
  public static final int DEFAULT_PORT = 8080;
  /** The browser origin the Jetty sample allows when none is given (a typical front-end dev server). */
  public static final String DEFAULT_ORIGIN = "http://localhost:3000";

  static final String USAGE = """
      options: [--port N] [--backend-port N] [--allowed-origin URL]
        --port N                gateway port on 127.0.0.1 (default 8080; 0 = any free port); a bare number works too
        --backend-port N        netty: the demo backend's port on 127.0.0.1 (default 0 = any free port)
        --allowed-origin URL    jetty: the browser origin cors allows (default http://localhost:3000)""";

  public SampleOptions {
    CommandLine.checkPort("port", port);
    CommandLine.checkPort("backend port", backendPort);
    URI origin = URI.create(allowedOrigin);
    if (origin.getScheme() == null || !origin.getScheme().matches("https?") || origin.getHost() == null
        || !(origin.getRawPath() == null || origin.getRawPath().isEmpty()) || origin.getRawQuery() != null) {
      throw new IllegalArgumentException("the allowed origin must look like http://host[:port], got '"
          + allowedOrigin + "'");
    }
  }

  /** Port 8080, a free backend port, origin {@link #DEFAULT_ORIGIN}. */
  public static SampleOptions defaults() {
    return new SampleOptions(DEFAULT_PORT, 0, DEFAULT_ORIGIN);
  }

  /** Free ports for everything: what tests use. */
  public static SampleOptions anyFreePorts() {
    return new SampleOptions(0, 0, DEFAULT_ORIGIN);
  }

  /** The same options with another allowed origin. */
  public SampleOptions withAllowedOrigin(String origin) {
    return new SampleOptions(port, backendPort, origin);
  }

  /** Parses {@code --port N}, {@code --backend-port N}, {@code --allowed-origin URL} (also {@code --x=v}), bare N. */
  public static SampleOptions parse(List<String> args) {
    int[] port = {DEFAULT_PORT};
    int[] backendPort = {0};
    String[] origin = {DEFAULT_ORIGIN};
    CommandLine.read(args, Map.of(
        "--port", v -> port[0] = CommandLine.port(v),
        "--backend-port", v -> backendPort[0] = CommandLine.port(v),
        "--allowed-origin", v -> origin[0] = v),
        bare -> port[0] = CommandLine.port(bare));
    return new SampleOptions(port[0], backendPort[0], origin[0]);
  }
}
