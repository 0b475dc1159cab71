package io.gatehouse.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of {@link QuickstartGateway}.
 *
 * @param port gateway port on 127.0.0.1; 0 picks a free port
 * @param backendPort demo orders backend port on 127.0.0.1; 0 picks a free port
 * @param tree APIOps tree to serve, or null for the bundled quickstart tree
 */
public record QuickstartOptions(int port, int backendPort, Path tree) {
  /** The port the gateway listens on when none is given. */
  public static final int DEFAULT_PORT = 8080;

  static final String USAGE = """
      usage: java -jar gatehouse-quickstart.jar [--port N] [--backend-port N] [--tree DIR]
        --port N          gateway port on 127.0.0.1 (default 8080; 0 = any free port); a bare number works too
        --backend-port N  demo orders backend port on 127.0.0.1 (default 0 = any free port)
        --tree DIR        serve this APIOps tree instead of the bundled quickstart tree; it must use
                          {{orders-backend-url}}, which is set to the demo backend""";

  public QuickstartOptions {
    checkPort("port", port);
    checkPort("backend port", backendPort);
  }

  /** Defaults: port 8080, a free backend port, the bundled tree. */
  public static QuickstartOptions defaults() {
    return new QuickstartOptions(DEFAULT_PORT, 0, null);
  }

  /** Free ports for both servers: what tests use. */
  public static QuickstartOptions anyFreePorts() {
    return new QuickstartOptions(0, 0, null);
  }

  /** Parses {@code --port N}, {@code --port=N}, a bare {@code N}, {@code --backend-port N} and {@code --tree DIR}. */
  public static QuickstartOptions parse(List<String> args) {
    int port = DEFAULT_PORT;
    int backendPort = 0;
    Path tree = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      boolean inline = arg.contains("=");
      switch (name) {
        case "--port" -> port = parsePort(inline ? value(arg) : next(args, ++i, name));
        case "--backend-port" -> backendPort = parsePort(inline ? value(arg) : next(args, ++i, name));
        case "--tree" -> tree = Path.of(inline ? value(arg) : next(args, ++i, name));
        default -> {
          if (!arg.matches("\\d+")) {
            throw new IllegalArgumentException("unknown argument '" + arg + "'");
          }
          port = parsePort(arg);
        }
      }
    }
    return new QuickstartOptions(port, backendPort, tree);
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
