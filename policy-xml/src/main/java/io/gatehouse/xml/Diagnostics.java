package io.gatehouse.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics during a load; a load with any error produces no engine. Not thread-safe. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  private int errors;

  public void error(Position position, String message) {
    add(new Diagnostic(Severity.ERROR, position, message));
  }

  public void warning(Position position, String message) {
    add(new Diagnostic(Severity.WARNING, position, message));
  }

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
    if (diagnostic.severity() == Severity.ERROR) {
      errors++;
    }
  }

  public void addAll(Diagnostics other) {
    other.items.forEach(this::add);
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public int warningCount() {
    return items.size() - errors;
  }

  /** All diagnostics in the order they were reported. */
  public List<Diagnostic> all() {
    return Collections.unmodifiableList(items);
  }

  /** Throws {@link PolicyLoadException} listing every diagnostic if any error was reported. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new PolicyLoadException(List.copyOf(items));
    }
  }
}
