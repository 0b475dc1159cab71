package io.gatehouse.xml;

import java.util.Arrays;

/** Maps offsets in a source text to 1-based line and column; CR, LF and CRLF each end one line. */
final class LineMap {
  private final String file;
  private final int[] lineStarts;
  private final int lines;

  LineMap(String file, String text) {
    this.file = file;
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = starts;
    this.lines = n;
  }

  Position position(int offset) {
    int index = Arrays.binarySearch(lineStarts, 0, lines, offset);
    int line = index >= 0 ? index : -index - 2;
    return new Position(file, line + 1, offset - lineStarts[line] + 1);
  }
}
