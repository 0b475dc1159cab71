package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @Test
  void sampleTreeLintsClean() {
    Path tree = Cli.shared().resolve("corpus/apiops-sample/SampleArtifacts");
    Cli result = Cli.run("lint", tree.toString());
    assertThat(result.exit()).as(result.out()).isZero();
    assertThat(result.out()).contains("warning: API 'soap-api'").endsWith("0 errors, 3 warnings in 1 path\n");
  }

  @Test
  void loneFileErrorsArePrintedWithPositionsAndExit1(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("policy.xml");
    Files.writeString(file, "<policies>\n  <inbound>\n    <set-hedaer name=\"x\" />\n"
        + "    <set-header name=\"y\"><value>{{missing}}</value></set-header>\n  </inbound>\n</policies>\n");
    Cli result = Cli.run("lint", file.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains(file + ":3:5: error: ").contains("set-header")
        .contains(file + ":4:33: warning: unknown named value 'missing'").contains("1 error, 1 warning in 1 path");
  }

  @Test
  void malformedXmlIsOneDiagnosticNotAStackTrace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.xml");
    Files.writeString(file, "<policies><inbound><set-header name=\"x\"></inbound></policies>");
    Cli result = Cli.run("lint", file.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out().lines().filter(l -> l.contains(": error: ")).count()).isEqualTo(1);
    assertThat(result.out() + result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(Cli.run("lint").exit()).isEqualTo(2);
    assertThat(Cli.run("lint", "/no/such/path").exit()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
    assertThat(Cli.run().exit()).isEqualTo(2);
  }

  /**
   * Every real snippet file reads: whatever lint reports is an unsupported policy, a named value the lone file
   * cannot know, an expression feature, or a real defect of the file — never a parse failure of valid raw APIM text.
   * The one file whose XML cannot be read has a damaged expression (spec expressions.md 10).
   */
  @Test
  void corpusSnippetsNeverFailToParse() throws IOException {
    Path examples = Cli.shared().resolve("corpus/apim-snippets/examples");
    List<Path> files;
    try (Stream<Path> s = Files.walk(examples)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    List<String> parseFailures = new ArrayList<>();
    for (Path file : files) {
      Cli result = Cli.run("lint", file.toString());
      assertThat(result.exit()).as(file.toString()).isIn(0, 1);
      assertThat(result.err()).as(file.toString()).doesNotContain("Exception");
      result.out().lines().filter(l -> l.contains(": error: ") && isReaderError(l)).forEach(parseFailures::add);
    }
    assertThat(parseFailures).singleElement().asString()
        .contains("Call out to an HTTP endpoint and cache the response").contains("unbalanced policy expression");
  }

  private static boolean isReaderError(String line) {
    if (line.contains(": error: expression:")) {
      return false; // the C# compiler's verdict on an expression, not a failure to read the XML
    }
    return line.contains("unbalanced") || line.contains("malformed") || line.contains("expected")
        || line.contains("not well-formed") || line.contains("unexpected end") || line.contains("root element");
  }
}
