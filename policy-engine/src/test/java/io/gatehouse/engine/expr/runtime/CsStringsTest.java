package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class CsStringsTest {
  private static final int REMOVE = CsStringSplitOptions.REMOVE_EMPTY_ENTRIES;
  private static final int TRIM = CsStringSplitOptions.TRIM_ENTRIES;

  @Test
  void splitKeepsEmptyEntriesAndHonoursCount() {
    assertThat(CsStrings.split("a,b,,c", ',')).containsExactly("a", "b", "", "c");
    assertThat(CsStrings.split("a,", ',')).containsExactly("a", "");
    assertThat(CsStrings.split("", ',')).containsExactly("");
    assertThat(CsStrings.split("k=v=w", new char[] {'='}, 2, 0)).containsExactly("k", "v=w");
    assertThat(CsStrings.split("a b\tc", (char[]) null)).containsExactly("a", "b", "c");
    assertThat(CsStrings.split("a,,b,c", new char[] {','}, 2, REMOVE)).containsExactly("a", "b,c");
    assertThat(CsStrings.split(",a,,b,", new char[] {','}, Integer.MAX_VALUE, REMOVE)).containsExactly("a", "b");
    assertThat(CsStrings.split(" a , b ,", new char[] {','}, Integer.MAX_VALUE, REMOVE | TRIM))
        .containsExactly("a", "b");
    assertThat(CsStrings.split("a;;b;;c", new String[] {";;"}, 0)).containsExactly("a", "b", "c");
    assertThat(CsStrings.split("a;;b", ";;", 0)).containsExactly("a", "b");
    assertThat(CsStrings.split("a b", "", 0)).containsExactly("a b");
    assertThat(CsStrings.split("axbyc", new String[] {"x", "y"}, 0)).containsExactly("a", "b", "c");
    assertThat(CsStrings.split("abc", new char[] {','}, 0, 0)).isEmpty();
    assertThat(CsStrings.split("", new char[] {','}, 5, REMOVE)).isEmpty();
    assertThatThrownBy(() -> CsStrings.split("a", new char[] {','}, -1, 0)).isInstanceOf(CsException.class);
    assertThat(CsStrings.split("Bearer abc", ' ')[1]).isEqualTo("abc");
  }

  @Test
  void substringAndSearch() {
    assertThat(CsStrings.substring("abc", 1, 1)).isEqualTo("b"); // V31
    assertThat(CsStrings.substring("abc", 3)).isEqualTo("");
    assertThatThrownBy(() -> CsStrings.substring("abc", 2, 5)).isInstanceOfSatisfying(CsException.class, e -> {
      assertThat(e.typeName()).isEqualTo("ArgumentOutOfRangeException");
      assertThat(e.getMessage()).isEqualTo(
          "Index and length must refer to a location within the string. (Parameter 'length')");
    });
    assertThatThrownBy(() -> CsStrings.charAt("abc", 3)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("IndexOutOfRangeException"));
    assertThat(CsStrings.indexOf("hello", "l")).isEqualTo(2);
    assertThat(CsStrings.indexOf("hello", "")).isEqualTo(0);
    assertThat(CsStrings.indexOf("Hello", "LL", CsStringComparison.OrdinalIgnoreCase)).isEqualTo(2);
    assertThat(CsStrings.lastIndexOf("hello", "l")).isEqualTo(3);
    assertThat(CsStrings.lastIndexOf("hello", 'l')).isEqualTo(3);
    assertThat(CsStrings.startsWith("Bearer x", "bearer ", CsStringComparison.OrdinalIgnoreCase)).isTrue();
    assertThat(CsStrings.startsWith("Bearer x", "bearer ")).isFalse();
    assertThat(CsStrings.endsWith("file.JSON", ".json", CsStringComparison.InvariantCultureIgnoreCase)).isTrue();
    assertThat(CsStrings.contains("abc", "")).isTrue();
    assertThatThrownBy(() -> CsStrings.contains("abc", (String) null)).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("ArgumentNullException"));
  }

  @Test
  void transformations() {
    assertThat(CsStrings.replace("a-b-c", "-", null)).isEqualTo("abc");
    assertThatThrownBy(() -> CsStrings.replace("abc", "", "x")).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("ArgumentException"));
    assertThat(CsStrings.replace("a.b", ".", "$1")).isEqualTo("a$1b");
    assertThat(CsStrings.trim("\u00a0 x \r\n")).isEqualTo("x");
    assertThat(CsStrings.trim("--x--", new char[] {'-'})).isEqualTo("x");
    assertThat(CsStrings.trimStart("//a/", new char[] {'/'})).isEqualTo("a/");
    assertThat(CsStrings.trimEnd("//a/", new char[] {'/'})).isEqualTo("//a");
    assertThat(CsStrings.padLeft("7", 3, '0')).isEqualTo("007");
    assertThat(CsStrings.padRight("ab", 4, ' ')).isEqualTo("ab  ");
    assertThatThrownBy(() -> CsStrings.padLeft("x", Integer.MAX_VALUE, ' ')).isInstanceOfSatisfying(
        CsException.class, e -> assertThat(e.typeName()).isEqualTo("OutOfMemoryException"));
    assertThatThrownBy(() -> CsStrings.padLeft("x", -1, ' ')).isInstanceOfSatisfying(CsException.class,
        e -> assertThat(e.typeName()).isEqualTo("ArgumentOutOfRangeException"));
    assertThat(CsStrings.insert("ac", 1, "b")).isEqualTo("abc");
    assertThat(CsStrings.remove("abcdef", 3)).isEqualTo("abc");
    assertThat(CsStrings.remove("abcdef", 1, 2)).isEqualTo("adef");
    assertThat(CsStrings.toLower("TITLE")).isEqualTo("title");
    assertThat(CsStrings.toUpper("straße")).isEqualTo("STRAßE");
    assertThat(CsStrings.toLower("\u0130")).isEqualTo("\u0130");
    assertThat(CsStrings.toUpper("true")).isEqualTo("TRUE");
  }

  @Test
  void staticsAndComparison() {
    assertThat(CsStrings.join(";", List.of("a", "c"))).isEqualTo("a;c");
    assertThat(CsStrings.join(",", new Object[] {1, null, true, 2.5})).isEqualTo("1,,True,2.5");
    assertThat(CsStrings.concat("n=", 3, 1)).isEqualTo("n=31");
    assertThat(CsStrings.isNullOrEmpty(null)).isTrue();
    assertThat(CsStrings.isNullOrWhiteSpace(" \t")).isTrue();
    assertThat(CsStrings.equals("10", "10", CsStringComparison.OrdinalIgnoreCase)).isTrue();
    assertThat(CsStrings.equals("ABC", "abc", CsStringComparison.OrdinalIgnoreCase)).isTrue();
    assertThat(CsStrings.equals("ABC", "abc", CsStringComparison.Ordinal)).isFalse();
    assertThat(CsStrings.compare("a", "B")).isNegative();
    assertThat(CsStrings.compare("a", "B", CsStringComparison.Ordinal)).isPositive();
    assertThat(CsStrings.compare("a", "A", true)).isZero();
    assertThat(CsStrings.compare("a", "A")).isNegative();
    assertThat(CsStrings.compare(null, "A")).isNegative();
  }

  @Property(tries = 500)
  void joinInvertsSplit(@ForAll @CharRange(from = 'a', to = 'd') char sep, @ForAll String s) {
    String text = s.replace('\u0000', 'x');
    assertThat(CsStrings.join(String.valueOf(sep), CsStrings.split(text, sep))).isEqualTo(text);
  }

  @Property(tries = 300)
  void splitCountBoundsItems(@ForAll String s, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5) int n) {
    String[] parts = CsStrings.split(s, new char[] {'a'}, n, 0);
    assertThat(parts.length).isLessThanOrEqualTo(n);
    assertThat(String.join("a", parts)).isEqualTo(s);
  }
}
