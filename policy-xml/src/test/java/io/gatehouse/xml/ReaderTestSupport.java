package io.gatehouse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Small helpers shared by the reader tests. */
final class ReaderTestSupport {
  static final String FILE = "t.xml";

  private ReaderTestSupport() {}

  static PolicyDocument read(PolicyReader reader, String text, Diagnostics diagnostics) {
    return reader.read(new PolicySource(FILE, text), diagnostics);
  }

  /** Reads {@code text} expecting no diagnostics at all. */
  static PolicyDocument readClean(PolicyReader reader, String text) {
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = read(reader, text, d);
    assertThat(d.all()).isEmpty();
    assertThat(doc).isNotNull();
    return doc;
  }

  /** Reads {@code text} expecting exactly one error at {@code lineCol} whose message contains {@code fragment}. */
  static PolicyDocument oneError(PolicyReader reader, String text, String lineCol, String fragment) {
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = read(reader, text, d);
    List<Diagnostic> all = d.all();
    assertThat(all).as("diagnostics").hasSize(1);
    Diagnostic only = all.get(0);
    assertThat(only.severity()).isEqualTo(Severity.ERROR);
    assertThat(only.toString()).startsWith(FILE + ":" + lineCol + ": error: ");
    assertThat(only.message()).contains(fragment);
    return doc;
  }

  static String pos(Position p) {
    return p.line() + ":" + p.column();
  }
}
