package io.gatehouse.xml;

/**
 * A place in a source file, 1-based. Printed as {@code file:line:col}.
 *
 * @param file the file name or other origin shown to users
 * @param line 1-based line
 * @param column 1-based column (in UTF-16 code units)
 */
public record Position(String file, int line, int column) {
  /** A position for sources that are not files (builder strings). */
  public static Position start(String origin) {
    return new Position(origin, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
