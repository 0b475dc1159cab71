package io.gatehouse.samples;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The samples' command-line reading: {@code --name value}, {@code --name=value}, and a bare number as the port. */
final class CommandLine {
  private CommandLine() {}

  /**
   * Hands each option's value to its handler in {@code options}; a bare number goes to {@code barePort}.
   *
   * @throws IllegalArgumentException for an unknown argument or an option without a value
   */
  static void read(List<String> args, Map<String, Consumer<String>> options, Consumer<String> barePort) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean inline = arg.startsWith("--") && arg.contains("=");
      String name = inline ? arg.substring(0, arg.indexOf('=')) : arg;
      Consumer<String> handler = options.get(name);
      if (handler != null) {
        if (inline) {
          handler.accept(arg.substring(arg.indexOf('=') + 1));
        } else if (++i < args.size()) {
          handler.accept(args.get(i));
        } else {
          throw new IllegalArgumentException(name + " needs a value");
        }
      } else if (arg.matches("\\d+")) {
        barePort.accept(arg);
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
  }

  /** A port number from text. */
  static int port(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a port number");
    }
  }

  /** Throws unless {@code port} is 0 (any free port) to 65535. */
  static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be between 0 and 65535, got " + port);
    }
  }
}
