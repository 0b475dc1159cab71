package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CsRegexTest {
  @Test
  void specVector() {
    assertThat(CsRegex.match("public, max-age=300", "max-age=(?<age>\\d+)", 0).groups().get("age").value())
        .isEqualTo("300"); // V36
  }

  @Test
  void dotNetSyntax() {
    CsMatch m = CsRegex.match("key_1=val", "(?<my_key>\\w+)=(?'v'\\w+)", 0);
    assertThat(m.groups().get("my_key").value()).isEqualTo("key_1");
    assertThat(m.groups().get("v").value()).isEqualTo("val");
    assertThat(m.groups().get("missing").success()).isFalse();
    assertThat(m.groups().get("missing").value()).isEmpty();
    CsMatch order = CsRegex.match("ab", "(?<n>a)(b)", 0);
    assertThat(order.groups().get(1).value()).isEqualTo("b");
    assertThat(order.groups().get(2).value()).isEqualTo("a");
    assertThat(order.groups().count()).isEqualTo(3);
    assertThat(CsRegex.isMatch("a{b", "a{b", 0)).isTrue();
    assertThat(CsRegex.isMatch("aaa", "^a{3}$", 0)).isTrue();
    assertThat(CsRegex.isMatch("ab-ab", "(?<x>ab)-\\k<x>", 0)).isTrue();
    assertThat(CsRegex.isMatch("é", "^\\w$", 0)).isTrue();
    assertThat(CsRegex.isMatch("ABC", "abc", CsRegexOptions.IGNORE_CASE)).isTrue();
    assertThat(CsRegex.isMatch("a\nb", "a.b", 0)).isFalse();
    assertThat(CsRegex.isMatch("a\nb", "a.b", CsRegexOptions.SINGLELINE)).isTrue();
    assertThat(CsRegex.isMatch("x\ny", "^y$", CsRegexOptions.MULTILINE)).isTrue();
    assertThat(CsRegex.match("ab", "(a)(b)", CsRegexOptions.EXPLICIT_CAPTURE).groups().count()).isEqualTo(1);
  }

  @Test
  void replaceSplitMatches() {
    assertThat(CsRegex.replace("a1b22", "\\d+", "<$&>", 0)).isEqualTo("a<1>b<22>");
    assertThat(CsRegex.replace("john smith", "(?<f>\\w+) (?<l>\\w+)", "${l}, $1 $$", 0)).isEqualTo("smith, john $");
    assertThat(CsRegex.replace("abc", "b", "[$`|$']", 0)).isEqualTo("a[a|c]c");
    assertThat(CsRegex.replace("a.b", "\\.", m -> "!" + m.index(), 0)).isEqualTo("a!1b");
    assertThat(CsRegex.split("a1b2c", "\\d", 0)).containsExactly("a", "b", "c");
    assertThat(CsRegex.split("a1b", "(\\d)", 0)).containsExactly("a", "1", "b");
    assertThat(CsRegex.split("a,,b", ",", 0)).containsExactly("a", "", "b");
    assertThat(CsRegex.matches("a1b22c333", "\\d+", 0)).extracting(CsMatch::value).containsExactly("1", "22", "333");
    CsMatch first = CsRegex.match("a1b22", "\\d+", 0);
    assertThat(first.nextMatch().value()).isEqualTo("22");
    assertThat(first.nextMatch().nextMatch().success()).isFalse();
    assertThat(first.result("[$0]")).isEqualTo("[1]");
    assertThat(CsRegex.escape("a.b*c (d)")).isEqualTo("a\\.b\\*c\\ \\(d\\)");
    assertThat(CsRegex.unescape("a\\.b\\n")).isEqualTo("a.b\n");
  }

  @Test
  void badPatternAndTimeout() {
    assertThatThrownBy(() -> CsRegex.isMatch("x", "(", 0)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("ArgumentException"));
    CsRegex evil = new CsRegex("(.*a){15}b", 0, Duration.ofMillis(100));
    assertThatThrownBy(() -> evil.isMatch("a".repeat(40))).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("RegexMatchTimeoutException"));
  }
}
