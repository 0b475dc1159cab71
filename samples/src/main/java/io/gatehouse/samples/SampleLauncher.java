package io.gatehouse.samples;

import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.PolicyLoadException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The samples jar's entry point ({@code ./samples/run.sh} runs it): picks a sample by its first argument and passes
 * the rest on.
 *
 * <pre>{@code
 * java -jar samples/target/gatehouse-quickstart.jar [jetty] [options]   sample (a): Jetty + GatehouseFilter (default)
 * java -jar samples/target/gatehouse-quickstart.jar netty [options]     sample (b): NettyGateway + a tiny backend
 * java -jar samples/target/gatehouse-quickstart.jar quickstart [...]    the JDK HttpServer quickstart
 * java -jar samples/target/gatehouse-quickstart.jar mint-token [SUBJECT] [--minutes N]
 * }</pre>
 */
public final class SampleLauncher {
  static final String USAGE = """
      usage: gatehouse-quickstart.jar [jetty|netty|quickstart|mint-token|help] [options]
        jetty (default)   sample (a): an orders servlet app on Jetty 12 wrapped by GatehouseFilter
        netty             sample (b): the Netty gateway in front of a tiny orders backend
        quickstart        the JDK HttpServer quickstart (options: --port N --backend-port N --tree DIR)
        mint-token [SUBJECT] [--minutes N]   prints a token the jetty sample accepts (default demo-user, 60)
      """ + SampleOptions.USAGE;

  private SampleLauncher() {}

  public static void main(String[] args) throws Exception {
    List<String> all = List.of(args);
    String command = all.isEmpty() || all.get(0).startsWith("-") || all.get(0).matches("\\d+") ? "jetty" : all.get(0);
    List<String> rest = all.isEmpty() || !command.equals(all.get(0)) ? all : all.subList(1, all.size());
    switch (command) {
      case "jetty" -> jetty(options(rest));
      case "netty" -> netty(options(rest));
      case "quickstart" -> QuickstartGateway.main(rest.toArray(String[]::new));
      case "mint-token" -> mintToken(rest, System.out);
      case "help", "--help", "-h" -> System.out.println(USAGE);
      default -> exit("unknown sample '" + command + "'");
    }
  }

  private static SampleOptions options(List<String> args) {
    try {
      return SampleOptions.parse(args);
    } catch (IllegalArgumentException e) {
      exit(e.getMessage());
      throw e;
    }
  }

  private static void jetty(SampleOptions options) throws Exception {
    quietJettyLogs();
    JettyFilterSample sample = started(() -> JettyFilterSample.start(options));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        sample.close();
      } catch (Exception e) {
        System.err.println("stopping: " + e);
      }
      System.out.println("stopped");
    }, "jetty-sample-shutdown"));
    sample.printWelcome(System.out, options.allowedOrigin());
  }

  private static void netty(SampleOptions options) throws Exception {
    NettyGatewaySample sample = started(() -> NettyGatewaySample.start(options));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sample.close();
      System.out.println("stopped");
    }, "netty-sample-shutdown"));
    sample.printWelcome(System.out);
  }

  /** {@code mint-token [SUBJECT] [--minutes N]}: prints only the token, for {@code TOKEN=$(...)}. */
  static void mintToken(List<String> args, PrintStream out) {
    String subject = SampleTokens.DEFAULT_SUBJECT;
    Duration lifetime = SampleTokens.DEFAULT_LIFETIME;
    try {
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals("--minutes")) {
          if (i + 1 == args.size()) {
            throw new IllegalArgumentException("--minutes needs a value");
          }
          lifetime = Duration.ofMinutes(Long.parseLong(args.get(++i)));
          if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("--minutes must be positive");
          }
        } else if (!args.get(i).startsWith("-")) {
          subject = args.get(i);
        } else {
          throw new IllegalArgumentException("unknown argument '" + args.get(i) + "'");
        }
      }
      out.println(SampleTokens.mint(subject, Instant.now(), lifetime));
    } catch (IllegalArgumentException e) {
      exit(e.getMessage());
    }
  }

  private interface Starter<T> {
    T start() throws Exception;
  }

  private static <T> T started(Starter<T> starter) throws Exception {
    try {
      return starter.start();
    } catch (PolicyLoadException e) {
      System.err.println("the APIOps tree does not compile:");
      e.diagnostics().stream().map(Diagnostic::toString).forEach(System.err::println);
      System.exit(1);
    } catch (java.io.IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
    throw new IllegalStateException("unreachable");
  }

  /** Jetty logs through SLF4J; its INFO start-up lines would bury the curl commands. */
  private static void quietJettyLogs() {
    if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }
  }

  private static void exit(String message) {
    System.err.println("error: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }
}
