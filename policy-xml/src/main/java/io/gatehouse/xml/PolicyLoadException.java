package io.gatehouse.xml;

import java.util.List;
import java.util.stream.Collectors;

/** Configuration did not load; {@link #diagnostics()} lists every problem, errors and warnings. */
public final class PolicyLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public PolicyLoadException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .map(Diagnostic::toString)
        .collect(Collectors.joining("\n", "configuration has errors:\n", "")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
