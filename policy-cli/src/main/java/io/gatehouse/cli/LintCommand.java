package io.gatehouse.cli;

import io.gatehouse.engine.Lint;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Severity;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code lint PATH...}: one diagnostic per line, then a summary; exit 1 when any error was found. */
final class LintCommand {
  private LintCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println("usage: gatehouse-cli lint PATH...");
      return 2;
    }
    List<Diagnostic> all = new ArrayList<>();
    for (String arg : args) {
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        all.addAll(Lint.tree(path, ApiOpsOptions.defaults()));
      } else if (Files.isRegularFile(path)) {
        all.addAll(Lint.file(path));
      } else {
        err.println("gatehouse-cli: no such file or directory: " + arg);
        return 2;
      }
    }
    long errors = all.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = all.size() - errors;
    all.forEach(out::println);
    out.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
        + (warnings == 1 ? "" : "s") + " in " + args.length + " path" + (args.length == 1 ? "" : "s"));
    return errors > 0 ? 1 : 0;
  }
}
