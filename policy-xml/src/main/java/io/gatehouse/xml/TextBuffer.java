package io.gatehouse.xml;

import java.util.Arrays;

/** Decoded characters, each remembering the source offset it came from (for positions inside values). */
final class TextBuffer {
  private char[] chars = new char[64];
  private int[] offsets = new int[64];
  private int length;

  void append(char c, int sourceOffset) {
    if (length == chars.length) {
      chars = Arrays.copyOf(chars, length * 2);
      offsets = Arrays.copyOf(offsets, length * 2);
    }
    chars[length] = c;
    offsets[length++] = sourceOffset;
  }

  int length() {
    return length;
  }

  char charAt(int index) {
    return chars[index];
  }

  int offset(int index) {
    return offsets[index];
  }

  void truncate(int newLength) {
    length = newLength;
  }

  void clear() {
    length = 0;
  }

  String substring(int from, int to) {
    return new String(chars, from, to - from);
  }

  boolean startsWith(String s, int at) {
    if (at + s.length() > length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (chars[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
