package io.gatehouse.samples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    CommandLine.checkPort("port", port);
    CommandLine.checkPort("backend port", backendPort);
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
    int[] port = {DEFAULT_PORT};
    int[] backendPort = {0};
    Path[] tree = {null};
    CommandLine.read(args, Map.of(
        "--port", v -> port[0] = CommandLine.port(v),
        "--backend-port", v -> backendPort[0] = CommandLine.port(v),
        "--tree", v -> tree[0] = Path.of(v)),
        bare -> port[0] = CommandLine.port(bare));
    return new QuickstartOptions(port[0], backendPort[0], tree[0]);
  }
}
