package io.gatehouse.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code gatehouse-cli}: lint policy trees and files, replay scenarios, evaluate expressions, serve a tree.
 *
 * <p>Exit codes: 0 success, 1 the checked configuration has errors (or a scenario could not run), 2 usage errors.
 */
public final class GatehouseCli {
  static final String USAGE = """
      usage: gatehouse-cli <command> [arguments]

        lint PATH...                 check APIOps trees (folders) or single policy/fragment files
        run TREE SCENARIO.json       replay a scenario's requests in-process; prints one JSON object per request
        eval 'EXPR' [--context F]    evaluate a policy expression such as '@(1 + 2)' and print value and type
        serve TREE --port N          serve the tree on 127.0.0.1 (--address A, --subscriptions FILE); reloads
                                     when files change
      """;

  private GatehouseCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command; returns the process exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "lint" -> LintCommand.run(rest, out, err);
      case "run" -> RunCommand.run(rest, out, err);
      case "eval" -> EvalCommand.run(rest, out, err);
      case "serve" -> ServeCommand.run(rest, out, err);
      default -> {
        err.println("gatehouse-cli: unknown command '" + args[0] + "'");
        err.print(USAGE);
        yield 2;
      }
    };
  }
}
