package io.gatehouse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Reader and validator never throw on hostile input: they report diagnostics. */
class ReaderPropertiesTest {
  private static final PolicyReader READER = PolicyReader.standard()
      .withNamedValues(name -> name.startsWith("s") ? new NamedValue(name, "@(\"x\")", true) : null);
  private static final PolicyValidator VALIDATOR = PolicyValidator.standard();
  private static final PolicyComposer COMPOSER = PolicyComposer.standard();

  private static void readAndValidate(String text) {
    Diagnostics d = new Diagnostics();
    PolicyDocument doc = READER.read(new PolicySource("p.xml", text), d);
    if (doc == null) {
      assertThat(d.hasErrors()).isTrue();
      return;
    }
    VALIDATOR.validate(doc, Scope.OPERATION, d);
    if (doc.kind() == PolicyDocument.Kind.POLICIES) {
      COMPOSER.compose(List.of(new ScopedPolicy(Scope.API, doc)), id -> doc, d);
    }
  }

  @Property(tries = 500)
  void randomStrings(@ForAll @StringLength(max = 300) String text) {
    readAndValidate(text);
  }

  @Property(tries = 500)
  void randomMarkupSoup(@ForAll("soup") String text) {
    readAndValidate(text);
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of("<policies>", "</policies>", "<fragment>", "</fragment>", "<inbound>", "</inbound>",
            "<base/>", "<choose>", "<when condition=\"@(a == \"b\")\">", "</when>", "</choose>", "@(", "@{", ")",
            "}", "\"", "'", "&amp;", "&", "&#", ";", "<![CDATA[", "]]>", "<!--", "-->", "<?x", "?>", "{{s}}",
            "{{u}}", "<set-header name=\"a\">", "</set-header>", "<value>", "</value>", " ", "\n", "$\"{", "@\"",
            "//", "/*", "*/", "<include-fragment fragment-id=\"x\"/>", "<!DOCTYPE", "=", "<", ">")
        .list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Property(tries = 300)
  void mutationsOfRealDocuments(@ForAll("corpusMutation") String text) {
    readAndValidate(text);
  }

  @Provide
  Arbitrary<String> corpusMutation() {
    List<String> docs = corpusTexts();
    Arbitrary<String> doc = Arbitraries.of(docs);
    Arbitrary<Integer> op = Arbitraries.integers().between(0, 2);
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<Character> c = Arbitraries.of('<', '>', '"', '\'', '&', '(', ')', '{', '}', '/', '@', '$', ' ', 'a');
    Arbitrary<List<int[]>> edits = Combinators.combine(op, where, c)
        .as((o, w, ch) -> new int[] {o, (int) (w * 1_000_000), ch}).list().ofMinSize(1).ofMaxSize(8);
    return Combinators.combine(doc, edits).as((text, list) -> {
      StringBuilder b = new StringBuilder(text);
      for (int[] e : list) {
        int at = b.length() == 0 ? 0 : e[1] % b.length();
        switch (e[0]) {
          case 0 -> b.insert(at, (char) e[2]);
          case 1 -> { if (b.length() > 0) b.deleteCharAt(at); }
          default -> { if (b.length() > 0) b.setCharAt(at, (char) e[2]); }
        }
      }
      return b.toString();
    });
  }

  private static List<String> corpusTexts() {
    Path dir = Path.of(System.getProperty("gatehouse.shared", "../../shared"), "corpus/apim-snippets/examples");
    if (!Files.isDirectory(dir)) {
      return List.of("<policies><inbound><base/><set-variable name=\"a\" value=\"@(x == \"b\")\"/></inbound>"
          + "</policies>");
    }
    try (var files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().map(p -> {
        try {
          return Files.readString(p);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Property(tries = 20)
  void deepAndOversizedInput(@ForAll @IntRange(min = 1, max = 5000) int depth) {
    readAndValidate("<policies><inbound>" + "<choose><when condition=\"true\">".repeat(depth));
    readAndValidate("<policies><inbound>" + "<choose><when condition=\"true\">".repeat(depth)
        + "</when></choose>".repeat(depth) + "</inbound></policies>");
    readAndValidate("<fragment><x a=\"@(" + "(".repeat(depth * 10) + "\"/></fragment>");
    readAndValidate("<fragment><x a=\"@($\"" + "{$\"".repeat(depth) + "\"/></fragment>");
  }

  @Property(tries = 3)
  void hugeDocumentsAreRejectedCheaply(@ForAll @IntRange(min = 1, max = 3) int n) {
    Diagnostics d = new Diagnostics();
    String text = "<policies>" + "x".repeat((1 << 20) * n) + "</policies>";
    assertThat(READER.read(new PolicySource("big.xml", text), d)).isNull();
    assertThat(d.all()).singleElement().satisfies(x -> assertThat(x.message()).contains("document is too large"));
  }
}
