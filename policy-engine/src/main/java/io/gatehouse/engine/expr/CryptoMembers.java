package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsHashAlgorithm;
import io.gatehouse.engine.expr.runtime.CsSymmetricAlgorithm;

/**
 * Binding of the symmetric-cryptography surface: the APIM extensions {@code byte[].Encrypt/Decrypt} in their three
 * overloads (context.md 7), {@code SymmetricAlgorithm.Create(name)} with {@code Key}/{@code IV}, and the settable
 * {@code Key} of the HMAC classes ({@code new HMACSHA256 { Key = k }}).
 */
final class CryptoMembers {
  static final CsType SYMMETRIC = CsType.cls("SymmetricAlgorithm");

  private CryptoMembers() {}

  /** {@code Key}/{@code IV} of an algorithm object, assignable; null when {@code name} is not one of them. */
  static Bound property(Bound target, String name) {
    CsType t = target.type;
    Eval te = target.eval;
    if (t == SYMMETRIC && (name.equals("Key") || name.equals("IV"))) {
      boolean key = name.equals("Key");
      Bound b = Library.prop(target, Library.BYTES, CsSymmetricAlgorithm.class, a -> key ? a.key() : a.iv());
      b.store = (f, v) -> {
        CsSymmetricAlgorithm a = (CsSymmetricAlgorithm) Values.requireNonNull(te.eval(f));
        if (key) {
          a.setKey((byte[]) v);
        } else {
          a.setIv((byte[]) v);
        }
      };
      return b;
    }
    if (UtilityTypes.isHmac(t) && name.equals("Key")) {
      Bound b = Library.prop(target, Library.BYTES, CsHashAlgorithm.class, CsHashAlgorithm::key);
      b.store = (f, v) -> ((CsHashAlgorithm) Values.requireNonNull(te.eval(f))).setKey((byte[]) v);
      return b;
    }
    return null;
  }

  /** {@code byte[].Encrypt/Decrypt(...)} and {@code SymmetricAlgorithm.Create(name)}; null when not one of them. */
  static Bound call(Calls c) {
    if (c.target.typeRef == SYMMETRIC) {
      if (c.name.equals("Create") && c.n == 1 && c.is(0, CsType.STRING)) {
        Eval s = c.arg(0, CsType.STRING);
        return c.of(SYMMETRIC, f -> CsSymmetricAlgorithm.create((String) s.eval(f)));
      }
      if (c.name.equals("Create") && c.n == 0) {
        throw new CompileError(c.pos, "the parameterless SymmetricAlgorithm.Create() is not allowed in policy"
            + " expressions; name the algorithm");
      }
      return null;
    }
    if (c.target.typeRef != null || !c.target.type.equals(Library.BYTES)
        || !(c.name.equals("Encrypt") || c.name.equals("Decrypt"))) {
      return null;
    }
    boolean encrypt = c.name.equals("Encrypt");
    Eval in = c.target.eval;
    if (c.n == 3 && c.is(0, CsType.STRING) && c.is(1, Library.BYTES) && c.is(2, Library.BYTES)) {
      Eval alg = c.arg(0, CsType.STRING);
      Eval key = c.arg(1, Library.BYTES);
      Eval iv = c.arg(2, Library.BYTES);
      return c.of(Library.BYTES, f -> {
        byte[] input = (byte[]) in.eval(f);
        String a = (String) alg.eval(f);
        return encrypt ? CsSymmetricAlgorithm.encrypt(input, a, (byte[]) key.eval(f), (byte[]) iv.eval(f))
            : CsSymmetricAlgorithm.decrypt(input, a, (byte[]) key.eval(f), (byte[]) iv.eval(f));
      });
    }
    boolean withKey = c.n == 3 && c.is(1, Library.BYTES) && c.is(2, Library.BYTES);
    if ((c.n == 1 || withKey) && c.is(0, SYMMETRIC)) {
      Eval alg = c.arg(0, SYMMETRIC);
      Eval key = withKey ? c.arg(1, Library.BYTES) : f -> null;
      Eval iv = withKey ? c.arg(2, Library.BYTES) : f -> null;
      return c.of(Library.BYTES, f -> {
        byte[] input = (byte[]) in.eval(f);
        CsSymmetricAlgorithm a = (CsSymmetricAlgorithm) alg.eval(f);
        return encrypt ? CsSymmetricAlgorithm.encrypt(input, a, (byte[]) key.eval(f), (byte[]) iv.eval(f))
            : CsSymmetricAlgorithm.decrypt(input, a, (byte[]) key.eval(f), (byte[]) iv.eval(f));
      });
    }
    return null;
  }
}
