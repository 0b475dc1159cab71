package io.gatehouse.samples;

import java.net.URI;
import java.util.List;

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
    checkPort("port", port);
    checkPort("backend port", backendPort);
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
    int port = DEFAULT_PORT;
    int backendPort = 0;
    String origin = DEFAULT_ORIGIN;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean inline = arg.startsWith("--") && arg.contains("=");
      String name = inline ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--port" -> port = parsePort(inline ? value(arg) : next(args, ++i, name));
        case "--backend-port" -> backendPort = parsePort(inline ? value(arg) : next(args, ++i, name));
        case "--allowed-origin" -> origin = inline ? value(arg) : next(args, ++i, name);
        default -> {
          if (!arg.matches("\\d+")) {
            throw new IllegalArgumentException("unknown argument '" + arg + "'");
          }
          port = parsePort(arg);
        }
      }
    }
    return new SampleOptions(port, backendPort, origin);
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  private static String next(List<String> args, int index, String name) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args.get(index);
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a port number");
    }
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be between 0 and 65535, got " + port);
    }
  }
}
