package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
/** Array representation: {@code string[]} is String[], {@code byte[]} is byte[], every other array Object[]. */
final class Arrays2 {
  private Arrays2() {}

  static Object create(CsType elem, int length) {
    if (elem.kind == CsType.Kind.STRING) {
      return new String[length];
    }
    if (elem.name.equals("byte")) {
      return new byte[length];
    }
    Object[] arr = new Object[length];
    Object def = Conversions.defaultValue(elem);
    if (def != null) {
      java.util.Arrays.fill(arr, def);
    }
    return arr;
  }

  static int length(Object arr) {
    return arr instanceof byte[] b ? b.length : ((Object[]) arr).length;
  }

  static Object get(Object arr, Object index) {
    int i = (Integer) index;
    if (i < 0 || i >= length(arr)) {
      throw new CsException("IndexOutOfRangeException", "Index was outside the bounds of the array.");
    }
    return arr instanceof byte[] b ? (Object) b[i] : ((Object[]) arr)[i];
  }

  static void set(Object arr, int i, Object v) {
    if (i < 0 || i >= length(arr)) {
      throw new CsException("IndexOutOfRangeException", "Index was outside the bounds of the array.");
    }
    if (arr instanceof byte[] b) {
      b[i] = (Byte) v;
    } else {
      ((Object[]) arr)[i] = v;
    }
  }
}
